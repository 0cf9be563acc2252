import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConformanceReport } from '../src/generated/types.js';
import { packageRoot } from '../src/paths.js';
import { requirement } from '../src/requirements/index.js';
import { emulatorConfig, emulatorUrlVariable, startEmulator, type SourceKind } from '../src/reference/index.js';
import { correctVariants, mutants, type Mutant } from './index.js';

export type Outcome = 'killed' | 'survived' | 'caught-by-other' | 'clean' | 'false-fail' | 'false-warn' | 'broken-run';

export interface ModeResult {
  sources: SourceKind;
  outcome: Outcome;
  exitCode: number;
  failed: string[];
  warned: string[];
  ms: number;
}

/** One mutant in both modes: with the control protocol, and foreign (control off, another source in its place). */
export interface MutantResult {
  mutant: Mutant;
  control: ModeResult;
  foreign: ModeResult;
}

export const passing: readonly Outcome[] = ['killed', 'clean'];

const main = join(packageRoot, 'dist', 'src', 'cli', 'main.js');
const rotation: Exclude<SourceKind, 'control' | 'fixed' | 'command'>[] = ['header', 'inbox', 'hooks'];

/** The source a mutant's foreign run uses: its own choice, or the next of the rotation. */
export function foreignSources(mutant: Mutant): Exclude<SourceKind, 'control'> {
  return mutant.foreign ?? rotation[[...mutants, ...correctVariants].indexOf(mutant) % rotation.length]!;
}

/** What the verdicts of one run say of a mutant (or a correct variant). */
export function outcomeOf(mutant: Mutant, exitCode: number, failed: string[], warned: string[]): Outcome {
  if (mutant.catches.length === 0) {
    if (failed.length > 0 || exitCode !== 0) return 'false-fail';
    return warned.every((id) => mutant.departs?.includes(id)) ? 'clean' : 'false-warn';
  }
  const caught = (id: string) => (requirement(id).level === 'MUST' ? failed : warned).includes(id);
  const mustCaught = mutant.catches.some((id) => requirement(id).level === 'MUST');
  if (mutant.catches.every(caught) && (!mustCaught || exitCode === 1)) return 'killed';
  return failed.length === 0 && !mutant.catches.some(caught) ? 'survived' : 'caught-by-other';
}

/** The whole suite against one variant of the reference, served as an emulator, as a user would run it. */
export async function runAgainst(mutant: Mutant, sources: SourceKind, { seed = 11, runs = 60 } = {}): Promise<ModeResult> {
  const started = performance.now();
  const emulator = await startEmulator({ profile: mutant.profile, build: mutant.build, sources });
  const dir = mkdtempSync(join(tmpdir(), `wa-mutant-${mutant.id}-`));
  writeFileSync(join(dir, 'conformance.json'), JSON.stringify(emulatorConfig(emulator)));
  const args = [main, '--config', join(dir, 'conformance.json'), '--seed', String(seed), '--runs', String(runs), '--workers', '1', '--report-dir', dir];
  const exitCode = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, args, { stdio: 'ignore', env: { ...process.env, CI: 'true', [emulatorUrlVariable]: emulator.server.url } });
    child.on('close', (code) => resolve(code ?? -1));
  });
  await emulator.server.close();
  const result = { sources, exitCode, failed: [] as string[], warned: [] as string[], ms: 0 };
  try {
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as ConformanceReport;
    result.failed = report.requirements.filter((r) => r.verdict === 'FAIL').map((r) => r.id);
    result.warned = report.requirements.filter((r) => r.verdict === 'WARN').map((r) => r.id);
  } catch {
    return { ...result, outcome: 'broken-run', ms: performance.now() - started };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { ...result, outcome: outcomeOf(mutant, exitCode, result.failed, result.warned), ms: performance.now() - started };
}

/** Every mutant and correct variant in both modes, `concurrency` runs at a time (one per core). */
export async function runMutants(options: { concurrency?: number; seed?: number; runs?: number; only?: (m: Mutant) => boolean } = {}): Promise<MutantResult[]> {
  const chosen = [...mutants, ...correctVariants].filter(options.only ?? (() => true));
  const queue = chosen.flatMap((mutant) => [{ mutant, sources: 'control' as SourceKind }, { mutant, sources: foreignSources(mutant) as SourceKind }]);
  const done = new Map<Mutant, Partial<MutantResult>>();
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const result = await runAgainst(next.mutant, next.sources, options);
      const entry = done.get(next.mutant) ?? { mutant: next.mutant };
      entry[next.sources === 'control' ? 'control' : 'foreign'] = result;
      done.set(next.mutant, entry);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 2 }, worker));
  return chosen.map((mutant) => done.get(mutant) as MutantResult);
}

export const isPassing = (r: MutantResult) => passing.includes(r.control.outcome) && passing.includes(r.foreign.outcome);

const ids = (list: string[]) => list.map((id) => `\`${id}\``).join(', ') || '—';

/** The kill matrix as a Markdown table, and the score line. */
export function killMatrix(results: MutantResult[], totalMs: number): string {
  const faulty = results.filter((r) => r.mutant.catches.length > 0);
  const variants = results.filter((r) => r.mutant.catches.length === 0);
  const killed = (mode: 'control' | 'foreign') => faulty.filter((r) => r[mode].outcome === 'killed').length;
  const clean = (mode: 'control' | 'foreign') => variants.filter((r) => r[mode].outcome === 'clean').length;
  const kinds = [...new Set(results.map((r) => r.foreign.sources))].join(', ');
  const caught = (m: ModeResult) => ids([...m.failed, ...m.warned.map((id) => `${id} (WARN)`)]);
  const rows = results.map((r) => `| \`${r.mutant.id}\` | ${r.mutant.profile} | ${ids(r.mutant.catches) === '—' ? '— (correct variant)' : ids(r.mutant.catches)} | ${caught(r.control)} | ${r.control.outcome} | ${r.foreign.sources} | ${caught(r.foreign)} | ${r.foreign.outcome} |`);
  return [
    `**Mutation score: ${killed('control')}/${faulty.length} mutants killed by their declared requirement with the control protocol, ${killed('foreign')}/${faulty.length} in foreign mode (control protocol off; sources: ${kinds}); correct variants clean: ${clean('control')}/${variants.length} and ${clean('foreign')}/${variants.length}; ${results.length * 2} suite runs in ${(totalMs / 1000).toFixed(0)} s.**`,
    '',
    '| mutant | profile | must be caught by | FAIL/WARN with control protocol | outcome | foreign sources | FAIL/WARN foreign | outcome |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
