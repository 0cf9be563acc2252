import assert from 'node:assert/strict';
import { test } from 'node:test';
import { correctVariants } from '../../mutants/index.js';
import { depthTableRow, initThenRun } from '../support/initRun.js';

// init against each correct variant (each chooses otherwise where the page lets it, or is served as a deployed client
// is): no probe of init may mistake a legal choice for a missing source, and the run reaches what init promised.
test('init against each correct variant: the run with its file judges exactly what init promised', async (t) => {
  const rows = [];
  for (const variant of correctVariants)
    rows.push(
      await initThenRun(variant.id, {
        profile: variant.profile,
        build: variant.build,
        serving: variant.serving?.(),
      }),
    );
  t.diagnostic(['| target | promised | reached | |', ...rows.map(depthTableRow)].join('\n'));
  for (const row of rows) assert.deepEqual(row.reached, row.promised, row.name);
});
