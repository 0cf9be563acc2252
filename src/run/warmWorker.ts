import childProcess, { type ChildProcess, type ForkOptions } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the warm process needs to become the worker Playwright forks: the environment Playwright gave the fork. */
export interface Handoff {
  env: NodeJS.ProcessEnv;
}

/** `require` as @playwright/test's own, so that Playwright's internal modules resolve to the copy the suite pins. */
export const playwrightRequire = createRequire(createRequire(import.meta.url).resolve('@playwright/test'));
/** The script Playwright forks each worker from (its WorkerHost), as it resolves it. */
const workerEntry = join(
  dirname(playwrightRequire.resolve('playwright/package.json')),
  'lib',
  'worker',
  'workerProcessEntry.js',
);

const fork = childProcess.fork;
let warm: ChildProcess | undefined;

/**
 * Starts the process that becomes Playwright's first worker. Playwright forks its worker only once it has loaded
 * itself and collected the specs, and the worker then loads the same megabytes again while this process waits:
 * started at the run's start, on another core, that load overlaps the checks before the run and the runner's own.
 * The first fork of the worker script is answered with it; any other fork (a second worker, a worker restarted) is
 * Playwright's own.
 */
export function startWarmWorker(execArgv: string[]): void {
  if (warm) return;
  const started = fork(fileURLToPath(new URL('./workerPrelude.js', import.meta.url)), [workerEntry], {
    execArgv,
    // What Playwright gives every worker beyond this process's environment, read by its libraries as they load.
    env: {
      ...process.env,
      FORCE_COLOR: '1',
      DEBUG_COLORS: process.env.DEBUG_COLORS ?? '1',
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  // Until handed over it keeps nothing of this process alive: a run that stops before its tests exits at once.
  started.unref();
  started.channel?.unref();
  started.on('error', () => {});
  warm = started;
  childProcess.fork = ((modulePath: string, ...rest: unknown[]) => {
    const forked = () => (fork as (...args: unknown[]) => ChildProcess)(modulePath, ...rest);
    if (modulePath !== workerEntry) return forked();
    const handed = warm;
    childProcess.fork = fork;
    warm = undefined;
    if (!handed?.connected || handed.exitCode !== null) {
      handed?.kill();
      return forked();
    }
    const options = (Array.isArray(rest[0]) ? rest[1] : rest[0]) as ForkOptions | undefined;
    handed.ref();
    handed.channel?.ref();
    handed.send({ env: options?.env ?? process.env } satisfies Handoff);
    return handed;
  }) as typeof childProcess.fork;
}

/** The warm process's id while it waits for Playwright's first fork, which it then becomes. */
export function warmWorkerPid(): number | undefined {
  return warm?.pid;
}

/** Ends the warm process if Playwright never asked for a worker (a run that stopped before its tests). */
export function endWarmWorker(): void {
  childProcess.fork = fork;
  warm?.kill();
  warm = undefined;
}
