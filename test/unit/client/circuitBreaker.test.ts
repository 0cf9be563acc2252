import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { CircuitBreaker, failuresToTrip } from '../../../src/client/circuitBreaker.js';

const account = 'POST /v1/account';
const login = 'POST /v1/users/login';

test('failures in a row across the target are blamed on the first requirement whose request met one, and trip the breaker for every path', () => {
  const breaker = new CircuitBreaker();
  assert.equal(breaker.failed(account, 'ECONNREFUSED', 'A'), 'A');
  assert.equal(breaker.failed(login, 'ECONNREFUSED', 'B'), 'A');
  assert.equal(breaker.open(account), undefined);
  breaker.failed(account, 'ECONNREFUSED', 'C');
  for (const path of [account, login, 'GET /v1/health']) {
    const stopped = breaker.open(path);
    assert.equal(stopped?.by, 'A', path);
    assert.match(
      stopped!.reason,
      new RegExp(
        `^the target stopped answering: ${failuresToTrip} transport failures in a row, the last on POST /v1/account at \\S+: ECONNREFUSED$`,
      ),
    );
  }
});

test("the suite's own requests (a login, a source) count, but the blame goes to the first requirement that met the silence", () => {
  const breaker = new CircuitBreaker();
  assert.equal(breaker.failed(login, 'ECONNRESET'), undefined);
  assert.equal(breaker.failed(account, 'ECONNRESET', 'B'), 'B');
  assert.equal(breaker.failed(account, 'ECONNRESET', 'C'), 'B');
});

test('an answer ends the row: the target as a whole, and its path', () => {
  const breaker = new CircuitBreaker();
  breaker.failed(account, 'ECONNREFUSED', 'A');
  breaker.failed(account, 'ECONNREFUSED', 'A');
  breaker.answered(account);
  assert.equal(breaker.failed(account, 'ECONNREFUSED', 'B'), 'B');
  assert.equal(breaker.open(account), undefined);
});

test('a path that never answers trips on its own while others answer', () => {
  const breaker = new CircuitBreaker();
  for (const by of ['A', 'B', 'C']) {
    breaker.failed(account, 'headers timeout', by);
    breaker.answered(login);
  }
  assert.equal(breaker.open(login), undefined);
  assert.equal(breaker.open(account)?.by, 'A');
  assert.match(
    breaker.open(account)!.reason,
    /^the target stopped answering on POST \/v1\/account: 3 transport failures/,
  );
});

test('the state is shared through its file: a worker started afresh finds the breaker open', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'wa-breaker-')), 'breaker.json');
  const first = new CircuitBreaker(file);
  for (let i = 0; i < failuresToTrip; i += 1) first.failed(account, 'ECONNREFUSED', 'A');
  assert.equal(new CircuitBreaker(file).open(login)?.by, 'A');
});
