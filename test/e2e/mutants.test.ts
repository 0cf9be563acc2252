import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { correctVariants, mutants } from '../../mutants/index.js';
import { foreignSources, isPassing, killMatrix, runMutants } from '../../mutants/runMutants.js';
import { verifies } from '../../src/harness/verifies.js';
import { packageRoot } from '../../src/paths.js';
import { catalogue } from '../../src/requirements/index.js';
import { tagsOf } from '../../src/run/requirementFilter.js';

test('the mutant catalogue: at least 30 mutants and 3 correct variants, every MUST requirement declared by one', () => {
  assert.ok(mutants.length >= 30, `${mutants.length} mutants`);
  assert.ok(correctVariants.length >= 3, `${correctVariants.length} correct variants`);
  const declared = new Set(mutants.flatMap((m) => m.catches));
  const uncovered = catalogue.filter((r) => r.level === 'MUST' && !declared.has(r.id)).map((r) => r.id);
  assert.deepEqual(uncovered, [], `MUST requirements no mutant declares: ${uncovered.join(', ')}`);
  for (const id of declared)
    assert.ok(
      catalogue.some((r) => r.id === id),
      `${id}: no such requirement`,
    );
  const kinds = new Set(mutants.map(foreignSources));
  for (const kind of ['header', 'inbox', 'command', 'hooks', 'fixed'])
    assert.ok(kinds.has(kind as never), `no mutant's foreign run uses the ${kind} source`);
  assert.equal(
    new Set([...mutants, ...correctVariants].map((m) => m.id)).size,
    mutants.length + correctVariants.length,
    'duplicate mutant ID',
  );
});

test('npm run mutant: bad arguments get exit 2, the problem and the usage, never a stack trace', () => {
  const serve = join(packageRoot, 'dist', 'mutants', 'serve.js');
  for (const [args, problem] of [
    [['--help'], /Unknown option '--help'/],
    [[], /^which mutant\?/],
    [['no-such-mutant'], /^no mutant or variant no-such-mutant/],
    [[mutants[0]!.id, '--port', 'x'], /^--port x: not a port number/],
    [[mutants[0]!.id, '--sources', 'telepathy'], /^--sources telepathy: not one of control,/],
  ] as [string[], RegExp][]) {
    const run = spawnSync(process.execPath, [serve, ...args], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr, problem);
    assert.match(run.stderr, /usage: npm run mutant -- <id>/);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'a stack trace');
  }
});

test('a declared-requirements run selects the tests of those requirements and no other (one ID is the start of another: REQUEST-MALFORMED-JSON, …-400)', () => {
  for (const selected of catalogue) {
    const pattern = new RegExp(tagsOf([selected.id]));
    for (const other of catalogue) {
      // What Playwright's grep reads: the title path, then the tags.
      const [title, { tag = [] }] = verifies(other.id);
      const line = ['registration.spec.js', title, ...[tag].flat()].join(' ');
      assert.equal(pattern.test(line), other.id === selected.id, `${selected.id} against the tags of ${other.id}`);
    }
  }
});

test('every mutant killed by its declared requirement in both modes, no FAIL (nor undeclared WARN) on a correct variant (npm run mutants runs every requirement against each)', async () => {
  const started = performance.now();
  const results = await runMutants({ scope: 'declared' });
  const matrix = killMatrix(results, performance.now() - started, 'declared');
  const bad = results
    .filter((r) => !isPassing(r))
    .map(
      (r) =>
        `${r.mutant.id}: ${r.control.outcome} / ${r.foreign.sources} ${r.foreign.outcome} (FAIL: ${r.control.failed.join(', ') || 'none'} / ${r.foreign.failed.join(', ') || 'none'})`,
    );
  assert.deepEqual(bad, [], matrix);
});
