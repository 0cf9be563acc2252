import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countVerdicts, requirementReport, runErrored, runFailed, summaryLine } from '../../../reporters/verdicts.js';
import { requirement } from '../../../src/requirements/index.js';
import { testRecord as record } from '../../support/testRecords.js';

const expected = { id: 'x', reason: 'known' };

// One of each level: a SHOULD, a MUST and an INFO requirement listed as expected to fail.
for (const id of ['RESPONSE-META', 'ACCOUNT-SUNSET-1005', 'VERIFY-EARLIER-CODE'] as const) {
  const level = requirement(id).level;
  test(`an expected failure of a ${level} requirement that still fails is XFAIL, not stale; one that passes is stale`, () => {
    const failing = requirementReport(requirement(id), [record('failed')], expected);
    assert.equal(failing.verdict, 'XFAIL');
    assert.equal(failing.expectedFailure?.stale, false);
    const passing = requirementReport(requirement(id), [record('passed')], expected);
    assert.equal(passing.verdict, level === 'INFO' ? 'INFO' : 'PASS');
    assert.equal(passing.expectedFailure?.stale, true);
    assert.equal(runFailed(countVerdicts([failing])), false);
    assert.equal(runFailed(countVerdicts([passing])), true);
  });
}

test('a test not judged makes its requirement ERROR (a source failed) or BLOCKED (by the requirement named), unless another of its tests failed', () => {
  const req = requirement('VERIFY-REGISTERS');
  const errored = requirementReport(req, [
    record('passed'),
    record('error', { skipReason: 'not judged: the inbox answered 404' }),
  ]);
  assert.deepEqual([errored.verdict, errored.reason], ['ERROR', 'not judged: the inbox answered 404']);
  const blocked = requirementReport(req, [
    record('blocked', { blockedBy: 'VERIFY-COMPLETES', skipReason: 'blocked by VERIFY-COMPLETES: …' }),
  ]);
  assert.deepEqual([blocked.verdict, blocked.blockedBy], ['BLOCKED', ['VERIFY-COMPLETES']]);
  assert.equal(
    requirementReport(req, [record('failed'), record('blocked', { blockedBy: 'VERIFY-COMPLETES' })]).verdict,
    'FAIL',
  );
  assert.equal(
    requirementReport(req, [record('error'), record('blocked', { blockedBy: 'VERIFY-COMPLETES' })]).verdict,
    'ERROR',
  );
});

test("exit: an ERROR alone is the setup's fault (2, runErrored), a BLOCKED is the target's (1), and the closing line counts both", () => {
  const counts = { pass: 3, fail: 0, warn: 0, info: 0, skip: 1, xfail: 0, stale: 0, error: 1, blocked: 0 };
  assert.deepEqual([runFailed(counts), runErrored(counts)], [false, true]);
  assert.deepEqual([runFailed({ ...counts, fail: 1 }), runErrored({ ...counts, fail: 1 })], [true, false]);
  assert.deepEqual(
    [runFailed({ ...counts, error: 0, blocked: 2 }), runErrored({ ...counts, error: 0, blocked: 2 })],
    [true, false],
  );
  assert.equal(summaryLine(counts), '3 passed, 0 failed, 1 skipped, 0 warned, 0 info, 1 errors, 0 blocked');
  assert.match(summaryLine({ ...counts, error: 0 }), /^3 passed, 0 failed, 1 skipped, 0 warned, 0 info$/);
});

test('a failure that did not happen again when sent again is a WARN, whatever the level: a FAIL reproduces', () => {
  const flaky = requirementReport(requirement('REQUEST-NO-5XX'), [record('passed'), record('failed', { flaky: true })]);
  assert.equal(flaky.verdict, 'WARN');
  assert.match(flaky.reason ?? '', /^flaky: /);
  assert.equal(
    requirementReport(requirement('REQUEST-NO-5XX'), [record('failed', { flaky: true }), record('failed')]).verdict,
    'FAIL',
  );
  assert.equal(runFailed(countVerdicts([flaky])), false);
  // A pass on the resend of an answer that did not come again: WARN, saying what came each time.
  const resent = requirementReport(requirement('REQUEST-NO-5XX'), [
    record('passed', { flaky: true, flakyAnswer: 'answered 500 once, 400 on resend' }),
  ]);
  assert.equal(resent.verdict, 'WARN');
  assert.equal(resent.reason, 'flaky: answered 500 once, 400 on resend');
});
