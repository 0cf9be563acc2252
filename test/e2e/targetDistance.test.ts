import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { startLatencyProxy } from '../../scripts/latencyProxy.js';
import { readReport, runCli, tempFile, verdictsOf } from '../support/runCli.js';
import { serveTarget } from '../support/servers.js';

const workerProcesses = (dir: string) => readdirSync(dir).filter((name) => name.startsWith('workerProcessEntry-'));

test('a target a WAN away gets a second worker unless told otherwise, with the verdicts of one; a near one keeps one', async () => {
  const target = await serveTarget('sunset');
  const proxy = await startLatencyProxy(target.emulator.server.url, 40);
  try {
    const config = JSON.parse(readFileSync(target.args[1]!, 'utf8')) as Record<string, unknown>;
    const far = [
      '--config',
      tempFile('conformance.json', JSON.stringify({ ...config, target: proxy.url })),
      '--seed',
      '3',
    ];
    const profiles = mkdtempSync(join(tmpdir(), 'wa-profiles-'));
    const chosen = await runCli([...far, '--runs', '20'], { ...target.env, PW_PROFILE_DIR: profiles });
    assert.equal(chosen.code, 0, chosen.stdout + chosen.stderr);
    assert.match(chosen.stderr, /2 workers: the target answers in \d+ ms.+--workers 1 keeps one/);
    assert.equal(readReport(chosen).settings?.workers, 2);
    assert.equal(workerProcesses(profiles).length, 2, `worker processes: ${workerProcesses(profiles).join(', ')}`);
    const told = await runCli([...far, '--runs', '20', '--workers', '1'], target.env);
    assert.equal(readReport(told).settings?.workers, 1);
    assert.doesNotMatch(told.stderr, /workers:/);
    assert.deepEqual(verdictsOf(chosen), verdictsOf(told));

    const near = await runCli([...target.args, '--seed', '3', '--runs', '20'], target.env);
    assert.equal(near.code, 0, near.stdout + near.stderr);
    assert.equal(readReport(near).settings?.workers, 1);
    assert.doesNotMatch(near.stderr, /workers:/);
  } finally {
    await proxy.close();
    await target.close();
  }
});
