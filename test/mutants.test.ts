import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalogue } from '../src/requirements/index.js';
import { correctVariants, mutants } from '../mutants/index.js';
import { killMatrix, passing, runMutants } from '../mutants/runMutants.js';

test('the mutant catalogue: at least 30 mutants and 3 correct variants, every MUST requirement declared by one', () => {
  assert.ok(mutants.length >= 30, `${mutants.length} mutants`);
  assert.ok(correctVariants.length >= 3, `${correctVariants.length} correct variants`);
  const declared = new Set(mutants.flatMap((m) => m.catches));
  const uncovered = catalogue.filter((r) => r.level === 'MUST' && !declared.has(r.id)).map((r) => r.id);
  assert.deepEqual(uncovered, [], `MUST requirements no mutant declares: ${uncovered.join(', ')}`);
  for (const id of declared) assert.equal(catalogue.find((r) => r.id === id)?.level, 'MUST', `${id}: only a MUST can kill (a SHOULD only warns)`);
  assert.equal(new Set([...mutants, ...correctVariants].map((m) => m.id)).size, mutants.length + correctVariants.length, 'duplicate mutant ID');
});

test('npm run mutants: every mutant killed by its declared requirement, no FAIL on a correct variant', async () => {
  const started = performance.now();
  const results = await runMutants();
  const matrix = killMatrix(results, performance.now() - started);
  const bad = results.filter((r) => !passing.includes(r.outcome)).map((r) => `${r.mutant.id}: ${r.outcome} (FAIL: ${r.failed.join(', ') || 'none'})`);
  assert.deepEqual(bad, [], matrix);
});
