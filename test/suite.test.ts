import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalogue, profiles } from '../src/requirements/index.js';
import { idsWithVerdict, readReport, runCli } from './support/runCli.js';

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
