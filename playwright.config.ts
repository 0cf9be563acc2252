import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { packageRoot } from './src/paths.js';
import { settingsFromEnv } from './src/settings/runSettings.js';

const settings = settingsFromEnv();
const { version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
const here = import.meta.dirname;

export default defineConfig({
  testDir: join(here, 'specs'),
  testMatch: '*.spec.js',
  fullyParallel: true,
  // One more than the independent tests use: specs/registration/ runs in a worker of its own beside them.
  workers: settings.workers + 1,
  retries: 0,
  // Per-request timeouts bound every test; a whole-test timeout would cut long property runs short.
  timeout: 0,
  // --max-time: the whole run; the reporter turns what it cut short into SKIPs, and writes the report all the same.
  globalTimeout: settings.maxTimeSeconds ? settings.maxTimeSeconds * 1000 : 0,
  outputDir: join(settings.reportDir, '.playwright'),
  projects: [
    // One worker by default: its properties keep several requests in flight, and a second worker on a small
    // machine only competes with it (and with the embedded reference) for the same cores.
    { name: 'requests', testIgnore: 'registration/**', workers: settings.workers },
    // A client completes the registration it was asked for last: these specs register numbers and verify codes,
    // so they run one at a time, file by file in name order, beside the others.
    { name: 'registration', testDir: join(here, 'specs', 'registration'), fullyParallel: false, workers: 1 },
  ],
  reporter: [[join(here, 'reporters', 'conformance.js'), {
    reportDir: settings.reportDir,
    target: settings.target,
    profile: settings.profile,
    seed: settings.seed,
    toolVersion: version,
    expectedFailures: settings.expectedFailures,
    maxTimeSeconds: settings.maxTimeSeconds,
  }]],
});
