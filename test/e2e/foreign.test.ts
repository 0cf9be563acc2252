import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { documentedExample } from '../../mutants/configurationMatrix.js';
import { packageRoot } from '../../src/paths.js';
import type { SourceKind } from '../../src/protocol/index.js';
import { catalogue } from '../../src/requirements/index.js';
import { type CliRun, readReport, runCli, tempFile, verdictsOf } from '../support/runCli.js';
import { serveTarget } from '../support/servers.js';

// The reference with the control protocol off stands in for an emulator someone else wrote: the suite reaches its
// state and codes only through the sources a user of such an emulator would configure.

const sunsetOnly = catalogue.filter((r) => !r.profiles.includes('legacy')).map((r) => r.id);
const withVerdict = (run: CliRun, verdict: string) => readReport(run).requirements.filter((r) => r.verdict === verdict);
const noFailNorWarn = (run: CliRun, label: string) =>
  assert.deepEqual(
    withVerdict(run, 'FAIL')
      .concat(withVerdict(run, 'WARN'))
      .map((r) => r.id),
    [],
    label,
  );

/** `count` runs in a row against one long-lived target: each exit 0 and checked by `each`, all with the same verdicts. */
async function runsInARow(
  count: number,
  args: string[],
  env: Record<string, string>,
  label: string,
  each: (run: CliRun, label: string) => void = () => {},
): Promise<Record<string, string>> {
  const runs: Record<string, string>[] = [];
  for (let i = 0; i < count; i++) {
    const run = await runCli(args, env);
    assert.equal(run.code, 0, `${label}, run ${i + 1}: ${run.stdout}${run.stderr}`);
    each(run, `${label}, run ${i + 1}`);
    runs.push(verdictsOf(run));
  }
  for (const later of runs.slice(1)) assert.deepEqual(later, runs[0], label);
  return runs[0]!;
}

for (const sources of ['header', 'inbox', 'hooks'] satisfies SourceKind[]) {
  test(`a correct foreign emulator, state by a state-change URL or hooks, codes by ${sources}: 0 FAIL, 0 WARN, no SKIP but the sunset-only`, async () => {
    const served = await serveTarget('legacy', undefined, sources);
    try {
      const run = await runCli([...served.args, '--seed', '3', '--runs', '40'], served.env);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      noFailNorWarn(run, sources);
      assert.deepEqual(
        withVerdict(run, 'SKIP')
          .map((r) => r.id)
          .sort(),
        [...sunsetOnly].sort(),
      );
    } finally {
      await served.close();
    }
  });
}

test('fixtures and a fixed code only: 0 FAIL, 0 WARN, every SKIP names what it lacked; nothing registers the fixture, so the next run is the same', async () => {
  const served = await serveTarget('legacy', undefined, 'fixed');
  try {
    const verdicts = await runsInARow(2, [...served.args, '--runs', '30'], served.env, 'fixed', (run, label) => {
      noFailNorWarn(run, label);
      const skipped = withVerdict(run, 'SKIP').filter((r) => !sunsetOnly.includes(r.id));
      assert.deepEqual(skipped.map((r) => r.id).sort(), [
        'LEGACY-STATEFUL-MODEL',
        'LEGACY-VNAME-ROUNDTRIP',
        'TWO-STEP-SETTINGS',
        'VERIFY-201',
        'VERIFY-COMPLETES',
        'VERIFY-EARLIER-CODE',
        'VERIFY-REGISTERS',
      ]);
      for (const r of skipped)
        assert.match(
          r.reason ?? '',
          /needs (a target that takes minted certificates|a state source: add "stateChangeUrl"|a number to register, verify and leave as it was: a fresh number needs a target that takes minted certificates .*; numbers\.unregistered, once registered, can be put back only by a state source)/,
          r.id,
        );
    });
    assert.equal(verdicts['VERIFY-WRONG-CODE'], 'PASS', 'the fixed code told the code to avoid');
  } finally {
    await served.close();
  }
});

test('configured as docs/running.md documents, or with the renamed fixtures.verifyCode, a correct emulator that takes minted certificates: 0 FAIL, 0 WARN, three runs in a row against it', async () => {
  const served = await serveTarget('legacy', undefined, 'header');
  try {
    const { emulator } = served;
    const { stateChangeUrl } = JSON.parse(readFileSync(served.args[1]!, 'utf8'));
    const dir = mkdtempSync(join(tmpdir(), 'wa-readme-'));
    writeFileSync(join(dir, 'known-failures.json'), JSON.stringify({ expectedFailures: [] }));
    const forms = {
      readme: { ...documentedExample(), target: emulator.server.url, numbers: emulator.numbers, stateChangeUrl },
      verifyCode: {
        target: emulator.server.url,
        profile: 'legacy',
        auth: { admin: { user: 'admin' }, user: { user: 'operator' } },
        acceptsMintedCertificates: true,
        fixtures: { ...emulator.numbers, verifyCode: emulator.fixedCode },
      },
    };
    const env = { ...served.env, WA_CONFORMANCE_USER_PASSWORD: emulator.user.password };
    for (const [name, config] of Object.entries(forms)) {
      const file = join(dir, `${name}.json`);
      writeFileSync(file, JSON.stringify(config));
      await runsInARow(3, ['--config', file, '--runs', '20'], env, name, noFailNorWarn);
    }
  } finally {
    await served.close();
  }
});

test('three runs in a row against one long-lived foreign emulator give the same verdicts', async () => {
  const served = await serveTarget('legacy', undefined, 'header');
  try {
    await runsInARow(3, [...served.args, '--runs', '20'], served.env, 'header');
  } finally {
    await served.close();
  }
});

test('a source that is configured but does not answer is exit 2 naming it, before any test; renamed keys still work, with a notice', async () => {
  const served = await serveTarget('legacy', undefined, 'header');
  try {
    const config = JSON.parse(readFileSync(served.args[1]!, 'utf8'));
    const claimed = tempFile(
      'claims-control.json',
      JSON.stringify({
        ...config,
        stateChangeUrl: undefined,
        codeSource: undefined,
        acceptsMintedCertificates: undefined,
        emulator: true,
      }),
    );
    const run = await runCli(['--config', claimed], served.env);
    assert.equal(run.code, 2, run.stdout);
    assert.match(
      run.stderr,
      /^wa-account-conformance: notice: "emulator": true is now "controlProtocol": true and "acceptsMintedCertificates": true/m,
    );
    assert.match(
      run.stderr,
      /^wa-account-conformance: the control protocol \("controlProtocol", or "emulator": true\) does not answer on http:\/\/127\.0\.0\.1:\d+: GET \/_conformance\/code answered 404/m,
    );
    assert.doesNotMatch(run.stdout, /^(PASS|FAIL) /m);

    const deadState = tempFile(
      'dead-state.json',
      JSON.stringify({ ...config, stateChangeUrl: 'http://127.0.0.1:1/provider-states' }),
    );
    const dead = await runCli(['--config', deadState], served.env);
    assert.equal(dead.code, 2);
    assert.match(dead.stderr, /the state-change URL http:\/\/127\.0\.0\.1:1\/provider-states is unreachable/);
  } finally {
    await served.close();
  }
  const control = await serveTarget('legacy');
  try {
    const config = JSON.parse(readFileSync(control.args[1]!, 'utf8'));
    const { controlProtocol: _c, acceptsMintedCertificates: _a, numbers, ...rest } = config;
    const old = tempFile(
      'old.json',
      JSON.stringify({ ...rest, emulator: true, fixtures: { ...numbers, verifyCode: '123456' } }),
    );
    const run = await runCli(['--config', old, '--grep', 'LEGACY-REGISTERED-201|VERIFY-MISSING'], control.env);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stderr, /notice: "fixtures" is now "numbers"/);
    assert.match(
      run.stderr,
      /notice: fixtures\.verifyCode is now "codeSource": \{"type":"fixed","codes":\[\{"cc":"81"/,
    );
    assert.ok(!run.stderr.includes('123456'), 'the code itself is not printed');
  } finally {
    await control.close();
  }
});

test('a command code source that prints garbage, hangs or fails: the tests that need a code are ERROR naming it (exit 2, never a FAIL of the target), within its timeout, and the report is written', async () => {
  const served = await serveTarget('legacy', undefined, 'header');
  try {
    const config = JSON.parse(readFileSync(served.args[1]!, 'utf8'));
    for (const [script, message] of [
      ['console.log("not json")', /printed no JSON on stdout/],
      ['setInterval(() => {}, 1000)', /did not finish within 900 ms/],
      ['process.exit(4)', /exited with 4/],
    ] as const) {
      const file = tempFile(
        'command.json',
        JSON.stringify({
          ...config,
          sourceTimeout: 1000,
          codeSource: { type: 'command', argv: [process.execPath, '-e', script] },
        }),
      );
      const run = await runCli(['--config', file, '--grep', 'VERIFY-COMPLETES'], served.env);
      assert.equal(run.code, 2, run.stdout);
      assert.match(
        run.stderr,
        /^wa-account-conformance: 1 requirement was not judged because the suite's own setup failed \(ERROR\), VERIFY-COMPLETES first: not judged: the command/m,
      );
      const verify = readReport(run).requirements.find((r) => r.id === 'VERIFY-COMPLETES')!;
      assert.equal(verify.verdict, 'ERROR');
      assert.match(verify.reason ?? '', message);
      assert.equal(verify.tests[0]!.sourceCalls?.at(-1)?.ok, false, 'the failed call is in the evidence');
      assert.match(JSON.stringify(verify.tests[0]), /the command .*\(codeSource\.type \\?"command\\?"\)/);
    }
  } finally {
    await served.close();
  }
});

test('the prompt source: under a terminal the suite asks and the typed code completes the verify checks; without one they SKIP at once', async () => {
  const served = await serveTarget('legacy', undefined, 'header');
  try {
    const config = JSON.parse(readFileSync(served.args[1]!, 'utf8'));
    const file = tempFile('prompt.json', JSON.stringify({ ...config, codeSource: { type: 'prompt' } }));
    const grep = 'VERIFY-COMPLETES|VERIFY-201|VERIFY-REGISTERS';
    const reportDir = mkdtempSync(join(tmpdir(), 'wa-prompt-'));
    const main = join(packageRoot, 'dist', 'src', 'cli', 'main.js');
    const command = [process.execPath, main, '--config', file, '--grep', `'${grep}'`, '--report-dir', reportDir].join(
      ' ',
    );
    // script(1) gives the run a pseudo-terminal; what this test writes to it is what the operator types.
    const child = spawn('script', ['-q', '-e', '-c', command, '/dev/null'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...served.env, CI: 'true' },
    });
    let screen = '';
    let asked = 0;
    child.stdout.on('data', async (chunk: Buffer) => {
      screen += chunk;
      const question = /the code sent by sms to \+(\d+) (\d+) \(Enter to skip\): $/.exec(
        screen.replace(/\u001b\[[0-9;]*[A-Za-z]/g, ''),
      );
      if (!question || asked > 0) return;
      asked += 1;
      const inbox = await fetch(`${served.emulator.server.url}/_inbox/${question[1]}/${question[2]}`);
      child.stdin.write(`${((await inbox.json()) as { code: string }).code}\r`);
    });
    const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
    assert.equal(asked, 1, screen);
    assert.equal(code, 0, screen);
    const verdicts = verdictsOf({ reportDir });
    for (const id of grep.split('|')) assert.equal(verdicts[id], 'PASS', id);

    // No terminal, so no prompt source at all: nothing can wait for a person.
    const noTty = await runCli(['--config', file, '--grep', grep], served.env);
    assert.equal(noTty.code, 0);
    assert.match(noTty.stderr, /notice: no terminal is attached/);
    for (const r of readReport(noTty).requirements) {
      assert.equal(r.verdict, 'SKIP', r.id);
      assert.match(r.reason ?? '', /the prompt code source needs a terminal, and none is attached/);
    }
  } finally {
    await served.close();
  }
});

test('--list shows what each requirement needs', async () => {
  const run = await runCli(['--list', '--grep', 'VERIFY-REGISTERS|LEGACY-STATEFUL-MODEL|AUTH-TOKEN-REQUIRED']);
  assert.equal(run.code, 0);
  assert.match(run.stdout, /VERIFY-REGISTERS[^]*needs: unregistered-number, code-source, side-effects/);
  assert.match(run.stdout, /LEGACY-STATEFUL-MODEL[^]*needs: minted-certificates, code-source, side-effects/);
  assert.match(run.stdout, /AUTH-TOKEN-REQUIRED[^]*needs: admin credentials only/);
});

test('a failing contract interaction has the wire log, the curl command and the X-Conformance-Case of its request', async () => {
  const { verifyAnswered200 } = await import('../../mutants/sourceAreaMutants.js');
  const served = await serveTarget('legacy', verifyAnswered200.build, 'inbox');
  try {
    const run = await runCli([...served.args, '--grep', 'CONTRACT-HONOURED'], served.env);
    const contract = readReport(run).requirements.find((r) => r.id === 'CONTRACT-HONOURED')! as unknown as {
      verdict: string;
      tests: {
        failure: { message: string; curl: string; correlation: string };
        wireLog: { case: string; request: { url: string } }[];
      }[];
    };
    assert.equal(contract.verdict, 'WARN');
    const { failure, wireLog } = contract.tests[0]!;
    assert.match(
      failure.message,
      /FAILED: a verification with the code that was sent \(X-Conformance-Case: CONTRACT-HONOURED#pact-\d+\)/,
    );
    assert.match(failure.correlation, /^CONTRACT-HONOURED#pact-\d+$/);
    assert.match(failure.curl, /curl .*\/v1\/account\/verify/);
    assert.ok(wireLog.some((e) => e.case === failure.correlation && e.request.url.endsWith('/v1/account/verify')));
    assert.doesNotMatch(JSON.stringify(contract), new RegExp(served.emulator.admin.password));
  } finally {
    await served.close();
  }
});

test('a target that refuses minted certificates (as a live client checks signatures): the vname property SKIPs saying so, never a FAIL', async () => {
  const { rewriteAnswers } = await import('../../mutants/mutant.js');
  // Every certificate it has not issued itself is refused; the fixtures' numbers stand in for real ones.
  const checksSignatures = rewriteAnswers('/v1/account', (response, request) =>
    response.status === 202 && request.body.includes('"999"')
      ? { status: 400, body: { errors: [{ code: 1009, title: 'Parameter value is not valid', details: 'cert' }] } }
      : response,
  );
  const served = await serveTarget('legacy', checksSignatures, 'header');
  try {
    const config = JSON.parse(readFileSync(served.args[1]!, 'utf8'));
    const probed = tempFile('probed.json', JSON.stringify({ ...config, acceptsMintedCertificates: undefined }));
    const run = await runCli(
      ['--config', probed, '--grep', 'LEGACY-VNAME-ROUNDTRIP|LEGACY-UNREGISTERED-202', '--runs', '10'],
      served.env,
    );
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(
      run.stderr,
      /minted certificates: refused \(the target answered 400 to a minted certificate before the run\)/,
    );
    const vname = readReport(run).requirements.find((r) => r.id === 'LEGACY-VNAME-ROUNDTRIP')!;
    assert.equal(vname.verdict, 'SKIP');
    assert.match(
      vname.reason ?? '',
      /^needs a target that takes minted certificates \(the target answered 400 to a minted certificate before the run\)/,
    );
    assert.equal(verdictsOf(run)['LEGACY-UNREGISTERED-202'], 'PASS', 'the fixture stands in for a fresh number');

    const claimed = tempFile('claimed.json', JSON.stringify(config));
    const wrong = await runCli(['--config', claimed], served.env);
    assert.equal(wrong.code, 2);
    assert.match(
      wrong.stderr,
      /^wa-account-conformance: "acceptsMintedCertificates" is true, but http:\/\/127\.0\.0\.1:\d+ answered 400 to a registration with a minted certificate/m,
    );
  } finally {
    await served.close();
  }
});
