import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalogue, profiles } from '../../src/requirements/index.js';
import { idsWithVerdict, readReport, runCli } from '../support/runCli.js';

const runs = ['--runs', '60'];

for (const profile of profiles) {
  test(`the suite passes against the embedded reference, ${profile} profile: every requirement of the profile PASSes (an INFO one is INFO, saying what it saw)`, async () => {
    const run = await runCli(['--profile', profile, '--seed', '7', ...runs]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const applicable = catalogue.filter((r) => r.profiles.includes(profile));
    assert.deepEqual(
      idsWithVerdict(run, 'PASS').sort(),
      applicable
        .filter((r) => r.level !== 'INFO')
        .map((r) => r.id)
        .sort(),
    );
    const info = applicable.filter((r) => r.level === 'INFO').map((r) => r.id);
    assert.deepEqual(idsWithVerdict(run, 'INFO').sort(), info.sort());
    for (const r of readReport(run).requirements.filter((x) => x.verdict === 'INFO'))
      assert.ok(r.observed?.length, `${r.id} says what it saw`);
    assert.equal(readReport(run).summary.skip, catalogue.length - applicable.length);
    assert.match(run.stdout, new RegExp(`^\\d+ passed, 0 failed, \\d+ skipped, 0 warned, ${info.length} info$`, 'm'));
  });
}
