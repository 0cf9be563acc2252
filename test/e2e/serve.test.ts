import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { packageRoot } from '../../src/paths.js';
import { runCli, verdictsOf } from '../support/runCli.js';

const main = join(packageRoot, 'dist', 'src', 'cli', 'main.js');

test('serve --profile legacy with the printed configuration gives the same verdicts as the embedded run; SIGTERM stops it', async () => {
  const configFile = join(mkdtempSync(join(tmpdir(), 'wa-serve-')), 'conformance.json');
  const serve = spawn(process.execPath, [main, 'serve', '--profile', 'legacy', '--config-out', configFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  serve.stdout.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => serve.on('exit', resolve));
  try {
    await new Promise<void>((resolve, reject) => {
      serve.stdout.on('data', () => output.includes('stop with Ctrl-C') && resolve());
      serve.on('exit', (code) => reject(new Error(`serve exited early with ${code}: ${output}`)));
    });
    assert.match(output, /reference emulator \(legacy profile, control protocol on\) at http:\/\/127\.0\.0\.1:\d+/);
    assert.match(output, /admin account: +admin \/ \S+/);
    assert.match(output, /non-admin account: +operator \/ \S+/);

    const served = await runCli(['--config', configFile, '--seed', '5', '--runs', '40']);
    const embedded = await runCli(['--profile', 'legacy', '--seed', '5', '--runs', '40']);
    assert.equal(served.code, 0, served.stdout);
    assert.deepEqual(verdictsOf(served), verdictsOf(embedded));
  } finally {
    serve.kill('SIGTERM');
  }
  assert.equal(await exited, 0);
  assert.match(output, /stopped \(SIGTERM\)/);
});
