import { deferBabelBundle } from './deferredBabel.js';
import type { Shard } from './runOptions.js';
import { endWarmWorker, playwrightRequire, startWarmWorker } from './warmWorker.js';

export { endWarmWorker };

/** What of Playwright's command line the suite passes on. */
export interface RunnerFilter {
  grep?: string;
  shard?: Shard;
}

// The two calls `playwright test` makes (playwright/lib/cli/testActions.js), from the package's exported
// subpaths; @playwright/test is pinned, and every test that runs the command runs them.
interface PlaywrightCommon {
  configLoader: { loadConfigFromFile(file: string, overrides: object, ignoreDeps: boolean): Promise<unknown> };
}
interface PlaywrightRunner {
  testRunner: {
    runAllTestsWithConfig(config: unknown, options: object): Promise<'passed' | 'failed' | 'timedout' | 'interrupted'>;
  };
}

/**
 * `playwright test --config FILE [--grep G] [--shard S]`, in this process rather than a child of its own: a process
 * fewer costs a run ~100 MB of memory and a node start. The caller has prepared the workers (`prepareWorkers`) as
 * early as it can; a warm worker Playwright did not ask for is ended with the run.
 */
export async function runPlaywright(configFile: string, filter: RunnerFilter): Promise<void> {
  try {
    await runner(configFile, filter);
  } finally {
    endWarmWorker();
  }
}

/** How the run's workers start, settled before anything else of the run: the first is started at once. */
export function prepareWorkers(): void {
  keepWorkersSmall();
  // The specs are compiled JavaScript: Playwright's TypeScript loader hooks only cost every import a round trip to
  // their thread (~200 ms a process).
  process.env.PW_DISABLE_TS_ESM ??= '1';
  startWarmWorker(process.execArgv);
}

async function runner(configFile: string, filter: RunnerFilter): Promise<void> {
  deferBabelBundle();
  const { configLoader } = playwrightRequire('playwright/lib/common') as PlaywrightCommon;
  const { testRunner } = playwrightRequire('playwright/lib/runner') as PlaywrightRunner;
  const config = await configLoader.loadConfigFromFile(configFile, { shard: filter.shard }, false);
  await testRunner.runAllTestsWithConfig(config, { grep: filter.grep, listMode: false, passWithNoTests: false });
}

/**
 * A worker holds ~100 MB of live data, but reads answers up to the body cap, hundreds of times against a target that
 * answers too much: left to their defaults V8 lets that garbage grow a worker by 100 MB and more before it collects,
 * and glibc keeps the freed megabyte buffers. A small young generation, an old-space ceiling well above the live
 * data, and a fixed mmap threshold (a freed large buffer goes back to the system) keep a whole run under 400 MB
 * (npm run hostile). Workers are forked with this process's execArgv and environment; a flag the user gives in
 * NODE_OPTIONS is left to win.
 */
function keepWorkersSmall(): void {
  const userOptions = process.env.NODE_OPTIONS ?? '';
  for (const flag of ['--max-semi-space-size=2', '--max-old-space-size=384']) {
    const name = flag.split('=')[0]!;
    if (!userOptions.includes(name) && !process.execArgv.some((arg) => arg.startsWith(name)))
      process.execArgv.push(flag);
  }
  process.env.MALLOC_MMAP_THRESHOLD_ ??= String(128 * 1024);
}
