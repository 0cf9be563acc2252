import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cellProblems, configurationCells, configurationTable } from '../../mutants/configurationMatrix.js';
import { runMatrix } from '../../mutants/matrixRun.js';

// Every configuration form the README documents, against every correct target: the configuration space users really
// write, not the one path the other tests take. Printed as tables, so a failing cell is read at a glance.

test('every configuration form against every correct target: 0 FAIL, 0 ERROR, 0 BLOCKED, no undeclared WARN, every SKIP naming what it lacked', async () => {
  const started = performance.now();
  const cells = configurationCells();
  const results = await runMatrix(cells, { seed: 5, runs: 10 });
  const table = configurationTable(results);
  console.log(
    `configuration matrix: ${results.length} runs in ${((performance.now() - started) / 1000).toFixed(0)} s\n${table}`,
  );
  const problems = results.flatMap((result) => cellProblems(result).map((p) => `${result.cell.name}: ${p}`));
  assert.deepEqual(problems, [], table);
});
