import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runPlaywright } from '../src/cli/playwrightRunner.js';
import { prepareTarget } from '../src/cli/prepareTarget.js';
import { resolveSettings } from '../src/cli/resolveSettings.js';
import { exitCodeOf } from '../src/cli/runSuite.js';
import type { ConformanceReport } from '../src/generated/types.js';
import { packageRoot } from '../src/paths.js';
import { requirement } from '../src/requirements/index.js';
import { emulatorConfig, emulatorUrlVariable, startEmulator, type Emulator, type SourceKind } from '../src/reference/index.js';
import { correctVariants, mutants, type Mutant } from './index.js';
import { matrixPlanVariable, type MatrixPlan, type PlannedRun } from './matrixPlan.js';
import { writeRunSpec } from './matrixSpecs.js';

export type Outcome = 'killed' | 'survived' | 'caught-by-other' | 'clean' | 'false-fail' | 'false-warn' | 'broken-run';

export interface ModeResult {
  sources: SourceKind;
  outcome: Outcome;
  exitCode: number;
  failed: string[];
  warned: string[];
}

/** One mutant in both modes: with the control protocol, and foreign (control off, another source in its place). */
export interface MutantResult {
  mutant: Mutant;
  control: ModeResult;
  foreign: ModeResult;
}

export const passing: readonly Outcome[] = ['killed', 'clean'];

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

interface MatrixRun {
  mutant: Mutant;
  sources: SourceKind;
  emulator: Emulator;
  dir: string;
}

/**
 * Which requirements a mutant's runs check: every one (the README's table: what else catches it), or only those it
 * declares (the test gate: whether it is killed depends on nothing else, as a mutation tester runs only the tests
 * that cover a mutant). A correct variant is always checked against every requirement: a false FAIL can be anywhere.
 */
export type MatrixScope = 'every' | 'declared';

export interface MatrixOptions {
  concurrency?: number;
  seed?: number;
  runs?: number;
  scope?: MatrixScope;
  only?: (m: Mutant) => boolean;
}

/**
 * Every mutant and correct variant in both modes, each served as an emulator, run in one Playwright runner: a
 * test file per run, `concurrency` workers (one per core) judging one run after another. Each run's settings are
 * resolved and its target prepared as the command does for a configuration file, and each gets the report files a
 * run of its own writes.
 */
export async function runMutants(options: MatrixOptions = {}): Promise<MutantResult[]> {
  const chosen = [...mutants, ...correctVariants].filter(options.only ?? (() => true));
  const root = mkdtempSync(join(tmpdir(), 'wa-mutants-'));
  const runs: MatrixRun[] = [];
  // The copies of the hooks module set the emulator's address in this process too, while the targets are prepared.
  const emulatorUrl = process.env[emulatorUrlVariable];
  try {
    for (const mutant of chosen) {
      for (const sources of ['control', foreignSources(mutant)] as SourceKind[]) {
        const emulator = await startEmulator({ profile: mutant.profile, build: mutant.build, sources });
        const dir = join(root, `${mutant.id}.${sources}`);
        mkdirSync(dir);
        runs.push({ mutant, sources, emulator, dir });
      }
    }
    // One after another: a copy of the example hooks module takes its emulator's address from the environment.
    const planned: (PlannedRun | { error: string })[] = [];
    for (const run of runs) planned.push(await plannedRun(run, options));
    const testDir = join(root, 'specs');
    mkdirSync(testDir);
    const plan: MatrixPlan = { workers: options.concurrency ?? 2, testDir, outputDir: join(root, 'playwright'), runs: planned.flatMap((p) => ('settings' in p ? [p] : [])) };
    for (const run of plan.runs) writeRunSpec(testDir, run);
    writeFileSync(join(root, 'plan.json'), JSON.stringify(plan));
    process.env[matrixPlanVariable] = join(root, 'plan.json');
    if (plan.runs.length) await runPlaywright(join(packageRoot, 'dist', 'mutants', 'matrix.config.js'), {});
    const results = runs.map((run, i) => resultOf(run, planned[i]!));
    return chosen.map((mutant) => {
      const [control, foreign] = results.filter((r) => r.mutant === mutant);
      return { mutant, control: control!.result, foreign: foreign!.result };
    });
  } finally {
    delete process.env[matrixPlanVariable];
    if (emulatorUrl === undefined) delete process.env[emulatorUrlVariable];
    else process.env[emulatorUrlVariable] = emulatorUrl;
    await Promise.all(runs.map((run) => run.emulator.server.close()));
    rmSync(root, { recursive: true, force: true });
  }
}

/** A run's settings, as `--config conformance.json --seed S --runs N` resolves them and the preflight leaves them. */
async function plannedRun(run: MatrixRun, { seed = 11, runs = 60, scope = 'every' }: MatrixOptions): Promise<PlannedRun | { error: string }> {
  const config = emulatorConfig(run.emulator);
  // The example hooks module reads its emulator's address once, when it is loaded: one copy of it per emulator.
  if (config.hooks) config.hooks = hooksFor(run, config.hooks);
  const reportDir = join(run.dir, 'report');
  try {
    const resolved = resolveSettings({ seed, runs, workers: 1, reportDir }, config, {});
    const settings = { ...(await prepareTarget({ ...resolved, target: config.target! }, () => {})), runDir: run.dir };
    return { name: basename(run.dir), settings, ...(scope === 'declared' && run.mutant.catches.length ? { grep: tagsOf(run.mutant.catches) } : {}) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** A pattern that matches the tags (`@ID`, see verifies()) of the tests of these requirements, and no other's. */
export function tagsOf(ids: readonly string[]): string {
  return `@(?:${ids.join('|')})(?=\\s|$)`;
}

function hooksFor(run: MatrixRun, hooks: string): string {
  const file = join(run.dir, 'hooks.mjs');
  const source = `${pathToFileURL(hooks).href}?emulator=${encodeURIComponent(run.emulator.server.url)}`;
  writeFileSync(file, [
    `process.env.${emulatorUrlVariable} = ${JSON.stringify(run.emulator.server.url)};`,
    `const hooks = await import(${JSON.stringify(source)});`,
    'export const stateHandlers = hooks.stateHandlers;',
    'export const sentCode = hooks.sentCode;',
  ].join('\n'));
  return file;
}

function resultOf(run: MatrixRun, planned: PlannedRun | { error: string }): { mutant: Mutant; result: ModeResult } {
  const result: ModeResult = { sources: run.sources, outcome: 'broken-run', exitCode: 2, failed: [], warned: [] };
  if ('settings' in planned) {
    try {
      const report = JSON.parse(readFileSync(join(planned.settings.reportDir, 'report.json'), 'utf8')) as ConformanceReport;
      result.failed = report.requirements.filter((r) => r.verdict === 'FAIL').map((r) => r.id);
      result.warned = report.requirements.filter((r) => r.verdict === 'WARN').map((r) => r.id);
      result.exitCode = exitCodeOf(report);
      result.outcome = outcomeOf(run.mutant, result.exitCode, result.failed, result.warned);
    } catch {
      // No report, or the report of a run that broke down (the command's exit 2).
    }
  }
  return { mutant: run.mutant, result };
}

export const isPassing = (r: MutantResult) => passing.includes(r.control.outcome) && passing.includes(r.foreign.outcome);

const ids = (list: string[]) => list.map((id) => `\`${id}\``).join(', ') || '—';

/** The kill matrix as a Markdown table, and the score line. */
export function killMatrix(results: MutantResult[], totalMs: number, scope: MatrixScope = 'every'): string {
  const faulty = results.filter((r) => r.mutant.catches.length > 0);
  const variants = results.filter((r) => r.mutant.catches.length === 0);
  const killed = (mode: 'control' | 'foreign') => faulty.filter((r) => r[mode].outcome === 'killed').length;
  const clean = (mode: 'control' | 'foreign') => variants.filter((r) => r[mode].outcome === 'clean').length;
  const kinds = [...new Set(results.map((r) => r.foreign.sources))].join(', ');
  const caught = (m: ModeResult) => ids([...m.failed, ...m.warned.map((id) => `${id} (WARN)`)]);
  const rows = results.map((r) => `| \`${r.mutant.id}\` | ${r.mutant.profile} | ${ids(r.mutant.catches) === '—' ? '— (correct variant)' : ids(r.mutant.catches)} | ${caught(r.control)} | ${r.control.outcome} | ${r.foreign.sources} | ${caught(r.foreign)} | ${r.foreign.outcome} |`);
  return [
    `**Mutation score: ${killed('control')}/${faulty.length} mutants killed by their declared requirement with the control protocol, ${killed('foreign')}/${faulty.length} in foreign mode (control protocol off; sources: ${kinds}); correct variants clean: ${clean('control')}/${variants.length} and ${clean('foreign')}/${variants.length}; ${results.length * 2} suite runs${scope === 'declared' ? ' (each mutant against the requirements it declares, each variant against every one)' : ''} in ${(totalMs / 1000).toFixed(0)} s.**`,
    '',
    '| mutant | profile | must be caught by | FAIL/WARN with control protocol | outcome | foreign sources | FAIL/WARN foreign | outcome |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
