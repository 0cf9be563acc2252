import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeCertificate } from '../../../src/cert/index.js';
import type { Exchange } from '../../../src/client/index.js';
import type { FixedCode } from '../../../src/generated/types.js';
import { resolveSettings } from '../../../src/run/resolveSettings.js';
import {
  type AdminSend,
  checkKnownNumbers,
  checkMintedCertificates,
  checkSources,
} from '../../../src/run/targetChecks.js';
import { UsageError } from '../../../src/run/usageError.js';

// The checks send through `admin`; here it answers from a table and keeps what was sent: nothing reaches a network.
const target = 'https://wa.example.test';
const cert = 'CmEKHQi0AAAA';

function recordingAdmin(
  answer: (request: { method: string; path: string; body?: unknown }) => number | [number, unknown],
) {
  const sent: { method: string; path: string; body?: unknown }[] = [];
  const send: AdminSend = async (request) => {
    sent.push(request);
    const [status, body] = [answer(request)].flat() as [number, unknown];
    return {
      case: 'preflight',
      durationMs: 1,
      request: { method: request.method, url: `${target}${request.path}`, headers: {} },
      response: { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) },
    } satisfies Exchange;
  };
  return { send, sent };
}

const settings = (
  flags: Parameters<typeof resolveSettings>[0] = {},
  config: Parameters<typeof resolveSettings>[1] = {},
) => {
  const resolved = resolveSettings({ target, password: 'p', ...flags }, config, {});
  return { ...resolved, workers: resolved.workers ?? 1, target };
};
const session = { token: 't0k3n' };

test('minted certificates: probed with one registration of a number no phone has, only in the legacy profile with side effects allowed', async () => {
  const lines: string[] = [];
  const accepting = recordingAdmin(() => 202);
  const probed = await checkMintedCertificates(
    settings({ profile: 'legacy', allowSideEffects: true }),
    accepting.send,
    session,
    (line) => lines.push(line),
  );
  assert.deepEqual(probed, { mintedCertificates: true, mintedCertificatesNote: undefined });
  assert.equal(accepting.sent.length, 1);
  const [probe] = accepting.sent as [{ method: string; path: string; body: { cc: string; cert: string } }];
  assert.equal(`${probe.method} ${probe.path}`, 'POST /v1/account');
  assert.equal(probe.body.cc, '999', 'a country code no phone has');
  const decoded = decodeCertificate(probe.body.cert);
  assert.ok(decoded.ok && decoded.details.verifiedName === 'Conformance Probe', 'a minted certificate');
  assert.deepEqual(lines, ['minted certificates: accepted (fresh numbers will be used)']);

  const refusing = recordingAdmin(() => 400);
  assert.deepEqual(
    await checkMintedCertificates(
      settings({ profile: 'legacy', allowSideEffects: true }),
      refusing.send,
      session,
      () => {},
    ),
    {
      mintedCertificates: false,
      mintedCertificatesNote: 'the target answered 400 to a minted certificate before the run',
    },
  );
});

test('minted certificates: not probed when the file says, in the sunset profile, without a session, or without side effects', async () => {
  const admin = recordingAdmin(() => 202);
  const none = () => {};
  const legacy = { profile: 'legacy' as const, allowSideEffects: true };
  assert.deepEqual(
    await checkMintedCertificates(settings(legacy, { acceptsMintedCertificates: false }), admin.send, session, none),
    { mintedCertificates: false, mintedCertificatesNote: '"acceptsMintedCertificates": false' },
  );
  assert.equal(
    (await checkMintedCertificates(settings(), admin.send, session, none)).mintedCertificatesNote,
    'not probed in the sunset profile',
  );
  assert.match(
    (await checkMintedCertificates(settings(legacy), admin.send, { unavailable: 'the login answered 401' }, none))
      .mintedCertificatesNote ?? '',
    /^not probed: no admin session \(the login answered 401\)$/,
  );
  assert.match(
    (await checkMintedCertificates(settings({ profile: 'legacy' }), admin.send, session, none))
      .mintedCertificatesNote ?? '',
    /side effects are not allowed/,
  );
  assert.equal(admin.sent.length, 0, 'none of these sends anything');
});

test('minted certificates: a file that says the target takes them, refuted by the probe, is a usage error naming the key', async () => {
  await assert.rejects(
    checkMintedCertificates(
      settings({ profile: 'legacy' }, { acceptsMintedCertificates: true }),
      recordingAdmin(() => 400).send,
      session,
      () => {},
    ),
    (error: Error) =>
      error instanceof UsageError && /^"acceptsMintedCertificates" is true, but .+ answered 400/.test(error.message),
  );
});

test('known numbers: one an earlier run left in another state is a usage error naming it; any other answer is for the tests', async () => {
  const numbers = {
    registered: { cc: '1', phone_number: '5550001', cert },
    twoStep: { cc: '44', phone_number: '7700001', cert, pin: '123456' },
    unregistered: { cc: '81', phone_number: '9000001', cert, vname: 'x' },
  };
  const run = (flags: Parameters<typeof settings>[0] = {}) => ({
    ...settings({ profile: 'legacy', ...flags }, { numbers }),
    mintedCertificates: false,
  });
  const byNumber = (statuses: Record<string, number>) =>
    recordingAdmin((r) => statuses[(r.body as { phone_number: string }).phone_number] ?? 400);
  const none = () => false;
  await assert.rejects(
    checkKnownNumbers(run(), byNumber({ '5550001': 202 }).send, none),
    /^UsageError: numbers.registered \(\+1 5550001\) is not registered on https:\/\/wa.example.test: it answered 202/,
  );
  await assert.rejects(
    checkKnownNumbers(run(), byNumber({ '7700001': 201 }).send, none),
    /numbers.twoStep \(\+44 7700001\) is registered/,
  );
  await assert.rejects(
    checkKnownNumbers(run({ allowSideEffects: true }), byNumber({ '9000001': 201 }).send, none),
    /numbers.unregistered \(\+81 9000001\) is registered .+ an earlier run's \/verify registered it/,
  );
  // Without side effects the unregistered number is not tried: a 202 would send its phone a code.
  const quiet = byNumber({ '9000001': 201 });
  await checkKnownNumbers(run(), quiet.send, none);
  assert.deepEqual(
    quiet.sent.map((r) => (r.body as { phone_number: string }).phone_number),
    ['5550001', '7700001'],
  );
  // A state source puts them in their states: nothing to check.
  const sourced = byNumber({ '5550001': 202, '7700001': 201, '9000001': 201 });
  await checkKnownNumbers(run({ allowSideEffects: true }), sourced.send, () => true);
  assert.equal(sourced.sent.length, 0);
  await checkKnownNumbers(
    run({ allowSideEffects: true }),
    byNumber({ '5550001': 201, '7700001': 202, '9000001': 202 }).send,
    none,
  );
});

test('known numbers: a registered one answered 202 is set aside, not an exit, where the run can register a number itself', async () => {
  const numbers = { registered: { cc: '1', phone_number: '5550001', cert } };
  const stale = recordingAdmin(() => 202).send;
  const minted = (config: Parameters<typeof settings>[1]) => ({
    ...settings({ profile: 'legacy' }, { numbers, ...config }),
    mintedCertificates: true,
  });
  for (const config of [
    { codeSource: { type: 'header' as const, header: 'verify-code' } },
    { codeSource: { type: 'fixed' as const, code: '123456' } },
  ]) {
    const { staleRegistered } = await checkKnownNumbers(minted(config), stale, () => false);
    assert.match(
      staleRegistered ?? '',
      /^numbers.registered \(\+1 5550001\) is not registered on/,
      JSON.stringify(config),
    );
  }
  // No code source that tells a fresh number's code unattended: the fixture is a configuration to mend, as before.
  for (const config of [
    {},
    { codeSource: { type: 'prompt' as const } },
    { codeSource: { type: 'fixed' as const, codes: [{ cc: '1', phone_number: '5550001', code: '1' }] as [FixedCode] } },
  ])
    await assert.rejects(
      checkKnownNumbers(minted(config), stale, () => false),
      /is not registered on/,
      JSON.stringify(config),
    );
  await assert.rejects(
    checkKnownNumbers(
      { ...minted({ codeSource: { type: 'header', header: 'verify-code' } }), mintedCertificates: false },
      stale,
      () => false,
    ),
    /is not registered on/,
  );
});

test('sources: the control protocol must answer its codes endpoint, and a command code source must be a program', async () => {
  const control = settings({}, { controlProtocol: true });
  const answering = recordingAdmin(() => [200, { codes: [] }]);
  const supports = await checkSources(control, answering.send, true);
  assert.equal(supports('moved-away'), true);
  assert.deepEqual(
    answering.sent.map((r) => `${r.method} ${r.path}`),
    ['GET /_conformance/code'],
  );
  await assert.rejects(
    checkSources(control, recordingAdmin(() => 404).send, true),
    /^UsageError: the control protocol \("controlProtocol", or "emulator": true\) does not answer on https:\/\/wa.example.test: GET \/_conformance\/code answered 404/,
  );
  const notLoggedIn = recordingAdmin(() => 404);
  assert.equal(
    (await checkSources(control, notLoggedIn.send, false))('registered'),
    false,
    'without a session, not asked',
  );
  assert.equal(notLoggedIn.sent.length, 0);
  await assert.rejects(
    checkSources(
      settings({}, { codeSource: { type: 'command', argv: ['no-such-program-here', '{cc}'] } }),
      answering.send,
      true,
    ),
    /the command of codeSource, "no-such-program-here", is not an executable file, nor found on PATH/,
  );
  await assert.rejects(
    checkSources(
      settings({}, { codeSource: { type: 'command', argv: ['node', 'no-such-script.mjs'] } }),
      answering.send,
      true,
    ),
    /the script of codeSource's command, "no-such-script.mjs", does not exist/,
  );
});
