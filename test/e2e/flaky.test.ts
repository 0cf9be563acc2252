import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wrapping } from '../../mutants/mutant.js';
import { readReport, runCli } from '../support/runCli.js';
import { serveTarget } from '../support/servers.js';

// A FAIL reproduces: an answer the target gives once and not when the same request is sent again is a WARN.

test('a target that answers 500 to one generated request once: WARN "flaky" with the answer it gave, never a FAIL; one that crashes every time still FAILs', async () => {
  let verifies = 0;
  const onceOnVerify = wrapping((reference) => async (request) => {
    if (request.path === '/v1/account/verify' && ++verifies === 7)
      return { status: 500, body: { errors: [{ code: 1000, title: 'Generic error' }] } };
    return reference(request);
  });
  const flaky = await serveTarget('sunset', onceOnVerify);
  try {
    const run = await runCli([...flaky.args, '--grep', 'REQUEST-NO-5XX', '--seed', '4', '--runs', '40'], flaky.env);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const requirement = readReport(run).requirements.find((r) => r.id === 'REQUEST-NO-5XX')!;
    assert.equal(requirement.verdict, 'WARN');
    // Sent again on a fresh connection before it was judged: the note says what came the first time and what the second.
    assert.match(requirement.reason ?? '', /^flaky: answered 500 once, \d{3} on resend$/);
    const flakyTest = requirement.tests.find((t) => t.flaky)!;
    assert.match(flakyTest.flakyAnswer ?? '', /^answered 500 once, \d{3} on resend$/);
  } finally {
    await flaky.close();
  }
  const always = wrapping(
    (reference) => async (request) =>
      request.path === '/v1/account/verify' && request.body.includes('"code":""')
        ? { status: 500, body: 'boom' }
        : reference(request),
  );
  const broken = await serveTarget('sunset', always);
  try {
    const run = await runCli([...broken.args, '--grep', 'REQUEST-NO-5XX', '--seed', '4', '--runs', '40'], broken.env);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.equal(readReport(run).requirements.find((r) => r.id === 'REQUEST-NO-5XX')!.verdict, 'FAIL');
  } finally {
    await broken.close();
  }
});
