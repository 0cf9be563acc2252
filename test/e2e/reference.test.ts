import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { decodeCertificate, mintCertificate } from '../../src/cert/index.js';
import { createReference, type RunningServer, serveHandler } from '../../src/reference/index.js';

const admin = { user: 'admin', password: 'Adm1n!reference' };
const user = { user: 'operator', password: 'Op3rator!reference' };
const registered = { cc: '1', phone_number: '5550100' };
const twoStep = { cc: '1', phone_number: '5550101', pin: '246810' };

async function call(
  server: RunningServer,
  method: string,
  path: string,
  { token, basic, body }: { token?: string; basic?: string; body?: unknown } = {},
) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (basic) headers.authorization = `Basic ${Buffer.from(basic).toString('base64')}`;
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

async function tokenOf(server: RunningServer, account: { user: string; password: string }): Promise<string> {
  const res = await call(server, 'POST', '/v1/users/login', { basic: `${account.user}:${account.password}` });
  assert.equal(res.status, 200);
  return res.body.users[0].token;
}

const codeOf = (body: { errors?: { code: number }[] }) => body?.errors?.[0]?.code;

describe('the certificate codec', () => {
  test('mints and decodes any verified name exactly', () => {
    for (const name of ['Acme', '株式会社テスト', '🎉 Café\u0301', 'x'.repeat(500)]) {
      const decoded = decodeCertificate(mintCertificate({ verifiedName: name }));
      assert.deepEqual(decoded.ok && decoded.details.verifiedName, name);
    }
  });

  test('refuses what is not base64 or not a certificate, saying why', () => {
    assert.deepEqual(decodeCertificate('not base64!'), { ok: false, reason: 'cert is not base64' });
    assert.equal(decodeCertificate('////').ok, false);
    assert.deepEqual(decodeCertificate(Buffer.from([0x12, 0x00]).toString('base64')), {
      ok: false,
      reason: 'cert has no details',
    });
  });
});

describe('the reference, legacy profile', () => {
  let server: RunningServer;
  let token: string;
  before(async () => {
    server = await serveHandler(
      createReference({
        profile: 'legacy',
        admin,
        users: [user],
        registered: [registered],
        twoStep: [twoStep],
        control: true,
      }),
    );
    token = await tokenOf(server, admin);
  });
  after(() => server.close());

  const register = (number: object, extra: object = {}, as = token) =>
    call(server, 'POST', '/v1/account', {
      token: as,
      body: { ...number, method: 'sms', cert: mintCertificate({ verifiedName: 'Café 株式会社' }), ...extra },
    });

  test('a registered number gets 201; a new one 202 with the vname decoded from cert', async () => {
    assert.equal((await register(registered)).status, 201);
    const res = await register({ cc: '81', phone_number: '9012345678' });
    assert.equal(res.status, 202);
    assert.deepEqual(res.body.account, [{ vname: 'Café 株式会社' }]);
    assert.deepEqual(res.body.meta, { version: 'v2.45.1', api_status: 'stable' });
  });

  test('two-step: no PIN → 1008, wrong PIN → 1005, right PIN → 202', async () => {
    const noPin = await register(twoStep, { pin: undefined });
    assert.deepEqual([noPin.status, codeOf(noPin.body)], [400, 1008]);
    const wrong = await register(twoStep, { pin: '135790' });
    assert.deepEqual([wrong.status, codeOf(wrong.body)], [403, 1005]);
    assert.equal((await register(twoStep, { pin: twoStep.pin })).status, 202);
  });

  test('verify: missing code 1008, wrong code refused, the sent code registers the number', async () => {
    const number = { cc: '44', phone_number: '7700900123' };
    assert.equal((await register(number)).status, 202);
    const missing = await call(server, 'POST', '/v1/account/verify', { token, body: {} });
    assert.deepEqual([missing.status, codeOf(missing.body)], [400, 1008]);
    const sent = await call(server, 'GET', `/_conformance/code?cc=44&phone_number=7700900123`, { token });
    const wrongCode = sent.body.code === '000000' ? '000001' : '000000';
    const wrong = await call(server, 'POST', '/v1/account/verify', { token, body: { code: wrongCode } });
    assert.equal(wrong.status, 400);
    assert.equal((await register(number)).status, 202, 'a wrong code does not register');
    const fresh = await call(server, 'GET', `/_conformance/code?cc=44&phone_number=7700900123`, { token });
    assert.equal(
      (await call(server, 'POST', '/v1/account/verify', { token, body: { code: fresh.body.code } })).status,
      201,
    );
    assert.equal((await register(number)).status, 201);
  });

  test('two-step settings apply to the account registered last; then its PIN is required', async () => {
    const number = { cc: '49', phone_number: '15112345678' };
    await call(server, 'POST', '/_conformance/state', { token, body: { state: 'registered', params: number } });
    assert.equal(
      (await call(server, 'POST', '/v1/settings/account/two-step', { token, body: { pin: '112233' } })).status,
      200,
    );
    const empty = await call(server, 'POST', '/v1/settings/account/two-step', { token, body: { pin: '' } });
    assert.deepEqual([empty.status, codeOf(empty.body)], [400, 1009]);
    await call(server, 'POST', '/_conformance/state', {
      token,
      body: { state: 'two-step', params: { ...number, pin: '112233' } },
    });
    assert.equal(codeOf((await register(number)).body), 1008);
    assert.equal((await register(number, { pin: '112233' })).status, 202);
  });

  test('a non-admin account gets 403 with 1005 on account, verify, settings and control', async () => {
    const userToken = await tokenOf(server, user);
    for (const [method, path] of [
      ['POST', '/v1/account'],
      ['POST', '/v1/account/verify'],
      ['POST', '/v1/settings/account/two-step'],
      ['DELETE', '/v1/settings/account/two-step'],
      ['POST', '/_conformance/state'],
    ]) {
      const res = await call(server, method!, path!, { token: userToken, body: {} });
      assert.deepEqual([res.status, codeOf(res.body)], [403, 1005], `${method} ${path}`);
    }
  });

  test('bad input gets an error envelope, never a crash: bad cert, not JSON, unknown path, wrong method', async () => {
    const badCert = await register({ cc: '1', phone_number: '5550199' }, { cert: 'AAAA' });
    assert.deepEqual([badCert.status, codeOf(badCert.body)], [400, 1009]);
    const notJson = await call(server, 'POST', '/v1/account', { token, body: '{"cc": ' });
    assert.deepEqual([notJson.status, codeOf(notJson.body)], [400, 1025]);
    assert.equal(codeOf((await call(server, 'GET', '/v1/nothing', { token })).body), 1006);
    const wrongMethod = await call(server, 'GET', '/v1/account', { token });
    assert.equal(wrongMethod.status, 405);
    assert.equal(wrongMethod.headers.get('allow'), 'POST');
  });
});

describe('the reference, logins', () => {
  test('the factory password must be changed: 1024 without new_password, rules checked, then a token', async () => {
    const server = await serveHandler(
      createReference({
        profile: 'sunset',
        admin: { user: 'admin', password: 'secret' },
        adminMustChangePassword: true,
      }),
    );
    try {
      const first = await call(server, 'POST', '/v1/users/login', { basic: 'admin:secret' });
      assert.deepEqual([first.status, codeOf(first.body)], [401, 1024]);
      const weak = await call(server, 'POST', '/v1/users/login', {
        basic: 'admin:secret',
        body: { new_password: 'password' },
      });
      assert.deepEqual([weak.status, codeOf(weak.body)], [400, 1009]);
      const changed = await call(server, 'POST', '/v1/users/login', {
        basic: 'admin:secret',
        body: { new_password: 'N3w-password!' },
      });
      assert.equal(changed.status, 200);
      assert.match(changed.body.users[0].expires_after, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\+00:00$/);
      assert.equal((await call(server, 'POST', '/v1/users/login', { basic: 'admin:N3w-password!' })).status, 200);
      const wrong = await call(server, 'POST', '/v1/users/login', { basic: 'admin:secret' });
      assert.equal(wrong.status, 401);
      assert.equal(wrong.headers.get('www-authenticate'), 'Basic realm="WhatsApp"');
    } finally {
      await server.close();
    }
  });

  test('without control: true the control protocol does not exist', async () => {
    const server = await serveHandler(createReference({ profile: 'legacy', admin }));
    try {
      const token = await tokenOf(server, admin);
      assert.equal((await call(server, 'POST', '/_conformance/state', { token, body: {} })).status, 404);
    } finally {
      await server.close();
    }
  });
});

describe('the reference in foreign mode: the test surfaces of other emulators', () => {
  test('the code in a header of the 202, the last message in an inbox, states by a Pact state-change request', async () => {
    const server = await serveHandler(
      createReference({ profile: 'legacy', admin, codeHeader: 'verify-code', inbox: true, providerStates: true }),
    );
    try {
      const token = await tokenOf(server, admin);
      const number = { cc: '49', phone_number: '15112345679' };
      const register = (extra: object = {}) =>
        call(server, 'POST', '/v1/account', {
          token,
          body: { ...number, method: 'sms', cert: mintCertificate({ verifiedName: 'Foreign Co' }), ...extra },
        });
      const sent = await register();
      const code = sent.headers.get('verify-code');
      assert.match(code ?? '', /^\d{6}$/);
      const message = await call(server, 'GET', `/_inbox/${number.cc}/${number.phone_number}`, {});
      assert.equal(message.body.code, code);
      assert.ok(Date.parse(message.body.sentAt) <= Date.now());
      assert.equal(
        (await call(server, 'GET', '/_conformance/code', { token })).status,
        404,
        'the control protocol is off',
      );

      const state = (name: string, params: object) =>
        call(server, 'POST', '/_pact/provider-states', {
          body: { state: name, params: { ...number, ...params }, action: 'setup' },
        });
      assert.equal((await state('a number is registered', {})).status, 200);
      assert.equal((await register()).status, 201);
      assert.equal(
        (await state('a number is not registered and has two-step verification on', { pin: '246802' })).status,
        200,
      );
      assert.equal(codeOf((await register()).body), 1008);
      assert.equal((await state('a number is registered', {})).status, 200);
      assert.equal((await state('a number was registered on another client', {})).status, 200);
      assert.equal(codeOf((await register()).body), 1008, 'moved away, its PIN goes with it');
      assert.equal((await state('a number is not registered', {})).status, 200);
      assert.equal((await register()).status, 202, 'not registered: no PIN either');
      assert.equal((await state('a number is lost', {})).status, 400);
    } finally {
      await server.close();
    }
  });
});
