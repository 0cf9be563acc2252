import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { packageRoot } from '../../src/paths.js';
import { sourceKinds } from '../../src/protocol/index.js';
import { startEmulator } from '../../src/reference/index.js';
import { depthTableRow, initThenRun } from '../support/initRun.js';
import { runCli } from '../support/runCli.js';

const cliMain = join(packageRoot, 'dist', 'src', 'cli', 'main.js');

// init against the reference in each of its modes: the control protocol, and foreign with each source kind. What it
// promises is what the run with its file judges, requirement by requirement.
test('init writes a configuration that validates, and a run with it judges exactly the requirements init promised: the reference in each mode, both profiles', async (t) => {
  const rows = [];
  for (const sources of sourceKinds) rows.push(await initThenRun(`legacy, ${sources}`, { profile: 'legacy', sources }));
  rows.push(await initThenRun('sunset, control', { profile: 'sunset' }));
  rows.push(await initThenRun('sunset, header', { profile: 'sunset', sources: 'header' }));
  t.diagnostic(['| target | promised | reached | |', ...rows.map(depthTableRow)].join('\n'));
  for (const row of rows) assert.deepEqual(row.reached, row.promised, row.name);
});

test('init at a terminal asks for what it cannot find (the password without echo, a non-admin account) and writes no secret; without one it never waits', async () => {
  const emulator = await startEmulator({ profile: 'legacy', sources: 'header' });
  const dir = mkdtempSync(join(tmpdir(), 'wa-init-tty-'));
  try {
    const out = join(dir, 'conformance.json');
    const command = [process.execPath, cliMain, 'init', '--target', emulator.server.url, '--out', out]
      .map((a) => `'${a}'`)
      .join(' ');
    // util-linux's script gives the command a terminal of its own; the answers go in as each question appears.
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      env: { ...process.env, WA_CONFORMANCE_PASSWORD: '', WA_CONFORMANCE_TOKEN: '', WA_CONFORMANCE_USER_PASSWORD: '' },
    });
    const answers: [RegExp, string][] = [
      [/admin password \(used now/, emulator.admin.password],
      [/a non-admin user name/, emulator.user.user],
      [/its password \(used now/, emulator.user.password],
    ];
    let shown = '';
    child.stdout.on('data', (chunk) => {
      shown += chunk;
      while (answers[0]?.[0].test(shown)) child.stdin.write(`${answers.shift()![1]}\n`);
    });
    const code = await new Promise((resolve) => child.on('close', resolve));
    assert.equal(code, 0, shown);
    assert.deepEqual(answers, [], `questions not asked:\n${shown}`);
    assert.ok(
      !shown.includes(emulator.admin.password) && !shown.includes(emulator.user.password),
      'a password was echoed',
    );
    const written = readFileSync(out, 'utf8');
    assert.ok(
      !written.includes(emulator.admin.password) && !written.includes(emulator.user.password),
      'a password was written',
    );
    assert.deepEqual(JSON.parse(written).auth, { admin: { user: 'admin' }, user: { user: 'operator' } });
    assert.match(shown, /depth: 44 of 44 requirements of the legacy profile will be judged/);

    // No terminal: nothing is asked, and what is missing is said at once.
    const bare = await runCli(['init', '--target', emulator.server.url, '--out', join(dir, 'other.json')], {
      WA_CONFORMANCE_PASSWORD: '',
      WA_CONFORMANCE_TOKEN: '',
    });
    assert.equal(bare.code, 2, bare.stderr);
    assert.match(
      bare.stderr,
      /^wa-account-conformance: no admin credentials for http:\/\/127\.0\.0\.1:\d+: give --password/,
    );
  } finally {
    await emulator.server.close();
  }
});
