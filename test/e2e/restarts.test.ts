import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { emulatorConfig, emulatorUrlVariable, startEmulator } from '../../src/reference/index.js';
import { runCli, verdictsOf } from '../support/runCli.js';

// Coreapp restarts after a number registers: 500 with 1011, then refused connections. The suite's own requests wait
// for it; a hooks module (the example one: one fetch, no retry) is called only once the target answers again.

test('a target that restarts after each registration, its states set by a hooks module: the model and the two-step settings judged, no ERROR', async () => {
  const emulator = await startEmulator({ profile: 'legacy', sources: 'hooks', serving: { restartMs: 1_000 } });
  try {
    const config = emulatorConfig(emulator);
    const file = join(mkdtempSync(join(tmpdir(), 'wa-config-')), 'conformance.json');
    writeFileSync(file, JSON.stringify({ ...config, auth: { admin: { user: emulator.admin.user } } }));
    const run = await runCli(['--config', file, '--grep', 'LEGACY-STATEFUL-MODEL|TWO-STEP-SETTINGS', '--seed', '1'], {
      WA_CONFORMANCE_PASSWORD: emulator.admin.password,
      [emulatorUrlVariable]: emulator.server.url,
    });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual(verdictsOf(run), { 'LEGACY-STATEFUL-MODEL': 'PASS', 'TWO-STEP-SETTINGS': 'PASS' });
  } finally {
    await emulator.server.close();
  }
});
