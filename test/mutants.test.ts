import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalogue } from '../src/requirements/index.js';
import { correctVariants, mutants } from '../mutants/index.js';
import { foreignSources, isPassing, killMatrix, runMutants } from '../mutants/runMutants.js';

test('the mutant catalogue: at least 30 mutants and 3 correct variants, every MUST requirement declared by one', () => {
  assert.ok(mutants.length >= 30, `${mutants.length} mutants`);
  assert.ok(correctVariants.length >= 3, `${correctVariants.length} correct variants`);
  const declared = new Set(mutants.flatMap((m) => m.catches));
  const uncovered = catalogue.filter((r) => r.level === 'MUST' && !declared.has(r.id)).map((r) => r.id);
  assert.deepEqual(uncovered, [], `MUST requirements no mutant declares: ${uncovered.join(', ')}`);
  for (const id of declared) assert.ok(catalogue.some((r) => r.id === id), `${id}: no such requirement`);
  const kinds = new Set(mutants.map(foreignSources));
  for (const kind of ['header', 'inbox', 'command', 'hooks', 'fixed']) assert.ok(kinds.has(kind as never), `no mutant's foreign run uses the ${kind} source`);
  assert.equal(new Set([...mutants, ...correctVariants].map((m) => m.id)).size, mutants.length + correctVariants.length, 'duplicate mutant ID');
});

test('npm run mutants: every mutant killed by its declared requirement in both modes, no FAIL (nor undeclared WARN) on a correct variant', async () => {
  const started = performance.now();
  const results = await runMutants();
  const matrix = killMatrix(results, performance.now() - started);
  const bad = results.filter((r) => !isPassing(r)).map((r) => `${r.mutant.id}: ${r.control.outcome} / ${r.foreign.sources} ${r.foreign.outcome} (FAIL: ${r.control.failed.join(', ') || 'none'} / ${r.foreign.failed.join(', ') || 'none'})`);
  assert.deepEqual(bad, [], matrix);
});
