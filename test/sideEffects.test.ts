import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emulatorConfig, startEmulator } from '../src/reference/index.js';
import { readReport, runCli, tempFile } from './support/runCli.js';

// 127.0.0.1 spelled as an IPv4-mapped IPv6 address: still this machine, but not a spelling the suite
// takes for loopback, so it stands in for a live target without any traffic leaving loopback.
const sendsCodes = ['LEGACY-UNREGISTERED-202', 'LEGACY-PIN-ACCEPTED'];

test('tests that make a live target send a code run only with sideEffects or --allow-side-effects', async () => {
  const emulator = await startEmulator({ profile: 'legacy' });
  try {
    const { fixtures, auth } = emulatorConfig(emulator);
    const target = emulator.server.url.replace('127.0.0.1', '[::ffff:127.0.0.1]');
    const config = tempFile('live.json', JSON.stringify({ target, profile: 'legacy', auth, fixtures }));

    const guarded = await runCli(['--config', config, '--grep', 'LEGACY-UNREGISTERED|LEGACY-PIN', '--runs', '10']);
    assert.equal(guarded.code, 0, guarded.stdout);
    for (const id of sendsCodes) {
      const r = readReport(guarded).requirements.find((x) => x.id === id)!;
      assert.equal(r.verdict, 'SKIP', `${id} should be skipped without the opt-in`);
      assert.match(r.reason ?? '', /^would send a registration code to \+\d+ on http:\/\/\[::ffff:127\.0\.0\.1\]:\d+: allow with "sideEffects": true or --allow-side-effects$/);
    }
    assert.equal(readReport(guarded).requirements.find((x) => x.id === 'LEGACY-PIN-REQUIRED')!.verdict, 'PASS', 'side-effect-free checks still run');

    const allowed = await runCli(['--config', config, '--grep', 'LEGACY-UNREGISTERED|LEGACY-PIN', '--runs', '10', '--allow-side-effects']);
    for (const id of sendsCodes) assert.equal(readReport(allowed).requirements.find((x) => x.id === id)!.verdict, 'PASS', id);
  } finally {
    await emulator.server.close();
  }
});

test('a test whose fixture or emulator is missing is SKIP with the reason', async () => {
  const emulator = await startEmulator({ profile: 'legacy' });
  try {
    const config = tempFile('bare.json', JSON.stringify({ target: emulator.server.url, profile: 'legacy', auth: { admin: emulator.admin } }));
    const run = await runCli(['--config', config, '--runs', '10']);
    assert.equal(run.code, 0, run.stdout);
    const reasons = Object.fromEntries(readReport(run).requirements.map((r) => [r.id, r.reason]));
    assert.equal(reasons['LEGACY-REGISTERED-201'], 'needs fixtures.registered in the configuration file');
    assert.equal(reasons['LEGACY-PIN-REQUIRED'], 'needs fixtures.twoStep in the configuration file');
    assert.match(reasons['LEGACY-VNAME-ROUNDTRIP']!, /^needs an emulator target \("emulator": true in the configuration file\)/);
    assert.match(reasons['AUTH-ADMIN-ONLY']!, /^needs a user session: no non-admin account was given/);
  } finally {
    await emulator.server.close();
  }
});
