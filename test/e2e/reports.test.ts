import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { meta, rewriteAnswers } from '../../mutants/mutant.js';
import { sunsetDetailsTypo } from '../../mutants/sunsetMutants.js';
import type { ConformanceReport } from '../../src/generated/types.js';
import { packageRoot } from '../../src/paths.js';
import { validate } from '../../src/schema/registry.js';
import { readReport, runCli, tempFile, verdictsOf } from '../support/runCli.js';
import { serveTarget } from '../support/servers.js';

test('report.json validates against schemas/conformance-report.schema.json, for a passing and a failing run', async () => {
  const served = await serveTarget('sunset', sunsetDetailsTypo.build);
  try {
    for (const run of [
      await runCli(['--seed', '1', '--runs', '20']),
      await runCli([...served.args, '--seed', '1', '--runs', '20'], served.env),
    ]) {
      // The files the README lists, and nothing of Playwright's own.
      assert.deepEqual(readdirSync(run.reportDir).sort(), ['junit.xml', 'report.html', 'report.json', 'summary.md']);
      const result = validate('conformance-report', readReport(run));
      assert.deepEqual(result, { ok: true });
      const summary = readFileSync(join(run.reportDir, 'summary.md'), 'utf8');
      assert.match(summary, /^## wa-account-conformance: sunset profile against http:\/\/127\.0\.0\.1:\d+$/m);
      assert.match(summary, /^\| ✅ PASS \| `ACCOUNT-SUNSET-NEVER-REGISTERS` \| MUST \|/m);
      assert.match(summary, /^\| unknown-property \| \d+ \| \(unknown property\) \d+ \|$/m, 'the coverage table');

      // junit.xml: a time on the suite and on every test case, and the spec a ran requirement is checked in.
      const junit = readFileSync(join(run.reportDir, 'junit.xml'), 'utf8');
      assert.match(
        junit,
        /^<testsuite name="wa-account-conformance \(sunset\)" tests="\d+" failures="\d+" skipped="\d+" errors="0" time="\d+\.\d{3}" timestamp="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d">$/m,
      );
      const cases = junit.match(/<testcase [^>]*>/g)!;
      assert.ok(cases.length > 30 && cases.every((c) => / time="\d+\.\d{3}"/.test(c)), 'a time on every test case');
      assert.match(
        junit,
        /<testcase classname="[^"]+" name="ACCOUNT-SUNSET-NEVER-REGISTERS: [^"]+" time="(?!0\.000)\d+\.\d{3}" file="specs\/account-sunset\.spec\.ts">/,
      );
    }
  } finally {
    await served.close();
  }
});

test('an expected-failures file turns a known FAIL into exit 0, and a stale entry into exit 1', async () => {
  const served = await serveTarget('sunset', sunsetDetailsTypo.build);
  try {
    const known = tempFile(
      'known.json',
      JSON.stringify({
        expectedFailures: [{ id: 'ACCOUNT-SUNSET-1005', reason: 'our details string has a typo, ticket 42' }],
      }),
    );
    const xfail = await runCli(
      [...served.args, '--seed', '2', '--runs', '20', '--expected-failures', known],
      served.env,
    );
    assert.equal(xfail.code, 0, xfail.stdout);
    assert.match(
      xfail.stdout,
      /^XFAIL +MUST +ACCOUNT-SUNSET-1005 +expected failure \(our details string has a typo, ticket 42\)$/m,
    );
    assert.match(
      xfail.stdout,
      /^\d+ passed, 0 failed, \d+ skipped, \d+ warned, \d+ info, 1 expected failures, 0 stale$/m,
    );

    const stale = tempFile(
      'stale.json',
      JSON.stringify({
        expectedFailures: [
          { id: 'ACCOUNT-SUNSET-1005', reason: 'fixed since' },
          { id: 'AUTH-TOKEN-REQUIRED', reason: 'was broken once' },
        ],
      }),
    );
    const run = await runCli([...served.args, '--seed', '2', '--runs', '20', '--expected-failures', stale], served.env);
    assert.equal(run.code, 1, run.stdout);
    assert.match(
      run.stdout,
      /^STALE +MUST +AUTH-TOKEN-REQUIRED +listed as expected to fail, but it passes: remove the entry \(was broken once\)$/m,
    );
    const junit = readFileSync(join(run.reportDir, 'junit.xml'), 'utf8');
    assert.match(junit, /<failure message="stale expected failure: was broken once">/);

    const unknown = tempFile(
      'unknown.json',
      JSON.stringify({ expectedFailures: [{ id: 'NO-SUCH-REQUIREMENT', reason: 'x' }] }),
    );
    const bad = await runCli(['--expected-failures', unknown]);
    assert.equal(bad.code, 2);
    assert.match(
      bad.stderr,
      /expected-failures file .*unknown\.json: \/expectedFailures\/0\/id: "NO-SUCH-REQUIREMENT" is no requirement ID/,
    );
  } finally {
    await served.close();
  }
});

test('--shard 1/2 and 2/2, merged, give the same per-requirement verdicts as one run', async () => {
  for (const profile of ['sunset', 'legacy']) {
    const served = await serveTarget(profile as 'sunset', profile === 'sunset' ? sunsetDetailsTypo.build : undefined);
    try {
      const common = [...served.args, '--seed', '8', '--runs', '20'];
      const whole = await runCli(common, served.env);
      const one = await runCli([...common, '--shard', '1/2'], served.env);
      const two = await runCli([...common, '--shard', '2/2'], served.env);
      assert.notDeepEqual(verdictsOf(one), verdictsOf(whole), 'a shard runs part of the suite');
      const merged = await runCli(['merge', one.reportDir, two.reportDir]);
      assert.equal(merged.code, whole.code, merged.stdout + merged.stderr);
      assert.deepEqual(verdictsOf(merged), verdictsOf(whole));
      assert.deepEqual(readReport(merged).summary, readReport(whole).summary);
      assert.deepEqual(JSON.parse(readFileSync(join(merged.reportDir, 'report.json'), 'utf8')).shards, ['1/2', '2/2']);
    } finally {
      await served.close();
    }
  }
});

test('merge refuses shards of different seeds or profiles, naming them', async () => {
  const a = await runCli(['--seed', '1', '--runs', '5', '--shard', '1/2']);
  const b = await runCli(['--seed', '2', '--runs', '5', '--shard', '2/2']);
  const merged = await runCli(['merge', a.reportDir, b.reportDir]);
  assert.equal(merged.code, 2);
  assert.match(merged.stderr, /ran with seed 2, .* with 1: run every shard with the same --seed/);
});

test('a terminal gets a live progress line; CI gets none', async () => {
  const main = join(packageRoot, 'dist', 'src', 'cli', 'main.js');
  const runInTerminal = (ci: boolean) =>
    new Promise<string>((resolve) => {
      // script(1) gives the run a pseudo-terminal, as a person's shell would.
      const { CI: _ci, ...env } = process.env;
      const command = `stty cols 120 rows 40; ${process.execPath} ${main} --runs 5 --seed 3 --report-dir ${join(packageRoot, 'dist', `tty-report-${ci}`)}`;
      const child = spawn('script', ['-qec', command, '/dev/null'], { env: ci ? { ...env, CI: 'true' } : env });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.on('close', () => resolve(out));
    });
  assert.match(await runInTerminal(false), /\[\d+\/\d+\] [A-Z]+-[A-Z0-9-]+/);
  assert.doesNotMatch(await runInTerminal(true), /\[\d+\/\d+\] [A-Z]+-/);
});

test('a counterexample that passes when sent again: WARN "flaky", never a FAIL; its failure reproduces the request that failed, not the replay sent after it, and the wire log keeps it', async () => {
  // A flaky target: the 1st and the 21st verification are accepted, every other refused as the reference does.
  // --runs 20: the first answer fails the values checked side by side, the 21st fails fast-check's own run of
  // them, and the replay of its counterexample is refused.
  let verifications = 0;
  const accepted: string[] = [];
  const served = await serveTarget(
    'sunset',
    rewriteAnswers('/v1/account/verify', (response, request) => {
      if (![1, 21].includes(++verifications)) return response;
      accepted.push(String(request.headers['x-conformance-case']));
      return { status: 201, body: { meta } };
    }),
  );
  try {
    const run = await runCli(
      [...served.args, '--grep', 'VERIFY-SUNSET-REFUSED', '--runs', '20', '--seed', '1'],
      served.env,
    );
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const report = JSON.parse(readFileSync(join(run.reportDir, 'report.json'), 'utf8')) as ConformanceReport;
    const requirement = report.requirements.find((r) => r.id === 'VERIFY-SUNSET-REFUSED')!;
    assert.equal(requirement.verdict, 'WARN');
    const tested = requirement.tests![0]!;
    assert.equal(tested.flaky, true);
    assert.match(tested.failure!.message, /flaky: answered as expected when sent again; the first time: 201/);
    const failed = accepted.at(-1)!;
    assert.equal(tested.failure!.correlation, failed);
    assert.match(tested.failure!.curl!, new RegExp(`x-conformance-case: ${failed}'`));
    assert.notEqual(tested.wireLog.at(-1)!.case, failed, 'the replay and the shrinking came after the failed request');
    // Kept in the wire log, though more than its 25 last exchanges were sent after it.
    assert.equal(tested.wireLog.find((e) => e.case === failed)?.response?.status, 201);
    assert.match(run.stdout, new RegExp(`correlation: X-Conformance-Case: ${failed}\\n`));
  } finally {
    await served.close();
  }
});

test('depth, stated: a run with no source and one with every source each print and report how deep they went, and each SKIP names every missing need in full', async () => {
  const served = await serveTarget('legacy');
  try {
    const target = served.emulator.server.url;
    const bare = tempFile('bare.json', JSON.stringify({ target, profile: 'legacy' }));
    const shallow = await runCli(['--config', bare, '--seed', '3', '--runs', '10'], served.env);
    const full = await runCli([...served.args, '--seed', '3', '--runs', '10'], served.env);
    for (const run of [shallow, full]) {
      assert.equal(run.code, 0, run.stdout + run.stderr);
      const { depth } = readReport(run);
      assert.ok(run.stdout.split('\n').includes(depth.line), `the console lacks the report's depth line ${depth.line}`);
      assert.ok(readFileSync(join(run.reportDir, 'summary.md'), 'utf8').includes(depth.line));
    }
    assert.match(
      readReport(full).depth.line,
      /^depth: (\d+) of \1 requirements of this profile judged at full depth; 5 apply to the other profile only$/,
    );
    assert.match(
      readReport(shallow).depth.line,
      /^depth: \d+ of \d+ requirements of this profile judged at full depth, \d+ skipped for a missing source or number; 5 apply/,
    );
    // TWO-STEP-SETTINGS lacks a code source and a state source: both named, in full, in every place it is shown.
    const report = readReport(shallow);
    const row = report.depth.rows.find((r) => r.id === 'TWO-STEP-SETTINGS')!;
    assert.equal(row.depth, 'missing');
    assert.deepEqual(
      row.why.map((w) => /^needs an? (\w+ source)/.exec(w)?.[1]),
      ['code source', 'state source'],
    );
    const skip = report.requirements.find((r) => r.id === 'TWO-STEP-SETTINGS')!;
    assert.equal(skip.reason, row.why.join('; '));
    // On the console, wrapped at its width and not cut: the line and the ones indented under it read as the reason.
    const lines = shallow.stdout.split('\n');
    const at = lines.findIndex((l) => /^SKIP +MUST +TWO-STEP-SETTINGS /.test(l));
    const continued = lines.slice(at + 1).findIndex((l) => !/^ {40,}\S/.test(l));
    const shown = lines
      .slice(at, at + 1 + continued)
      .map((l) => l.trim())
      .join(' ')
      .replace(/^SKIP +MUST +TWO-STEP-SETTINGS +skipped: /, '');
    assert.equal(shown, skip.reason);
    const long = lines.filter((l) => /^(?:[A-Z]+ +(?:MUST|SHOULD|INFO) | {20,})/.test(l) && l.length > 150);
    assert.deepEqual(long, [], 'requirement lines longer than the 150 columns of a log');
    const summary = readFileSync(join(shallow.reportDir, 'summary.md'), 'utf8');
    assert.ok(
      summary.includes(`| \`TWO-STEP-SETTINGS\` | SKIP | ${row.why.join('; ').replace(/\|/g, '\\|')} |`),
      'summary.md depth table',
    );
  } finally {
    await served.close();
  }
});
