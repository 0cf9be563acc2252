import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { packageRoot } from '../../src/paths.js';
import { childrenOf, processes } from '../../src/run/processes.js';
import { serveTarget, slowReference } from '../support/servers.js';

const main = join(packageRoot, 'dist', 'src', 'cli', 'main.js');

// The command is started as the leader of a process group of its own: whatever it starts (Playwright's workers, the
// Pact verifier's helpers) stays in that group unless it leaves on purpose, so the group empty shows nothing outlived it.
function outliving(group: number): string[] {
  // A zombie has ended already; it only waits for a parent to read its status.
  return processes()
    .filter((p) => p.pgrp === group && p.state !== 'Z')
    .map((p) => `${p.pid} ${p.command}`);
}

/** The command in a process group of its own: its process id at once, its exit code when it closes. */
function runDetached(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null }> & { pid: number } {
  const child = spawn(
    process.execPath,
    [main, ...args, ...(args[0] === 'contracts' ? [] : ['--report-dir', mkdtempSync(join(tmpdir(), 'wa-children-'))])],
    { detached: true, stdio: 'ignore', env: { ...process.env, ...env, CI: 'true' } },
  );
  const closed = new Promise<{ code: number | null }>((resolve) => child.on('close', (code) => resolve({ code })));
  return Object.assign(closed, { pid: child.pid! });
}

// A run stopped before its tests (an unreachable target: exit 2) leaves nothing either, its warm worker included.
for (const [args, exit] of [
  [['--runs', '10'], 0],
  [['contracts', 'verify'], 0],
  [['--target', 'http://127.0.0.1:1', '--user', 'admin', '--password', 'unused'], 2],
] as const) {
  test(`no process outlives \`wa-account-conformance ${args.join(' ')}\``, async () => {
    const run = runDetached(args);
    assert.equal((await run).code, exit);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(outliving(run.pid), []);
  });
}

// At --max-time Playwright's runner returns while its workers still stop, writing into the run's directory: the
// command removes that directory only after every one of them has ended, the warm worker it began with included.
test('a run cut short by --max-time removes its directory only after its workers have ended', async () => {
  const served = await serveTarget('sunset', slowReference(1000));
  const tmp = mkdtempSync(join(tmpdir(), 'wa-children-tmp-'));
  let ended = false;
  let workerLastSeen = 0;
  let runDirSeen = false;
  let runDirGone = 0;
  try {
    const run = runDetached([...served.args, '--max-time', '3', '--runs', '200'], { ...served.env, TMPDIR: tmp });
    void run.then(() => (ended = true));
    while (!ended) {
      const now = performance.now();
      if (childrenOf(run.pid).size > 0) workerLastSeen = now;
      const runDir = readdirSync(tmp).some((name) => name.startsWith('wa-run-'));
      if (runDir) runDirSeen = true;
      else if (runDirSeen && !runDirGone) runDirGone = now;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.equal((await run).code, 0);
    assert.ok(runDirSeen && runDirGone > 0, 'the run directory was seen, then removed');
    assert.ok(
      runDirGone >= workerLastSeen,
      `the run's directory was removed ${Math.round(workerLastSeen - runDirGone)} ms before its last worker ended`,
    );
  } finally {
    await served.close();
    rmSync(tmp, { recursive: true, force: true });
  }
});
