import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { retryAfterMs, retryOf } from '../../../src/client/retryPolicy.js';

const envelope = (code: number) => JSON.stringify({ errors: [{ code, title: 'x' }] });

/** An attempt that got an answer. */
const answered = ({
  status,
  headers = {},
  body = '',
}: {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}) => ({ response: { status, headers, body } });

test('the target asks for a wait with 429, 503, a 5xx not ready / overloaded / not the primary, and 1015 on any status; nothing else is sent again', () => {
  for (const attempt of [
    { status: 429 },
    { status: 503, body: '<html>' },
    { status: 500, body: envelope(1011) },
    { status: 500, body: envelope(1016) },
    { status: 502, body: envelope(1017) },
    { status: 400, body: envelope(1015) },
  ]) {
    assert.ok(retryOf(answered(attempt), 0), JSON.stringify(attempt));
  }
  for (const attempt of [
    { status: 500, body: envelope(1005) },
    { status: 500, body: 'boom' },
    { status: 400, body: envelope(1009) },
    { status: 201 },
    { status: 404 },
  ]) {
    assert.equal(retryOf(answered(attempt), 0), undefined, JSON.stringify(attempt));
  }
});

test('Retry-After in seconds or as a date is honoured, cut to the longest wait allowed; without it the wait doubles from 200 ms to 2 s', () => {
  const now = Date.parse('2026-12-04T10:00:00Z');
  assert.equal(retryOf(answered({ status: 429, headers: { 'retry-after': '1' } }), 0, undefined, now)!.waitMs, 1000);
  assert.equal(
    retryOf(answered({ status: 503, headers: { 'retry-after': 'Fri, 04 Dec 2026 10:00:03 GMT' } }), 0, undefined, now)!
      .waitMs,
    3000,
  );
  assert.equal(
    retryOf(answered({ status: 429, headers: { 'retry-after': '3600' } }), 0, { maxWaitMs: 5000 }, now)!.waitMs,
    5000,
  );
  assert.deepEqual(
    [0, 1, 2, 3, 4].map((n) => retryOf(answered({ status: 503 }), n)!.waitMs),
    [200, 400, 800, 1600, 2000],
  );
  assert.match(
    retryOf(answered({ status: 429, headers: { 'retry-after': '1' }, body: envelope(1015) }), 0)!.reason,
    /^429 with error 1015 \(Retry-After: 1\)$/,
  );
});

test('a connection the server closed before any answer is tried again once, at once, on a fresh one; a refused one with the backoff, a timeout never', () => {
  assert.deepEqual(retryOf({ error: 'UND_ERR_SOCKET: other side closed' }, 0), {
    waitMs: 0,
    reason: 'the connection closed before an answer',
    reconnect: true,
    asked: false,
  });
  assert.equal(retryOf({ error: 'read ECONNRESET' }, 1), undefined);
  assert.equal(retryOf({ error: 'TimeoutError: no complete answer within the request deadline' }, 0), undefined);
  // Refused while it restarts: the target cannot have seen the request; when the waits run out, the refusal is judged.
  assert.deepEqual(
    [0, 2].map((n) => retryOf({ error: 'connect ECONNREFUSED 127.0.0.1:1' }, n)),
    [
      { waitMs: 200, reason: 'the connection was refused', reconnect: false, asked: false },
      { waitMs: 800, reason: 'the connection was refused', reconnect: false, asked: false },
    ],
  );
  assert.equal(retryOf(answered({ status: 503 }), 0)!.asked, true);
});

test('a Retry-After that is neither seconds nor a date asks for nothing: the wait is the backoff', () => {
  fc.assert(
    fc.property(
      fc.string().filter((s) => !/^\s*\d+\s*$/.test(s) && Number.isNaN(Date.parse(s.trim()))),
      (value) => {
        assert.equal(retryAfterMs(value), undefined);
      },
    ),
  );
});
