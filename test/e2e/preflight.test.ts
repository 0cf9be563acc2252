import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rewriteAnswers } from '../../mutants/mutant.js';
import { readReport, runCli } from '../support/runCli.js';
import { serveTarget } from '../support/servers.js';
import { certificateFor127, tlsInFront } from '../support/tls.js';

// What the preflight blames on the configuration (exit 2, one line) and what it leaves for the target's tests.

const oneLine = /^wa-account-conformance: [^\n]+\n$/;

test('a token the target refuses is exit 2 naming it, before any test: not a FAIL of every test for its 401s', async () => {
  const served = await serveTarget('sunset');
  try {
    const run = await runCli(['--target', served.emulator.server.url, '--token', 'not-a-token-it-issued']);
    assert.equal(run.code, 2, run.stdout);
    assert.match(
      run.stderr,
      /^wa-account-conformance: the admin token \(--token or WA_CONFORMANCE_TOKEN\) is refused by http:\/\/127\.0\.0\.1:\d+: POST \/v1\/account answered 401/,
    );
    assert.match(run.stderr, oneLine);
    assert.doesNotMatch(run.stderr + run.stdout, /not-a-token-it-issued/);
  } finally {
    await served.close();
  }
});

test("a login that takes the credentials and issues no token is the target's LOGIN-TOKEN FAIL, and the tests that need a session are BLOCKED by it", async () => {
  const noToken = rewriteAnswers('/v1/users/login', (response) =>
    response.status === 200
      ? { status: 200, body: { users: [{ expires_after: '2030-01-01 00:00:00+00:00' }] } }
      : response,
  );
  const served = await serveTarget('sunset', noToken);
  try {
    const run = await runCli([...served.args, '--grep', 'LOGIN-TOKEN|ACCOUNT-SUNSET-1005'], served.env);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    const verdicts = Object.fromEntries(readReport(run).requirements.map((r) => [r.id, r]));
    assert.equal(verdicts['LOGIN-TOKEN']!.verdict, 'FAIL');
    assert.equal(verdicts['ACCOUNT-SUNSET-1005']!.verdict, 'BLOCKED');
    assert.deepEqual(verdicts['ACCOUNT-SUNSET-1005']!.blockedBy, ['LOGIN-TOKEN']);
    assert.doesNotMatch(run.stderr, /check its user name and password/);
  } finally {
    await served.close();
  }
});

test('a login path the target does not have (a wrong prefix) is exit 2 saying so, not a password problem', async () => {
  const served = await serveTarget('sunset');
  try {
    const run = await runCli(['--target', `${served.emulator.server.url}/wrong-prefix`], served.env);
    assert.equal(run.code, 2, run.stdout);
    assert.match(
      run.stderr,
      /^wa-account-conformance: POST \/v1\/users\/login answered 404 on http:\/\/127\.0\.0\.1:\d+\/wrong-prefix: no login there; check the target URL/,
    );
    assert.match(run.stderr, oneLine);
  } finally {
    await served.close();
  }
});

test('a URL whose scheme is not what the server speaks is one line saying which to use, not an OpenSSL string', async () => {
  const served = await serveTarget('sunset');
  const tls = await tlsInFront(served.emulator.server.url, certificateFor127('itself'));
  try {
    const https = await runCli(['--target', served.emulator.server.url.replace('http:', 'https:')], served.env);
    assert.equal(https.code, 2);
    assert.match(
      https.stderr,
      /^wa-account-conformance: target https:\/\/127\.0\.0\.1:\d+ speaks plain HTTP, not TLS: use http:\/\/ instead of https:\/\/\n$/,
    );
    const http = await runCli(['--target', tls.url.replace('https:', 'http:')], served.env);
    assert.equal(http.code, 2);
    assert.match(
      http.stderr,
      /^wa-account-conformance: target http:\/\/127\.0\.0\.1:\d+ speaks TLS, not plain HTTP: use https:\/\/ instead of http:\/\/\n$/,
    );
  } finally {
    await tls.close();
    await served.close();
  }
});
