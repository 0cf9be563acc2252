import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { runFailed } from '../../reporters/verdicts.js';
import type { ConformanceReport } from '../generated/types.js';
import { packageRoot } from '../paths.js';
import { settingsToEnv, type RunSettings } from '../settings/runSettings.js';
import { exitCodes, UsageError } from './usageError.js';

const playwrightCli = createRequire(import.meta.url).resolve('@playwright/test/cli');


/** Runs the compiled specs under Playwright's runner and turns the report into an exit code. */
export async function runSuite(settings: RunSettings, extraArgs: string[]): Promise<number> {
  const reportFile = join(settings.reportDir, 'report.json');
  rmSync(reportFile, { force: true });
  const config = join(packageRoot, 'dist', 'playwright.config.js');
  const runDir = mkdtempSync(join(tmpdir(), 'wa-run-'));
  const child = spawn(process.execPath, [playwrightCli, 'test', '--config', config, ...extraArgs], {
    stdio: 'inherit',
    env: { ...process.env, ...settingsToEnv({ ...settings, breakerFile: join(runDir, 'breaker.json') }), ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}) },
  });
  const code = await new Promise<number>((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 130 : 1))));
  rmSync(runDir, { recursive: true, force: true });
  if (!existsSync(reportFile)) throw new UsageError(`the run ended without a report (Playwright exited with code ${code})`);
  return exitCodeOf(JSON.parse(readFileSync(reportFile, 'utf8')) as ConformanceReport);
}

/** 0 or 1 from a report; a report of nothing, or of a run that broke down, is a usage-level problem (2). */
export function exitCodeOf(report: ConformanceReport): number {
  if (report.requirements.length === 0) throw new UsageError('no test matched: nothing was checked');
  if (report.errors.length > 0) throw new UsageError(`the suite itself failed: ${report.errors[0]}`);
  return runFailed(report.summary) ? exitCodes.fail : exitCodes.pass;
}
