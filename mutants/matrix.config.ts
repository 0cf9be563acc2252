// The kill matrix in one Playwright runner: one project whose test files are the runs (mutants/matrixSpecs.ts), as
// many workers as the plan says, each judging one run after another.
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { suiteTests } from '../src/run/suiteConfig.js';
import { readMatrixPlan } from './matrixPlan.js';
import { runsGrep } from './matrixSpecs.js';

const plan = readMatrixPlan();

export default defineConfig({
  ...suiteTests,
  testDir: plan.testDir,
  workers: plan.workers,
  outputDir: plan.outputDir,
  grep: runsGrep(plan.runs),
  reporter: [[join(import.meta.dirname, 'matrixReporter.js')]],
});
