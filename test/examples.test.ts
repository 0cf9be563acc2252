import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../src/paths.js';
import { catalogue } from '../src/requirements/index.js';
import { createReference, numberKey, Registrations, serveHandler } from '../src/reference/index.js';
import { readReport, runCli, tempFile } from './support/runCli.js';

const example = (name: string) => join(packageRoot, 'examples', name);

test('examples/state-change-server.mjs puts an in-memory emulator\'s numbers in the suite\'s states: a full legacy run, 0 FAIL, 0 WARN', async () => {
  const { startStateChangeServer } = (await import(pathToFileURL(example('state-change-server.mjs')).href)) as {
    startStateChangeServer: (handlers: Record<string, (p: { cc: string; phone_number: string; pin?: string }) => unknown>) => Promise<{ url: string; close(): Promise<void> }>;
  };
  // The emulator: the reference with its state in this process, the control protocol off, codes in a header.
  const registrations = new Registrations();
  const admin = { user: 'admin', password: 'Adm1n!example' };
  const api = await serveHandler(createReference({ profile: 'legacy', admin, registrations, codeHeader: 'verify-code' }));
  const states = await startStateChangeServer({
    'a number is registered': (p) => { registrations.unregister(numberKey(p)); registrations.register(numberKey(p)); },
    'a number is not registered': (p) => { registrations.unregister(numberKey(p)); registrations.clearPin(numberKey(p)); },
    'a number is not registered and has two-step verification on': (p) => { registrations.unregister(numberKey(p)); registrations.setPin(numberKey(p), p.pin!); },
    'a number was registered on another client': (p) => registrations.unregister(numberKey(p)),
  });
  try {
    const config = tempFile('example.json', JSON.stringify({
      target: api.url, profile: 'legacy', auth: { admin: { user: 'admin' } }, acceptsMintedCertificates: true,
      stateChangeUrl: `${states.url}/provider-states`, codeSource: { type: 'header', header: 'verify-code' },
    }));
    const run = await runCli(['--config', config, '--runs', '30'], { WA_CONFORMANCE_PASSWORD: admin.password });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const report = readReport(run);
    assert.deepEqual(report.requirements.filter((r) => r.verdict === 'FAIL' || r.verdict === 'WARN').map((r) => r.id), []);
    const skipped = report.requirements.filter((r) => r.verdict === 'SKIP').map((r) => r.id);
    // No non-admin account was configured: the role checks say so; every other legacy check ran.
    const expected = catalogue.filter((r) => !r.profiles.includes('legacy') || r.needs?.includes('non-admin-account')).map((r) => r.id);
    assert.deepEqual(skipped.sort(), expected.sort());
  } finally {
    await states.close();
    await api.close();
  }
});

test('examples/inbox-code.mjs prints the code of the request it is given, and fails without one', async () => {
  const registrations = new Registrations();
  const api = await serveHandler(createReference({ profile: 'legacy', admin: { user: 'admin', password: 'x' }, registrations, inbox: true }));
  try {
    const number = { cc: '999', phone_number: '5550009' };
    const code = registrations.sendCode(number, 'Inbox Co');
    const request = JSON.stringify({ ...number, method: 'sms', requestedAt: new Date().toISOString() });
    // Not execFileSync: the emulator answers from this very process.
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, [example('inbox-code.mjs'), `${api.url}/_inbox`], { env: { ...process.env, WA_CONFORMANCE_CODE_REQUEST: request } });
    assert.deepEqual(JSON.parse(stdout), { code });
    await assert.rejects(run(process.execPath, [example('inbox-code.mjs')]), /usage: inbox-code\.mjs INBOX_URL/);
  } finally {
    await api.close();
  }
});
