import assert from 'node:assert/strict';
import { test } from 'node:test';
import { correctVariants, mutants } from '../mutants/index.js';
import { catalogue, profiles } from '../src/requirements/index.js';
import { idsWithVerdict, readReport, runCli } from './support/runCli.js';
import { serveTarget } from './support/servers.js';

const runs = ['--runs', '60'];

for (const profile of profiles) {
  test(`the suite passes against the embedded reference, ${profile} profile: every requirement of the profile PASSes`, async () => {
    const run = await runCli(['--profile', profile, '--seed', '7', ...runs]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const applicable = catalogue.filter((r) => r.profiles.includes(profile)).map((r) => r.id);
    assert.deepEqual(idsWithVerdict(run, 'PASS').sort(), applicable.sort());
    assert.equal(readReport(run).summary.skip, catalogue.length - applicable.length);
    assert.match(run.stdout, /^\d+ passed, 0 failed, \d+ skipped, 0 warned, 0 info$/m);
  });
}

for (const mutant of mutants) {
  test(`mutant ${mutant.id} (${mutant.description}) is caught by ${mutant.catches.join(', ')}`, async () => {
    const served = await serveTarget(mutant.profile, mutant.build);
    try {
      const run = await runCli([...served.args, '--seed', '11', ...runs], served.env);
      assert.equal(run.code, 1, `expected exit 1, got ${run.code}\n${run.stdout}${run.stderr}`);
      const failed = idsWithVerdict(run, 'FAIL');
      for (const id of mutant.catches) {
        assert.ok(failed.includes(id), `${id} should FAIL; failed: ${failed.join(', ') || 'none'}`);
        assert.match(run.stdout, new RegExp(`^FAIL +MUST +${id} `, 'm'));
      }
    } finally {
      await served.close();
    }
  });
}

for (const variant of correctVariants) {
  test(`correct variant ${variant.id} (${variant.description}) gets no FAIL`, async () => {
    const served = await serveTarget(variant.profile, variant.build);
    try {
      const run = await runCli([...served.args, '--seed', '13', ...runs], served.env);
      assert.deepEqual(idsWithVerdict(run, 'FAIL'), [], run.stdout);
      assert.equal(run.code, 0, run.stdout + run.stderr);
    } finally {
      await served.close();
    }
  });
}
