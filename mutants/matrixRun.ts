// What the kill matrix and the configuration matrix share: targets served as emulators, each with the configuration a
// user would write for it, prepared as the command prepares a configuration file, then judged as test files of one
// Playwright runner (mutants/matrixSpecs.ts).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ConformanceConfig, ConformanceReport } from '../src/generated/types.js';
import { packageRoot } from '../src/paths.js';
import type { SourceKind } from '../src/protocol/index.js';
import {
  type Emulator,
  type EmulatorOptions,
  emulatorConfig,
  emulatorUrlVariable,
  type Handler,
  type ReferenceOptions,
  startEmulator,
} from '../src/reference/index.js';
import type { Profile } from '../src/requirements/index.js';
import { prepareWorkers, runPlaywright } from '../src/run/playwrightRunner.js';
import { preflight } from '../src/run/preflight.js';
import { resolveSettings } from '../src/run/resolveSettings.js';
import { exitCodeOf } from '../src/run/runSuite.js';
import { type MatrixPlan, matrixPlanVariable, type PlannedRun } from './matrixPlan.js';
import { writeRunSpec } from './matrixSpecs.js';

/** One suite run: a target served as an emulator, and the configuration its run is given. */
export interface MatrixCell {
  /** Unique and file-safe: the run's test file and folder are named after it. */
  name: string;
  profile: Profile;
  /** The target: the reference (absent) or a variant of it. */
  build?: (options: ReferenceOptions) => Handler;
  /** How the target is served (TLS, latency, restarts…). */
  serving?: () => EmulatorOptions['serving'];
  /** How the emulator offers its state and codes (the control protocol, or the test surfaces of other emulators). */
  sources: SourceKind;
  /** The configuration file, from the one the emulator prints; `dir` is the run's own folder, for files it names. */
  configure?: (config: ConformanceConfig, emulator: Emulator, dir: string) => ConformanceConfig;
  /** The environment the settings are resolved in (passwords that are not in the file). */
  env?: (emulator: Emulator) => NodeJS.ProcessEnv;
  /** Only the tests whose tags this pattern matches. */
  grep?: string;
}

/** What a cell's run came to: its report, and the exit code the command would give; `stopped` is its exit-2 line. */
export interface CellResult<C extends MatrixCell = MatrixCell> {
  cell: C;
  exitCode: number;
  report?: ConformanceReport;
  stopped?: string;
}

export interface MatrixRunOptions {
  concurrency?: number;
  seed?: number;
  runs?: number;
}

interface Served<C extends MatrixCell> {
  cell: C;
  emulator: Emulator;
  dir: string;
}

let ran = false;

/**
 * Every cell's run, `concurrency` workers judging one run after another; results in the cells' order. Once per
 * process: a second Playwright runner in the same process finds no test (its loader keeps the first run's state).
 */
export async function runMatrix<C extends MatrixCell>(
  cells: readonly C[],
  options: MatrixRunOptions = {},
): Promise<CellResult<C>[]> {
  if (ran)
    throw new Error(
      "runMatrix runs once per process (Playwright's runner does not run twice in one): put a second matrix in a test file of its own",
    );
  ran = true;
  const root = mkdtempSync(join(tmpdir(), 'wa-matrix-'));
  const served: Served<C>[] = [];
  // The copies of a hooks module set the emulator's address in this process too, while the targets are prepared.
  const emulatorUrl = process.env[emulatorUrlVariable];
  try {
    for (const cell of cells) {
      const emulator = await startEmulator({
        profile: cell.profile,
        build: cell.build,
        sources: cell.sources,
        serving: cell.serving?.(),
      });
      const dir = join(root, cell.name);
      mkdirSync(dir);
      served.push({ cell, emulator, dir });
    }
    // One after another: a copy of a hooks module takes its emulator's address from the environment.
    const planned: (PlannedRun | { stopped: string })[] = [];
    for (const run of served) planned.push(await plannedRun(run, options));
    const testDir = join(root, 'specs');
    mkdirSync(testDir);
    const plan: MatrixPlan = {
      workers: options.concurrency ?? 2,
      testDir,
      outputDir: join(root, 'playwright'),
      runs: planned.flatMap((p) => ('settings' in p ? [p] : [])),
    };
    for (const run of plan.runs) writeRunSpec(testDir, run);
    writeFileSync(join(root, 'plan.json'), JSON.stringify(plan));
    process.env[matrixPlanVariable] = join(root, 'plan.json');
    if (plan.runs.length) {
      prepareWorkers();
      await runPlaywright(join(packageRoot, 'dist', 'mutants', 'matrix.config.js'), {});
    }
    return served.map((run, i) => resultOf(run.cell, planned[i]!));
  } finally {
    delete process.env[matrixPlanVariable];
    if (emulatorUrl === undefined) delete process.env[emulatorUrlVariable];
    else process.env[emulatorUrlVariable] = emulatorUrl;
    await Promise.all(served.map((run) => run.emulator.server.close()));
    rmSync(root, { recursive: true, force: true });
  }
}

/** A run's settings, as `--config conformance.json --seed S --runs N` resolves them and the preflight leaves them. */
async function plannedRun(
  { cell, emulator, dir }: Served<MatrixCell>,
  { seed = 11, runs = 60 }: MatrixRunOptions,
): Promise<PlannedRun | { stopped: string }> {
  const config = (cell.configure ?? ((c) => c))(emulatorConfig(emulator), emulator, dir);
  // A hooks module reads its emulator's address once, when it is loaded: one copy of it per emulator.
  if (config.hooks) config.hooks = hooksFor(emulator, dir, config.hooks);
  const reportDir = join(dir, 'report');
  try {
    const resolved = resolveSettings(
      { seed, runs, workers: 1, reportDir },
      config,
      cell.env?.(emulator) ?? {},
      join(dir, 'conformance.json'),
    );
    const settings = { ...(await preflight({ ...resolved, target: config.target! }, { say: () => {} })), runDir: dir };
    return { name: cell.name, settings, ...(cell.grep ? { grep: cell.grep } : {}) };
  } catch (error) {
    return { stopped: error instanceof Error ? error.message : String(error) };
  }
}

function hooksFor(emulator: Emulator, dir: string, hooks: string): string {
  const file = join(dir, 'hooks.mjs');
  const source = `${pathToFileURL(hooks).href}?emulator=${encodeURIComponent(emulator.server.url)}`;
  writeFileSync(
    file,
    [
      `process.env.${emulatorUrlVariable} = ${JSON.stringify(emulator.server.url)};`,
      `const hooks = await import(${JSON.stringify(source)});`,
      'export const stateHandlers = hooks.stateHandlers;',
      'export const sentCode = hooks.sentCode;',
    ].join('\n'),
  );
  return file;
}

function resultOf<C extends MatrixCell>(cell: C, planned: PlannedRun | { stopped: string }): CellResult<C> {
  if ('stopped' in planned) return { cell, exitCode: 2, stopped: planned.stopped };
  let report: ConformanceReport;
  try {
    report = JSON.parse(readFileSync(join(planned.settings.reportDir, 'report.json'), 'utf8')) as ConformanceReport;
  } catch {
    return { cell, exitCode: 2, stopped: 'the run ended without a report' };
  }
  try {
    return { cell, report, exitCode: exitCodeOf(report) };
  } catch (error) {
    // The report of a run that broke down, or whose only problems are ERRORs: the command's exit 2.
    return { cell, report, exitCode: 2, stopped: (error as Error).message };
  }
}
