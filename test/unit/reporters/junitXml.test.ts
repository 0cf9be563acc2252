import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { stoppedReport } from '../../../reporters/buildReport.js';
import { junitXml } from '../../../reporters/junitXml.js';
import { requirementReport } from '../../../reporters/verdicts.js';
import type { ConformanceReport } from '../../../src/generated/types.js';
import { requirement } from '../../../src/requirements/index.js';
import { readJunit } from '../../support/junit.js';
import { testRecord as record } from '../../support/testRecords.js';

/** junit.xml of these requirement reports, read back as a CI dashboard reads it. */
function readBack(requirements: ConformanceReport['requirements']) {
  const report = {
    profile: 'legacy',
    requirements,
    errors: [],
    startedAt: '2026-12-06T00:00:00.000Z',
    finishedAt: '2026-12-06T00:00:10.000Z',
  } as unknown as ConformanceReport;
  const dir = mkdtempSync(join(tmpdir(), 'wa-junit-'));
  writeFileSync(join(dir, 'junit.xml'), junitXml(report));
  return readJunit(dir);
}

test('junit.xml: one root cause is one <failure>; what it blocked is <skipped> naming it; an ERROR is <error>', () => {
  const junit = readBack([
    requirementReport(requirement('VERIFY-COMPLETES'), [
      record('failed', { failure: { message: 'the code was refused', expected: 'a 2xx', actual: '400' } }),
    ]),
    requirementReport(requirement('VERIFY-REGISTERS'), [
      record('blocked', {
        blockedBy: 'VERIFY-COMPLETES',
        skipReason: 'blocked by VERIFY-COMPLETES: the code was refused',
      }),
    ]),
    requirementReport(requirement('VERIFY-201'), [
      record('blocked', {
        blockedBy: 'VERIFY-COMPLETES',
        skipReason: 'blocked by VERIFY-COMPLETES: the code was refused',
      }),
    ]),
    requirementReport(requirement('VERIFY-WRONG-CODE'), [
      record('error', { skipReason: 'not judged: the inbox answered 404' }),
    ]),
    requirementReport(requirement('LOGIN-TOKEN'), [record('skipped', { skipReason: 'needs the admin password' })]),
    requirementReport(requirement('RESPONSE-META'), [record('passed')]),
  ]);
  assert.deepEqual(
    { tests: junit.tests, failures: junit.failures, skipped: junit.skipped, errors: junit.errors },
    { tests: 6, failures: 1, skipped: 3, errors: 1 },
  );
  const outcome = Object.fromEntries(junit.cases.map((c) => [c.id, c.outcome]));
  assert.deepEqual(outcome, {
    'VERIFY-COMPLETES': 'failure',
    'VERIFY-REGISTERS': 'skipped',
    'VERIFY-201': 'skipped',
    'VERIFY-WRONG-CODE': 'error',
    'LOGIN-TOKEN': 'skipped',
    'RESPONSE-META': 'passed',
  });
  const byId = (id: string) => junit.cases.find((c) => c.id === id)!;
  assert.equal(byId('VERIFY-REGISTERS').message, 'blocked by VERIFY-COMPLETES: the code was refused');
  assert.match(byId('VERIFY-COMPLETES').text ?? '', /it blocked 2: VERIFY-REGISTERS, VERIFY-201$/);
  assert.equal(byId('VERIFY-WRONG-CODE').message, 'not judged: the inbox answered 404');
});

test('junit.xml: a stale expected failure fails the gate, so it is a <failure>; an XFAIL is not', () => {
  const expected = { id: 'x', reason: 'known' };
  const junit = readBack([
    requirementReport(requirement('ACCOUNT-SUNSET-1005'), [record('passed')], expected),
    requirementReport(requirement('RESPONSE-META'), [record('failed')], expected),
  ]);
  assert.equal(junit.failures, 1);
  assert.deepEqual(
    junit.cases.map((c) => [c.id, c.outcome]),
    [
      ['ACCOUNT-SUNSET-1005', 'failure'],
      ['RESPONSE-META', 'passed'],
    ],
  );
});

test('junit.xml of a run stopped before any test: one <error> with the reason, as written, and no requirement', () => {
  const reason = `the admin account "admin" <a&b> cannot log in: 'HTTP 401'`;
  const report = stoppedReport(
    {
      tool: { name: 'wa-account-conformance', version: '0.0.0' },
      target: 'http://127.0.0.1:1',
      profile: 'sunset',
      seed: 1,
      startedAt: '2026-12-06T00:00:00.000Z',
    },
    reason,
  );
  const dir = mkdtempSync(join(tmpdir(), 'wa-junit-'));
  writeFileSync(join(dir, 'junit.xml'), junitXml(report));
  const junit = readJunit(dir);
  assert.deepEqual(
    { tests: junit.tests, errors: junit.errors, failures: junit.failures, skipped: junit.skipped },
    { tests: 1, errors: 1, failures: 0, skipped: 0 },
  );
  assert.deepEqual(
    junit.cases.map((c) => [c.outcome, c.message]),
    [['error', reason]],
  );
});
