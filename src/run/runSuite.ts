import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runErrored, runFailed } from '../../reporters/verdicts.js';
import type { ConformanceReport } from '../generated/types.js';
import { packageRoot } from '../paths.js';
import { type RunSettings, settingsToEnv } from '../settings/runSettings.js';
import { type RunnerFilter, runPlaywright } from './playwrightRunner.js';
import { childrenStartedSinceEnded, ownChildren } from './processes.js';
import { exitCodes, UsageError } from './usageError.js';
import { warmWorkerPid } from './warmWorker.js';

/** Runs the compiled specs under Playwright's runner and turns the report into an exit code. */
export async function runSuite(settings: RunSettings, filter: RunnerFilter = {}): Promise<number> {
  const reportFile = join(settings.reportDir, 'report.json');
  rmSync(reportFile, { force: true });
  const runDir = mkdtempSync(join(tmpdir(), 'wa-run-'));
  // The configuration and every worker read the settings from the environment.
  Object.assign(process.env, settingsToEnv({ ...settings, runDir }));
  // Started with the command, the warm worker becomes this run's first worker: it is waited for like the others.
  const children = ownChildren();
  const warm = warmWorkerPid();
  if (warm !== undefined) children.delete(warm);
  try {
    await runPlaywright(join(packageRoot, 'dist', 'playwright.config.js'), filter);
  } finally {
    await childrenStartedSinceEnded(children);
    removeRunDir(runDir);
  }
  if (!existsSync(reportFile)) throw new UsageError('the run ended without a report');
  return exitCodeOf(JSON.parse(readFileSync(reportFile, 'utf8')) as ConformanceReport);
}

/** A worker still writing past the wait keeps the directory: that costs a temporary directory, never the verdict. */
function removeRunDir(runDir: string): void {
  try {
    rmSync(runDir, { recursive: true, force: true, maxRetries: 5 });
  } catch (e) {
    process.stderr.write(
      `wa-account-conformance: the run's directory ${runDir} is left behind: ${(e as Error).message}\n`,
    );
  }
}

/**
 * 0 or 1 from a report; a report of nothing, of a run that broke down, or whose only problems are requirements a
 * source kept from being judged (ERROR), is a usage-level problem (2).
 */
export function exitCodeOf(report: ConformanceReport): number {
  if (report.requirements.length === 0) throw new UsageError('no test matched: nothing was checked');
  if (report.errors.length > 0) throw new UsageError(`the suite itself failed: ${report.errors[0]}`);
  if (runErrored(report.summary)) {
    const first = report.requirements.find((r) => r.verdict === 'ERROR')!;
    throw new UsageError(
      `${report.summary.error} requirement${report.summary.error > 1 ? 's were' : ' was'} not judged because the suite's own setup failed (ERROR), ${first.id} first: ${first.reason}`,
    );
  }
  return runFailed(report.summary) ? exitCodes.fail : exitCodes.pass;
}
