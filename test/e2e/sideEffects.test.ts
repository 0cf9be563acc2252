import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emulatorConfig, startEmulator } from '../../src/reference/index.js';
import { readReport, runCli, tempFile } from '../support/runCli.js';

// 127.0.0.1 spelled as an IPv4-mapped IPv6 address: still this machine, but not a spelling the suite
// takes for loopback, so it stands in for a live target without any traffic leaving loopback.
const sendsCodes = ['LEGACY-UNREGISTERED-202', 'LEGACY-PIN-ACCEPTED'];

test('tests that make a live target send a code run only with sideEffects or --allow-side-effects', async () => {
  const emulator = await startEmulator({ profile: 'legacy' });
  try {
    const { numbers, auth } = emulatorConfig(emulator);
    const target = emulator.server.url.replace('127.0.0.1', '[::ffff:127.0.0.1]');
    const config = tempFile('live.json', JSON.stringify({ target, profile: 'legacy', auth, numbers }));

    const guarded = await runCli(['--config', config, '--grep', 'LEGACY-UNREGISTERED|LEGACY-PIN', '--runs', '10']);
    assert.equal(guarded.code, 0, guarded.stdout);
    for (const id of sendsCodes) {
      const r = readReport(guarded).requirements.find((x) => x.id === id)!;
      assert.equal(r.verdict, 'SKIP', `${id} should be skipped without the opt-in`);
      assert.match(
        r.reason ?? '',
        /^would make http:\/\/\[::ffff:127\.0\.0\.1\]:\d+ send a registration code: allow with "sideEffects": true or --allow-side-effects$/,
      );
    }
    assert.equal(
      readReport(guarded).requirements.find((x) => x.id === 'LEGACY-PIN-REQUIRED')!.verdict,
      'PASS',
      'side-effect-free checks still run',
    );

    const allowed = await runCli([
      '--config',
      config,
      '--grep',
      'LEGACY-UNREGISTERED|LEGACY-PIN',
      '--runs',
      '10',
      '--allow-side-effects',
    ]);
    for (const id of sendsCodes)
      assert.equal(readReport(allowed).requirements.find((x) => x.id === id)!.verdict, 'PASS', id);
  } finally {
    await emulator.server.close();
  }
});

test('a test whose fixture or source is missing is SKIP, naming what would enable it', async () => {
  const emulator = await startEmulator({ profile: 'legacy' });
  try {
    const config = tempFile(
      'bare.json',
      JSON.stringify({ target: emulator.server.url, profile: 'legacy', auth: { admin: emulator.admin } }),
    );
    const run = await runCli(['--config', config, '--runs', '10']);
    assert.equal(run.code, 0, run.stdout);
    const reasons = Object.fromEntries(readReport(run).requirements.map((r) => [r.id, r.reason]));
    // The target takes minted certificates (probed: it is on loopback), so fresh numbers stand in where they can.
    assert.equal(readReport(run).requirements.find((r) => r.id === 'LEGACY-VNAME-ROUNDTRIP')!.verdict, 'PASS');
    assert.match(
      reasons['LEGACY-REGISTERED-201']!,
      /^needs numbers\.registered in the configuration file, or a target that takes minted certificates with a state source: add "stateChangeUrl"/,
    );
    assert.match(
      reasons['LEGACY-PIN-REQUIRED']!,
      /^needs numbers\.twoStep in the configuration file, or .* a state source: add "stateChangeUrl"/,
    );
    assert.match(reasons['VERIFY-COMPLETES']!, /^needs a code source: add "codeSource": \{"type": "header"/);
    assert.match(reasons['AUTH-ADMIN-ONLY']!, /^needs a non-admin account: "auth": \{"user"/);
  } finally {
    await emulator.server.close();
  }
});
