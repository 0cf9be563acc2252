// The kill matrix in one Playwright runner: a project per mutant and mode, each with its own target and settings,
// one worker each (its registration specs run in order), as many at a time as the plan says.
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import type { RunSettings } from '../src/settings/runSettings.js';
import { readMatrixPlan } from './matrixPlan.js';

const plan = readMatrixPlan();
const here = import.meta.dirname;

export default defineConfig<object, { settings: RunSettings }>({
  testDir: join(here, '..', 'specs'),
  testMatch: '*.spec.js',
  fullyParallel: true,
  workers: plan.workers,
  retries: 0,
  timeout: 0,
  outputDir: plan.outputDir,
  reporter: [[join(here, 'matrixReporter.js')]],
  projects: plan.runs.map((run) => ({ name: run.name, workers: 1, use: { settings: run.settings } })),
});
