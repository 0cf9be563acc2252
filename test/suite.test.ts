import assert from 'node:assert/strict';
import { test } from 'node:test';
import { correctVariants, mutants } from '../mutants/index.js';
import { catalogue } from '../src/requirements/index.js';
import { idsWithVerdict, readReport, runCli } from './support/runCli.js';
import { serveReference, targetArgs } from './support/servers.js';

const runs = ['--runs', '60'];

test('the suite passes against the embedded reference', async () => {
  const run = await runCli(['--seed', '7', ...runs]);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  const report = readReport(run);
  const sunsetIds = catalogue.filter((r) => r.profiles.includes('sunset')).map((r) => r.id);
  assert.deepEqual(idsWithVerdict(run, 'PASS').sort(), sunsetIds.sort());
  assert.match(run.stdout, /^\d+ passed, 0 failed, \d+ skipped, 0 warned, 0 info$/m);
  assert.equal(report.summary.fail, 0);
});

for (const mutant of mutants) {
  test(`mutant ${mutant.id} (${mutant.description}) is caught by ${mutant.catches.join(', ')}`, async () => {
    const server = await serveReference(mutant.profile, mutant.wrap);
    try {
      const { args, env } = targetArgs(server, mutant.profile);
      const run = await runCli([...args, '--seed', '11', ...runs], env);
      assert.equal(run.code, 1, `expected exit 1, got ${run.code}\n${run.stdout}${run.stderr}`);
      const failed = idsWithVerdict(run, 'FAIL');
      for (const id of mutant.catches) {
        assert.ok(failed.includes(id), `${id} should FAIL; failed: ${failed.join(', ') || 'none'}`);
        assert.match(run.stdout, new RegExp(`^FAIL +MUST +${id} `, 'm'));
      }
    } finally {
      await server.close();
    }
  });
}

for (const variant of correctVariants) {
  test(`correct variant ${variant.id} (${variant.description}) gets no FAIL`, async () => {
    const server = await serveReference(variant.profile, variant.wrap);
    try {
      const { args, env } = targetArgs(server, variant.profile);
      const run = await runCli([...args, '--seed', '13', ...runs], env);
      assert.deepEqual(idsWithVerdict(run, 'FAIL'), [], run.stdout);
      assert.equal(run.code, 0, run.stdout + run.stderr);
    } finally {
      await server.close();
    }
  });
}
