import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Exchange } from '../../../src/client/index.js';
import { InteropReadings } from '../../../src/harness/interopReadings.js';
import { interopEntry, type WireExchange } from '../../../src/requirements/interop.js';

const read = (id: string, exchange: WireExchange) => interopEntry(id).read!(exchange);
const post = (path: string, status: number, body = ''): WireExchange => {
  let json: unknown;
  try {
    json = body ? JSON.parse(body) : undefined;
  } catch {
    json = undefined;
  }
  return { method: 'POST', path, status, json };
};
const meta = '{"meta":{"version":"v2.45.1","api_status":"stable"}}';

test('a 201 with a JSON object works for the clients that decode it; an empty one breaks them; other answers are not its kind', () => {
  assert.equal(read('INTEROP-201-BODY', post('/v1/account', 201, meta)), 'works');
  assert.equal(read('INTEROP-201-BODY', post('/v1/account', 201, '')), 'breaks');
  assert.equal(read('INTEROP-201-BODY', post('/v1/account', 201, '[]')), 'breaks');
  assert.equal(read('INTEROP-201-BODY', post('/v1/account', 202, '')), undefined);
  assert.equal(read('INTEROP-VERIFY-BODY', post('/v1/account/verify', 200)), 'breaks');
  assert.equal(read('INTEROP-VERIFY-BODY', post('/v1/account/verify', 400, '')), undefined);
});

test('error objects need a string title and details; a login its token, 200, and expires_after with a space', () => {
  const errors = (e: object) => post('/v1/account', 400, JSON.stringify({ errors: [e] }));
  assert.equal(
    read('INTEROP-ERROR-DETAILS', errors({ code: 1008, title: 'Required parameter is missing', details: 'x' })),
    'works',
  );
  assert.equal(read('INTEROP-ERROR-DETAILS', errors({ code: 1008, title: 'Required parameter is missing' })), 'breaks');
  assert.equal(read('INTEROP-ERROR-DETAILS', post('/v1/account', 400, 'not json')), undefined);
  const login = (status: number, expires: string) =>
    post('/v1/users/login', status, JSON.stringify({ users: [{ token: 't', expires_after: expires }] }));
  assert.equal(read('INTEROP-EXPIRES-SPACE', login(200, '2018-03-01 15:29:26+00:00')), 'works');
  assert.equal(read('INTEROP-EXPIRES-SPACE', login(200, '2018-03-01T15:29:26Z')), 'breaks');
  assert.equal(read('INTEROP-LOGIN-200', login(200, 'x')), 'works');
  assert.equal(read('INTEROP-LOGIN-200', login(201, 'x')), 'breaks');
  assert.equal(read('INTEROP-LOGIN-200', post('/v1/users/login', 401, '')), undefined);
});

test("a target under a path prefix is read at its API's paths; the first breaking exchange is kept as evidence", () => {
  const readings = new InteropReadings('http://127.0.0.1:9/api/');
  const exchange = (status: number, body: string) =>
    ({
      case: 'X#1',
      request: { method: 'POST', url: 'http://127.0.0.1:9/api/v1/account', headers: {} },
      response: { status, headers: {}, body },
      durationMs: 1,
    }) as Exchange;
  const first = exchange(201, '');
  readings.read(exchange(201, meta));
  readings.read(first);
  readings.read(exchange(201, ''));
  const [tally] = readings.tallied().filter((t) => t.id === 'INTEROP-201-BODY');
  assert.deepEqual(
    { ...tally, evidence: tally!.evidence === first },
    { id: 'INTEROP-201-BODY', works: 1, breaks: 2, evidence: true },
  );
  assert.doesNotThrow(() => new InteropReadings(undefined).read(exchange(201, '')));
});
