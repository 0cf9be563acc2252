// What every Playwright configuration that runs the suite shares (playwright.config.ts, and the kill matrix's
// mutants/matrix.config.ts): the compiled specs and how they run, and the suite's reporter for a run's settings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConformanceReporterOptions } from '../../reporters/conformance.js';
import { packageRoot } from '../paths.js';
import type { RunSettings } from '../settings/runSettings.js';
import { shownSettings } from '../settings/shownSettings.js';

export const suiteTests = {
  testDir: join(packageRoot, 'dist', 'specs'),
  testMatch: '*.spec.js',
  fullyParallel: true,
  retries: 0,
  // Per-request timeouts bound every test; a whole-test timeout would cut long property runs short.
  timeout: 0,
};

export const conformanceReporter = join(packageRoot, 'dist', 'reporters', 'conformance.js');

/** The global setup of a configuration loaded without the command's settings: it stops a run, never a listing. */
export const commandOnlySetup = join(packageRoot, 'dist', 'src', 'run', 'commandOnly.js');

export const { version: toolVersion } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as {
  version: string;
};

/** The suite's reporter's options for a run with these settings. */
export function reporterOptions(settings: RunSettings): ConformanceReporterOptions {
  return {
    reportDir: settings.reportDir,
    target: settings.target,
    profile: settings.profile,
    seed: settings.seed,
    authProbes: settings.authProbes,
    toolVersion,
    settings: shownSettings(settings),
    expectedFailures: settings.expectedFailures,
    maxTimeSeconds: settings.maxTimeSeconds,
    interopStrict: settings.interop === 'strict',
    ...(settings.budgetSeconds && settings.runDir
      ? { budget: { seconds: settings.budgetSeconds, runDir: settings.runDir } }
      : {}),
  };
}
