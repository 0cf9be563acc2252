import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Exchange } from '../../../src/client/index.js';
import {
  because,
  blockedErrorObject,
  either,
  errorCode,
  refusedWithEnvelope,
  statusIs,
} from '../../../src/harness/expectations.js';
import { blockedError } from '../../../src/protocol/index.js';

const answer = (status: number, body: unknown): Exchange => ({
  case: 'UNIT#1',
  durationMs: 1,
  request: { method: 'POST', url: 'http://127.0.0.1:9/v1/account', headers: {} },
  response: { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
});
const blocked = answer(400, { errors: [blockedError] });
const missing = answer(400, { errors: [{ code: 1008, title: 'Required parameter is missing' }] });

test('each expectation says what it tests, and tests what it says', () => {
  assert.equal(statusIs(202).description, 'status 202 Accepted');
  assert.ok(statusIs(202).holds(answer(202, {})));
  assert.ok(!statusIs(202).holds(answer(201, {})));
  assert.equal(errorCode(1008).description, 'errors[] with code 1008');
  assert.ok(errorCode(1008).holds(missing));
  assert.ok(!errorCode(1008, 401).holds(missing), 'the status is part of it when given');
  assert.ok(refusedWithEnvelope.holds(missing));
  assert.ok(!refusedWithEnvelope.holds(answer(400, 'not an envelope')));
  assert.ok(blockedErrorObject.holds(blocked));
  assert.ok(!blockedErrorObject.holds(answer(400, { errors: [{ ...blockedError, details: 'blocked' }] })));
});

test('either holds when one choice does and names them all; because keeps the test and adds the reason', () => {
  const choice = either(errorCode(1008), blockedErrorObject);
  assert.equal(choice.description, `errors[] with code 1008, or ${blockedErrorObject.description}`);
  assert.ok(choice.holds(missing));
  assert.ok(choice.holds(blocked));
  assert.ok(!choice.holds(answer(500, {})));
  const why = because(statusIs(201), 'the number is registered');
  assert.equal(why.description, 'status 201 Created: the number is registered');
  assert.ok(why.holds(answer(201, {})) && !why.holds(answer(202, {})));
});

test('an answer that never came holds no expectation', () => {
  const none: Exchange = { ...missing, response: undefined, error: 'ECONNREFUSED' };
  for (const e of [statusIs(400), errorCode(1008), refusedWithEnvelope, blockedErrorObject, either(statusIs(400))])
    assert.ok(!e.holds(none), e.description);
});
