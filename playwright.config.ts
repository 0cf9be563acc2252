import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { commandOnlySetup, conformanceReporter, reporterOptions, suiteTests } from './src/run/suiteConfig.js';
import { settingsFromEnv, settingsVariable } from './src/settings/runSettings.js';

// Without the command's settings the specs can be listed (`playwright test --list`, and the command's --list), and a
// run stops at its global setup, which --list does not run, with the reason.
const listingOnly = defineConfig({
  ...suiteTests,
  globalSetup: commandOnlySetup,
});

const settings = process.env[settingsVariable] ? settingsFromEnv() : undefined;

export default settings
  ? defineConfig({
      ...suiteTests,
      // One by default near the target: properties keep many requests in flight, and a second worker only competes with
      // the first (and with the embedded reference) for the same cores. Two a WAN away (src/run/targetDistance.ts).
      workers: settings.workers,
      // --max-time: the whole run; the reporter turns what it cut short into SKIPs, and writes the report all the same.
      globalTimeout: settings.maxTimeSeconds ? settings.maxTimeSeconds * 1000 : 0,
      // Playwright's own files (error contexts, its last-run list) are no part of the report the README describes.
      outputDir: join(settings.runDir ?? tmpdir(), 'playwright'),
      reporter: [[conformanceReporter, reporterOptions(settings)]],
    })
  : listingOnly;
