import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { packageRoot } from '../../src/paths.js';
import { createReference, numberKey, Registrations, serveHandler } from '../../src/reference/index.js';
import { catalogue } from '../../src/requirements/index.js';
import { readReport, runCli, tempFile } from '../support/runCli.js';
import { serveTarget } from '../support/servers.js';

const example = (name: string) => join(packageRoot, 'examples', name);

test("examples/state-change-server.mjs puts an in-memory emulator's numbers in the suite's states: a full legacy run, 0 FAIL, 0 WARN", async () => {
  const { startStateChangeServer } = (await import(pathToFileURL(example('state-change-server.mjs')).href)) as {
    startStateChangeServer: (
      handlers: Record<string, (p: { cc: string; phone_number: string; pin?: string }) => unknown>,
    ) => Promise<{ url: string; close(): Promise<void> }>;
  };
  // The emulator: the reference with its state in this process, the control protocol off, codes in a header.
  const registrations = new Registrations();
  const admin = { user: 'admin', password: 'Adm1n!example' };
  const api = await serveHandler(
    createReference({ profile: 'legacy', admin, registrations, codeHeader: 'verify-code' }),
  );
  const states = await startStateChangeServer({
    'a number is registered': (p) => {
      registrations.unregister(numberKey(p));
      registrations.register(numberKey(p));
    },
    'a number is not registered': (p) => {
      registrations.unregister(numberKey(p));
      registrations.clearPin(numberKey(p));
    },
    'a number is not registered and has two-step verification on': (p) => {
      registrations.unregister(numberKey(p));
      registrations.setPin(numberKey(p), p.pin!);
    },
    'a number was registered on another client': (p) => registrations.unregister(numberKey(p)),
  });
  try {
    const config = tempFile(
      'example.json',
      JSON.stringify({
        target: api.url,
        profile: 'legacy',
        auth: { admin: { user: 'admin' } },
        acceptsMintedCertificates: true,
        stateChangeUrl: `${states.url}/provider-states`,
        codeSource: { type: 'header', header: 'verify-code' },
      }),
    );
    const run = await runCli(['--config', config, '--runs', '30'], { WA_CONFORMANCE_PASSWORD: admin.password });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const report = readReport(run);
    assert.deepEqual(
      report.requirements.filter((r) => r.verdict === 'FAIL' || r.verdict === 'WARN').map((r) => r.id),
      [],
    );
    const skipped = report.requirements.filter((r) => r.verdict === 'SKIP').map((r) => r.id);
    // No non-admin account was configured: the role checks say so; every other legacy check ran.
    const expected = catalogue
      .filter((r) => !r.profiles.includes('legacy') || r.needs?.includes('non-admin-account'))
      .map((r) => r.id);
    assert.deepEqual(skipped.sort(), expected.sort());
  } finally {
    await states.close();
    await api.close();
  }
});

test('examples/inbox-code.mjs prints the code of the request it is given, and fails without one', async () => {
  const registrations = new Registrations();
  const api = await serveHandler(
    createReference({ profile: 'legacy', admin: { user: 'admin', password: 'x' }, registrations, inbox: true }),
  );
  try {
    const number = { cc: '999', phone_number: '5550009' };
    const code = registrations.sendCode(number, 'Inbox Co');
    const request = JSON.stringify({ ...number, method: 'sms', requestedAt: new Date().toISOString() });
    // Not execFileSync: the emulator answers from this very process.
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, [example('inbox-code.mjs'), `${api.url}/_inbox`], {
      env: { ...process.env, WA_CONFORMANCE_CODE_REQUEST: request },
    });
    assert.deepEqual(JSON.parse(stdout), { code });
    await assert.rejects(run(process.execPath, [example('inbox-code.mjs')]), /usage: inbox-code\.mjs INBOX_URL/);
  } finally {
    await api.close();
  }
});

test('examples/github-actions.yml: its suite command runs as written against a target (exit 0 on the reference), with flags the CLI has, and writes the files its later steps read', async () => {
  const workflow = readFileSync(join(packageRoot, 'examples', 'github-actions.yml'), 'utf8');
  const command = /^\s+run: npx --yes wa-account-conformance@([\d.]+) (.+)$/m.exec(workflow);
  assert.ok(command, 'no npx wa-account-conformance step');
  assert.equal(
    command[1],
    (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version,
    'the example pins another version',
  );
  const args = command[2]!.split(' ');
  const help = (await runCli(['run', '--help'])).stdout;
  for (const flag of args.filter((a) => a.startsWith('--')))
    assert.match(help, new RegExp(`^\\s+(?:-\\w, )?${flag}\\b`, 'm'), `${flag} is no flag of the CLI`);
  const read = [...workflow.matchAll(/conformance-report\/([\w.]+)/g)].map((m) => m[1]!);
  assert.deepEqual([...new Set(read)].sort(), ['junit.xml', 'summary.md']);

  const served = await serveTarget('sunset');
  try {
    const target = served.emulator.server.url;
    const reportDir = mkdtempSync(join(tmpdir(), 'wa-actions-'));
    const asWritten = args.map((a) =>
      a === 'http://localhost:9090' ? target : a === 'conformance-report' ? reportDir : a,
    );
    const run = await runCli([...asWritten, '--runs', '20'], {
      WA_CONFORMANCE_PASSWORD: served.emulator.admin.password,
    });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    for (const file of read) assert.ok(existsSync(join(reportDir, file)), `${file} was not written`);
  } finally {
    await served.close();
  }
});
