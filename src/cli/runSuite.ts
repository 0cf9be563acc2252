import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';
import { settingsToEnv, type RunSettings } from '../settings/runSettings.js';
import { exitCodes, UsageError } from './usageError.js';

const playwrightCli = createRequire(import.meta.url).resolve('@playwright/test/cli');

interface ReportSummary {
  summary: { fail: number };
  errors: string[];
  requirements: unknown[];
}

/** Runs the compiled specs under Playwright's runner and turns the report into an exit code. */
export async function runSuite(settings: RunSettings, extraArgs: string[]): Promise<number> {
  const reportFile = join(settings.reportDir, 'report.json');
  rmSync(reportFile, { force: true });
  const config = join(packageRoot, 'dist', 'playwright.config.js');
  const child = spawn(process.execPath, [playwrightCli, 'test', '--config', config, ...extraArgs], {
    stdio: 'inherit',
    env: { ...process.env, ...settingsToEnv(settings), ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}) },
  });
  const code = await new Promise<number>((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 130 : 1))));
  if (!existsSync(reportFile)) throw new UsageError(`the run ended without a report (Playwright exited with code ${code})`);
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as ReportSummary;
  if (report.requirements.length === 0) throw new UsageError('no test matched: nothing was checked');
  if (report.errors.length > 0) throw new UsageError(`the suite itself failed: ${report.errors[0]}`);
  return report.summary.fail > 0 ? exitCodes.fail : exitCodes.pass;
}
