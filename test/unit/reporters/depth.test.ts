import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { depthOf } from '../../../reporters/depth.js';
import { byUrgency, requirementReport, shownVerdict } from '../../../reporters/verdicts.js';
import { catalogue, requirement } from '../../../src/requirements/index.js';
import { testRecord as record } from '../../support/testRecords.js';

const lacking = (reason: string) => ({ skipReason: reason, missing: [{ need: 'code-source', reason }] });

test('depth: a requirement is at full depth only with every test of it run; what its skipped tests lacked is named, each in full', () => {
  const codes = 'needs a code source: add "codeSource" to the configuration file';
  const states = 'needs a state source: add "stateChangeUrl"';
  const depth = depthOf([
    requirementReport(requirement('VERIFY-COMPLETES'), [record('passed')]),
    requirementReport(requirement('REQUEST-UNKNOWN-PROPERTIES'), [record('passed'), record('skipped', lacking(codes))]),
    requirementReport(requirement('TWO-STEP-SETTINGS'), [
      record('skipped', {
        skipReason: `${codes}; ${states}`,
        missing: [lacking(codes).missing[0]!, { need: 'state-source', reason: states }],
      }),
    ]),
    requirementReport(requirement('ACCOUNT-SUNSET-1005'), [
      record('skipped', { skipReason: 'applies to the sunset profile; this run checks legacy', otherProfile: true }),
    ]),
    requirementReport(requirement('VERIFY-REGISTERS'), [
      record('blocked', { blockedBy: 'VERIFY-COMPLETES', skipReason: 'blocked' }),
    ]),
    requirementReport(requirement('RESPONSE-META'), [record('skipped', { skipReason: 'not run: the deadline' })]),
    // A test that judges its requirement in the other profile takes nothing away from it in this one.
    requirementReport(requirement('LEGACY-METHOD-OPTIONS'), [
      record('passed'),
      record('skipped', { skipReason: 'this test judges it in the sunset profile', otherProfile: true }),
    ]),
  ]);
  assert.deepEqual(
    depth.rows.map((r) => [r.id, r.depth, r.why]),
    [
      ['VERIFY-COMPLETES', 'full', []],
      ['REQUEST-UNKNOWN-PROPERTIES', 'partly', [codes]],
      ['TWO-STEP-SETTINGS', 'missing', [codes, states]],
      ['ACCOUNT-SUNSET-1005', 'other-profile', ['applies to the sunset profile; this run checks legacy']],
      ['VERIFY-REGISTERS', 'not-judged', ['blocked']],
      ['RESPONSE-META', 'skipped', ['not run: the deadline']],
      ['LEGACY-METHOD-OPTIONS', 'full', []],
    ],
  );
  assert.equal(
    depth.line,
    'depth: 2 of 6 requirements of this profile judged at full depth, 1 judged partly, 1 not judged (ERROR, BLOCKED), 1 skipped for a missing source or number, 1 skipped for another reason; 1 apply to the other profile only',
  );
});

test('byUrgency: FAIL first, then ERROR, BLOCKED, WARN, then the rest in the order they came', () => {
  const outcomes = ['passed', 'failed', 'error', 'blocked', 'skipped'] as const;
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom(...catalogue.map((r) => r.id)), fc.constantFrom(...outcomes)), {
        maxLength: 30,
      }),
      (picked) => {
        const reports = picked.map(([id, outcome]) =>
          requirementReport(requirement(id), [record(outcome, { blockedBy: 'X' })]),
        );
        const rank = (v: string) => ['FAIL', 'ERROR', 'BLOCKED', 'WARN'].indexOf(v) >>> 0;
        const ordered = byUrgency(reports);
        assert.equal(ordered.length, reports.length);
        for (let i = 1; i < ordered.length; i++) {
          const [a, b] = [rank(shownVerdict(ordered[i - 1]!)), rank(shownVerdict(ordered[i]!))];
          assert.ok(a <= b, `${shownVerdict(ordered[i - 1]!)} before ${shownVerdict(ordered[i]!)}`);
          // Within one rank, the order they came in.
          if (a === b) assert.ok(reports.indexOf(ordered[i - 1]!) < reports.indexOf(ordered[i]!));
        }
      },
    ),
  );
});
