import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brokenSourceCells, brokenSourceProblems, brokenSourceTable } from '../../mutants/configurationMatrix.js';
import { runMatrix } from '../../mutants/matrixRun.js';

// The sources users get wrong, each on a correct emulator (a file of its own: runMatrix runs once per process).

test('a broken source is exit 2 before any test, or ERROR naming it: never a FAIL of the target', async () => {
  const results = await runMatrix(brokenSourceCells(), { seed: 5, runs: 10 });
  const table = brokenSourceTable(results);
  console.log(`broken-source matrix:\n${table}`);
  assert.deepEqual(
    results.flatMap((r) => brokenSourceProblems(r).map((p) => `${r.cell.name}: ${p}`)),
    [],
    table,
  );
});
