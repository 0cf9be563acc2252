import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  // One by default: properties keep several requests in flight, and a second worker on a small machine only competes
  // with the first (and with the embedded reference) for the same cores, and costs ~200 MB.
  workers: settings.workers,
  retries: 0,
  // Per-request timeouts bound every test; a whole-test timeout would cut long property runs short.
  timeout: 0,
  // --max-time: the whole run; the reporter turns what it cut short into SKIPs, and writes the report all the same.
  globalTimeout: settings.maxTimeSeconds ? settings.maxTimeSeconds * 1000 : 0,
  // Playwright's own files (error contexts, its last-run list) are no part of the report the README describes.
  outputDir: join(settings.runDir ?? tmpdir(), 'playwright'),
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
