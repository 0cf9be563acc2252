import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { packageRoot } from '../../src/paths.js';
import { processes } from '../../src/run/processes.js';

const main = join(packageRoot, 'dist', 'src', 'cli', 'main.js');

// The command is started as the leader of a process group of its own: whatever it starts (Playwright's workers, the
// Pact verifier's helpers) stays in that group unless it leaves on purpose, so the group empty shows nothing outlived it.
// A run stopped before its tests (an unreachable target: exit 2) leaves nothing either, its warm worker included.
for (const [args, exit] of [
  [['--runs', '10'], 0],
  [['contracts', 'verify'], 0],
  [['--target', 'http://127.0.0.1:1', '--user', 'admin', '--password', 'unused'], 2],
] as const) {
  test(`no process outlives \`wa-account-conformance ${args.join(' ')}\``, async () => {
    const child = spawn(
      process.execPath,
      [
        main,
        ...args,
        ...(args[0] === 'contracts' ? [] : ['--report-dir', mkdtempSync(join(tmpdir(), 'wa-children-'))]),
      ],
      {
        detached: true,
        stdio: 'ignore',
        env: { ...process.env, CI: 'true' },
      },
    );
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, exit);
    await new Promise((resolve) => setTimeout(resolve, 200));
    // A zombie has ended already; it only waits for a parent to read its status.
    assert.deepEqual(
      processes()
        .filter((p) => p.pgrp === child.pid && p.state !== 'Z')
        .map((p) => `${p.pid} ${p.command}`),
      [],
    );
  });
}
