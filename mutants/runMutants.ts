import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConformanceReport } from '../src/generated/types.js';
import { packageRoot } from '../src/paths.js';
import { emulatorConfig, startEmulator } from '../src/reference/index.js';
import { correctVariants, mutants, type Mutant } from './index.js';

export type Outcome = 'killed' | 'survived' | 'caught-by-other' | 'clean' | 'false-fail' | 'broken-run';

export interface MutantResult {
  mutant: Mutant;
  outcome: Outcome;
  exitCode: number;
  failed: string[];
  ms: number;
}

export const passing: readonly Outcome[] = ['killed', 'clean'];

const main = join(packageRoot, 'dist', 'src', 'cli', 'main.js');

/** The whole suite against one variant of the reference, served as an emulator, as a user would run it. */
export async function runAgainst(mutant: Mutant, { seed = 11, runs = 60 } = {}): Promise<MutantResult> {
  const started = performance.now();
  const emulator = await startEmulator({ profile: mutant.profile, build: mutant.build });
  const dir = mkdtempSync(join(tmpdir(), `wa-mutant-${mutant.id}-`));
  writeFileSync(join(dir, 'conformance.json'), JSON.stringify(emulatorConfig(emulator)));
  const args = [main, '--config', join(dir, 'conformance.json'), '--seed', String(seed), '--runs', String(runs), '--workers', '1', '--report-dir', dir];
  const exitCode = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, args, { stdio: 'ignore', env: { ...process.env, CI: 'true' } });
    child.on('close', (code) => resolve(code ?? -1));
  });
  await emulator.server.close();
  let failed: string[] = [];
  try {
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as ConformanceReport;
    failed = report.requirements.filter((r) => r.verdict === 'FAIL').map((r) => r.id);
  } catch {
    return { mutant, outcome: 'broken-run', exitCode, failed, ms: performance.now() - started };
  }
  const isVariant = mutant.catches.length === 0;
  const outcome: Outcome = isVariant
    ? (failed.length === 0 && exitCode === 0 ? 'clean' : 'false-fail')
    : exitCode !== 1 || failed.length === 0 ? 'survived'
      : mutant.catches.every((id) => failed.includes(id)) ? 'killed' : 'caught-by-other';
  return { mutant, outcome, exitCode, failed, ms: performance.now() - started };
}

/** Every mutant and correct variant, `concurrency` at a time (one per core). */
export async function runMutants(options: { concurrency?: number; seed?: number; runs?: number; only?: (m: Mutant) => boolean } = {}): Promise<MutantResult[]> {
  const queue = [...mutants, ...correctVariants].filter(options.only ?? (() => true));
  const results: MutantResult[] = [];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) results.push(await runAgainst(next, options));
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 2 }, worker));
  const order = [...mutants, ...correctVariants];
  return results.sort((a, b) => order.indexOf(a.mutant) - order.indexOf(b.mutant));
}

/** The kill matrix as a Markdown table, and the score line. */
export function killMatrix(results: MutantResult[], totalMs: number): string {
  const killed = results.filter((r) => r.outcome === 'killed').length;
  const faulty = results.filter((r) => r.mutant.catches.length > 0).length;
  const clean = results.filter((r) => r.outcome === 'clean').length;
  const variants = results.length - faulty;
  const rows = results.map((r) => `| \`${r.mutant.id}\` | ${r.mutant.profile} | ${r.mutant.catches.map((id) => `\`${id}\``).join(', ') || '— (correct variant)'} | ${r.failed.map((id) => `\`${id}\``).join(', ') || '—'} | ${r.outcome} |`);
  return [
    `**Mutation score: ${killed}/${faulty} mutants killed by their declared requirement (${Math.round((100 * killed) / Math.max(faulty, 1))}%); ${clean}/${variants} correct variants without a FAIL; ${results.length} suite runs in ${(totalMs / 1000).toFixed(0)} s.**`,
    '',
    '| mutant | profile | must be caught by | FAIL in the run | outcome |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
