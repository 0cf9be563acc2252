import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Secrets, TargetClient } from '../../../src/client/index.js';
import { Sessions } from '../../../src/harness/sessions.js';

// No request is sent: the admin's session is the token the run was given.
const client = () =>
  new TargetClient({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 1_000, insecure: false, secrets: new Secrets() });

test("a token one worker holds as a session is known to the run's other workers, by its hash only", async () => {
  const runDir = mkdtempSync(join(tmpdir(), 'wa-sessions-'));
  const first = new Sessions(client(), { admin: { user: 'admin', token: 's3ss10n-t0k3n' }, runDir });
  const second = new Sessions(client(), { admin: { user: 'admin', password: 'p' }, runDir });
  assert.equal(second.heldByRun('s3ss10n-t0k3n'), false);
  await first.token('admin');
  assert.equal(first.heldByRun('s3ss10n-t0k3n'), true);
  assert.equal(second.heldByRun('s3ss10n-t0k3n'), true);
  assert.equal(second.heldByRun('another'), false);
  assert.ok(!readFileSync(join(runDir, 'sessions'), 'utf8').includes('s3ss10n-t0k3n'));
});

test('without a run directory only the sessions of this worker are known', async () => {
  const alone = new Sessions(client(), { admin: { user: 'admin', token: 't' } });
  assert.equal(alone.heldByRun('t'), false);
  await alone.token('admin');
  assert.equal(alone.heldByRun('t'), true);
});
