import assert from 'node:assert/strict';
import { test } from 'node:test';
import { schemeMismatch } from '../../../src/run/reachable.js';
import { loginProblem, tokenProblem } from '../../../src/run/targetChecks.js';

const target = 'http://127.0.0.1:9090';
const admin = { which: 'admin', user: 'admin', password: 'secret' };

test('preflight: a login the target refuses stops the run naming the account; a 404 names the URL instead', () => {
  assert.equal(
    loginProblem({ unavailable: 'the login as admin answered 401', status: 401 }, admin, target),
    'the admin account "admin" cannot log in on http://127.0.0.1:9090 (the login as admin answered 401): check its user name and password',
  );
  assert.match(
    loginProblem({ unavailable: 'the login as admin answered 404', status: 404 }, admin, target) ?? '',
    /^POST \/v1\/users\/login answered 404 on http:\/\/127\.0\.0\.1:9090: no login there; check the target URL/,
  );
  assert.match(
    loginProblem({ unavailable: 'the login as admin answered 429', status: 429 }, admin, target) ?? '',
    /cannot log in on http:\/\/127\.0\.0\.1:9090 now: the login answered 429, .+ \(--auth-probes\)$/,
  );
  assert.match(
    loginProblem({ unavailable: 'x', status: 401 }, { which: 'non-admin', user: 'operator', password: 'p' }, target) ??
      '',
    /^the non-admin account "operator" cannot log in/,
  );
});

test("preflight: a 2xx login without a token is the target's to answer for (LOGIN-TOKEN judges it), not a usage error; so is a session, or no password", () => {
  assert.equal(
    loginProblem(
      { unavailable: 'the login as admin answered 200 without users[0].token', status: 200, blockedBy: 'LOGIN-TOKEN' },
      admin,
      target,
    ),
    undefined,
  );
  assert.equal(loginProblem({ token: 't0k3n' }, admin, target), undefined);
  assert.equal(
    loginProblem({ unavailable: 'no password', status: 401 }, { which: 'admin', user: 'admin' }, target),
    undefined,
  );
});

test('preflight: a given token is refused only on a 401; any other answer is for the tests to judge', () => {
  assert.match(
    tokenProblem(401, target) ?? '',
    /^the admin token \(--token or WA_CONFORMANCE_TOKEN\) is refused by http:\/\/127\.0\.0\.1:9090: POST \/v1\/account answered 401/,
  );
  for (const status of [400, 403, 404, 500, undefined])
    assert.equal(tokenProblem(status, target), undefined, String(status));
});

test('preflight: a scheme mismatch is named from the network error, TLS probed only when plain HTTP was hung up on', async () => {
  const probed: string[] = [];
  const speaks = (tls: boolean) => async (url: URL) => {
    probed.push(url.href);
    return tls;
  };
  assert.equal(
    await schemeMismatch(
      new URL('https://127.0.0.1:1/'),
      'write EPROTO ... ssl3_get_record:wrong version number',
      speaks(false),
    ),
    'speaks plain HTTP, not TLS: use http:// instead of https://',
  );
  assert.equal(
    await schemeMismatch(new URL('http://127.0.0.1:2/'), 'other side closed', speaks(true)),
    'speaks TLS, not plain HTTP: use https:// instead of http://',
  );
  assert.equal(await schemeMismatch(new URL('http://127.0.0.1:3/'), 'socket hang up', speaks(false)), undefined);
  assert.equal(
    await schemeMismatch(new URL('http://127.0.0.1:4/'), 'connect ECONNREFUSED 127.0.0.1:4', speaks(true)),
    undefined,
  );
  assert.equal(await schemeMismatch(new URL('https://127.0.0.1:5/'), 'other side closed', speaks(true)), undefined);
  assert.deepEqual(probed, ['http://127.0.0.1:2/', 'http://127.0.0.1:3/']);
});
