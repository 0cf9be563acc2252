// The kill matrix in one Playwright runner: a project per mutant and mode, each with its own target and settings,
// one worker each (its registration specs run in order), as many at a time as the plan says.
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import type { RunSettings } from '../src/settings/runSettings.js';
import { suiteTests } from '../src/settings/suiteConfig.js';
import { readMatrixPlan } from './matrixPlan.js';

const plan = readMatrixPlan();

export default defineConfig<object, { settings: RunSettings }>({
  ...suiteTests,
  workers: plan.workers,
  outputDir: plan.outputDir,
  reporter: [[join(import.meta.dirname, 'matrixReporter.js')]],
  projects: plan.runs.map((run) => ({ name: run.name, workers: 1, use: { settings: run.settings }, ...(run.grep ? { grep: new RegExp(run.grep) } : {}) })),
});
