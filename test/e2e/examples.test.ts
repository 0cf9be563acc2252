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
import { readJunit } from '../support/junit.js';
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

test("examples/github-actions.yml: a run stopped before any test (a wrong password, a flag commander refuses) leaves the files its later steps read, and its summary step's own command succeeds on them", async () => {
  const workflow = readFileSync(join(packageRoot, 'examples', 'github-actions.yml'), 'utf8');
  const args = /^\s+run: npx --yes wa-account-conformance@[\d.]+ (.+)$/m.exec(workflow)![1]!.split(' ');
  const summaryStep = /- name: Verdicts in the job summary\n(?:\s+if: .*\n)?\s+run: (.+)$/m.exec(workflow)?.[1];
  assert.ok(summaryStep, 'no summary step');
  const served = await serveTarget('sunset');
  try {
    const target = served.emulator.server.url;
    for (const [why, extra, env, reason] of [
      ['a wrong password', [], { WA_CONFORMANCE_PASSWORD: 'not-the-password' }, /cannot log in on .*HTTP 401/],
      ['a flag value commander refuses', ['--seed', 'x'], {}, /option '--seed <n>' argument 'x' is invalid/],
    ] as const) {
      // In a folder of its own, as a job's workspace: the workflow names conformance-report relative to it.
      const workspace = mkdtempSync(join(tmpdir(), 'wa-actions-'));
      const asWritten = args.map((a) => (a === 'http://localhost:9090' ? target : a));
      const run = await promisify(execFile)(
        process.execPath,
        [join(packageRoot, 'dist', 'src', 'cli', 'main.js'), ...asWritten, ...extra],
        {
          cwd: workspace,
          env: { ...process.env, WA_CONFORMANCE_PASSWORD: '', ...env, NO_COLOR: '1' },
        },
      ).then(
        () => assert.fail(`${why}: exit 0`),
        (error: { code: number; stderr: string }) => error,
      );
      assert.equal(run.code, 2, `${why}: ${run.stderr}`);
      const report = JSON.parse(readFileSync(join(workspace, 'conformance-report', 'report.json'), 'utf8'));
      assert.match(report.stopped, reason, why);
      assert.doesNotMatch(JSON.stringify(report), /not-the-password/, 'the password reached the report');
      const junit = readJunit(join(workspace, 'conformance-report'));
      assert.deepEqual(
        [junit.tests, junit.errors, junit.cases.length, junit.cases[0]!.outcome],
        [1, 1, 1, 'error'],
        why,
      );
      assert.match(junit.cases[0]!.message!, reason, why);
      const stepSummary = join(workspace, 'step-summary.md');
      await promisify(execFile)('bash', ['-e', '-c', summaryStep], {
        cwd: workspace,
        env: { ...process.env, GITHUB_STEP_SUMMARY: stepSummary },
      });
      const shown = readFileSync(stepSummary, 'utf8');
      assert.match(shown, /stopped before any test \(exit 2\)/, why);
      assert.match(shown, reason, why);
    }
  } finally {
    await served.close();
  }
});
