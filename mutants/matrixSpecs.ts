// One test file per run of the kill matrix: it loads an instance of every spec (a module URL with the run's name in
// its query is a module of its own, so the specs declare their tests again, in this file) and gives them that run's
// settings. The runs are then files of one project, not projects, and a worker judges one run after another
// instead of each run starting a worker of its own. registration.spec.js puts its file in Playwright's default mode,
// so each run's tests go in order, in one worker, as a run of the command with one worker does.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { escapeRegExp } from '../src/client/index.js';
import { packageRoot } from '../src/paths.js';
import { suiteTests } from '../src/run/suiteConfig.js';
import type { PlannedRun } from './matrixPlan.js';

export const specFileOf = (run: Pick<PlannedRun, 'name'>) => `${run.name}.spec.js`;

/** Writes the run's test file into `dir`. */
export function writeRunSpec(dir: string, run: PlannedRun): void {
  // In Playwright's order (by name), so a run meets the specs in the order a run of the command does.
  const specs = readdirSync(suiteTests.testDir)
    .filter((file) => file.endsWith('.spec.js'))
    .sort();
  const fixtures = pathToFileURL(join(packageRoot, 'dist', 'src', 'harness', 'index.js')).href;
  writeFileSync(
    join(dir, specFileOf(run)),
    [
      `import { test } from ${JSON.stringify(fixtures)};`,
      ...specs.map(
        (spec) =>
          `import ${JSON.stringify(`${pathToFileURL(join(suiteTests.testDir, spec)).href}?run=${encodeURIComponent(run.name)}`)};`,
      ),
      `test.use({ settings: ${JSON.stringify(run.settings)} });`,
      '',
    ].join('\n'),
  );
}

/** Playwright's grep for the runs: a test runs when its title path names its run's file, and the run selects it. */
export function runsGrep(runs: PlannedRun[]): RegExp[] {
  return runs.map((run) => new RegExp(` ${escapeRegExp(specFileOf(run))} ${run.grep ? `.*${run.grep}` : ''}`));
}
