import { readFileSync } from 'node:fs';
import type { RunSettings } from '../src/settings/runSettings.js';

/** One suite run of the kill matrix: a mutant in one mode, as a test file of its own (mutants/matrixSpecs.ts). */
export interface PlannedRun {
  name: string;
  settings: RunSettings;
  /** Only the tests whose tags this pattern matches (a RegExp's source); every test when absent. */
  grep?: string;
}

/** Every run of one kill-matrix invocation; the runner and each worker read it from the file the variable names. */
export interface MatrixPlan {
  workers: number;
  /** Where the runs' test files are. */
  testDir: string;
  /** Playwright's own output (the runs' reports are in each run's reportDir). */
  outputDir: string;
  runs: PlannedRun[];
}

export const matrixPlanVariable = 'WA_CONFORMANCE_MATRIX_PLAN';

export function readMatrixPlan(env: NodeJS.ProcessEnv = process.env): MatrixPlan {
  const file = env[matrixPlanVariable];
  if (!file)
    throw new Error(
      `${matrixPlanVariable} is not set: the kill matrix's configuration is run by mutants/runMutants.ts`,
    );
  return JSON.parse(readFileSync(file, 'utf8')) as MatrixPlan;
}
