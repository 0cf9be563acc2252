import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { emulatorConfig, type ServingOptions, startEmulator } from '../../src/reference/index.js';
import { readReport, runCli } from '../support/runCli.js';

// Every registration a run completes restarts Coreapp on a real cluster: the run states how many it completes, keeps
// to --registrations, and waits out each restart once.

async function legacyRun(serving: Omit<ServingOptions, 'host' | 'port'>, args: string[] = []) {
  const emulator = await startEmulator({ profile: 'legacy', serving });
  try {
    const file = join(mkdtempSync(join(tmpdir(), 'wa-registrations-')), 'conformance.json');
    writeFileSync(file, JSON.stringify(emulatorConfig(emulator)));
    return await runCli(['--config', file, '--seed', '4', '--runs', '20', ...args], {});
  } finally {
    await emulator.server.close();
  }
}

test('a target that restarts for 1.5 s after each registration (500 with 1011, then connections refused): exit 0, each restart waited for once, the registrations stated', async () => {
  const run = await legacyRun({ restartMs: 1_500 });
  assert.equal(run.code, 0, run.stdout + run.stderr);
  const report = readReport(run);
  assert.deepEqual(
    report.requirements.filter((r) => r.verdict === 'FAIL' || r.verdict === 'WARN').map((r) => r.id),
    [],
  );
  assert.match(run.stdout, /; at most 10 registrations \(--registrations\): on a real cluster each restarts Coreapp$/m);
  const { completed, restarts, restartMs } = report.registrations!;
  assert.ok(completed > 0 && completed <= 10, `${completed} registrations`);
  assert.ok(restarts >= 1 && restarts <= completed, `${restarts} restarts of ${completed}`);
  assert.ok(restartMs >= 1_000 * restarts * 0.5, `${restartMs} ms`);
  assert.match(
    run.stdout,
    new RegExp(
      `^registrations: ${completed} completed of at most 10 \\(--registrations\\); the target restarted ${restarts} times? after them, [\\d.]+ s in all, each waited for once$`,
      'm',
    ),
  );
});

test('--registrations 3: the run completes at most three, and what needs more is SKIP naming the option', async () => {
  const run = await legacyRun({}, ['--registrations', '3']);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  const report = readReport(run);
  assert.ok(report.registrations!.completed <= 3, JSON.stringify(report.registrations));
  const skipped = report.requirements.filter((r) => r.verdict === 'SKIP' && /--registrations 3/.test(r.reason ?? ''));
  assert.ok(skipped.length > 0, report.requirements.map((r) => `${r.id} ${r.verdict} ${r.reason ?? ''}`).join('\n'));
  assert.match(run.stdout, /^registrations: [0-3] completed of at most 3 \(--registrations\)/m);
});
