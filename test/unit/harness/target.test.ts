import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TestInfo } from '@playwright/test';
import { Secrets, type TargetClient } from '../../../src/client/index.js';
import { statusIs } from '../../../src/harness/expectations.js';
import type { Sessions } from '../../../src/harness/sessions.js';
import { Target } from '../../../src/harness/target.js';
import { Blocked } from '../../../src/protocol/index.js';
import type { RunSettings } from '../../../src/settings/runSettings.js';
import type { Numbers } from '../../../src/sources/numbers.js';

const client = { secrets: new Secrets() } as unknown as TargetClient;
const newTarget = () => new Target({} as RunSettings, client, {} as Sessions, {} as Numbers, {} as TestInfo, 'UNIT');
const answered = (status: number) => ({
  case: 'UNIT#1',
  request: { method: 'POST', url: 'http://127.0.0.1/v1/account/verify', headers: {}, body: '{}' },
  response: { status, headers: {}, body: '' },
  durationMs: 1,
});

test('a test that judged answers it did not send itself (a shared flow, the Pact verifier) reports them: judged is not 0', () => {
  const target = newTarget();
  assert.equal(target.judgement, undefined, 'nothing sent, nothing judged');
  target.record([answered(201)]);
  target.check(answered(201), statusIs(201));
  assert.deepEqual(target.judgement, { judged: 1, notJudged: [] });
  const contract = newTarget();
  contract.judgedElsewhere(7);
  assert.equal(contract.judgement?.judged, 7);
});

test('a precondition that does not hold blocks the test by the requirement that judges it, with what came back', () => {
  const target = newTarget();
  target.require(answered(202), statusIs(202), 'LEGACY-UNREGISTERED-202');
  assert.throws(
    () => target.require(answered(400), statusIs(202), 'LEGACY-UNREGISTERED-202'),
    (error: Error) =>
      error instanceof Blocked &&
      error.by === 'LEGACY-UNREGISTERED-202' &&
      /^blocked by LEGACY-UNREGISTERED-202: expected status 202 Accepted; actual 400/.test(error.message),
  );
  assert.equal(target.judgement, undefined, 'a precondition is not a judgement');
});
