import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { conformanceReporter, reporterOptions, suiteTests } from './src/run/suiteConfig.js';
import { settingsFromEnv } from './src/settings/runSettings.js';

const settings = settingsFromEnv();

export default defineConfig({
  ...suiteTests,
  // One by default: properties keep several requests in flight, and a second worker on a small machine only competes
  // with the first (and with the embedded reference) for the same cores, and costs ~200 MB.
  workers: settings.workers,
  // --max-time: the whole run; the reporter turns what it cut short into SKIPs, and writes the report all the same.
  globalTimeout: settings.maxTimeSeconds ? settings.maxTimeSeconds * 1000 : 0,
  // Playwright's own files (error contexts, its last-run list) are no part of the report the README describes.
  outputDir: join(settings.runDir ?? tmpdir(), 'playwright'),
  reporter: [[conformanceReporter, reporterOptions(settings)]],
});
