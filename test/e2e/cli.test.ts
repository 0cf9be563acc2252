import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { wrongPinAccepted } from '../../mutants/legacyMutants.js';
import { sunsetAcceptsRegistration } from '../../mutants/sunsetMutants.js';
import { packageRoot } from '../../src/paths.js';
import { createReference } from '../../src/reference/index.js';
import { catalogue } from '../../src/requirements/index.js';
import { assertNoSecrets, runCli, tempFile } from '../support/runCli.js';
import { issuedTokens, recorder, serveTarget } from '../support/servers.js';

const usageLine = /^wa-account-conformance: .+\n$|^error: .+\n$/;

test("--list prints every requirement with level and citation (those of the configuration's profile), and sends no request", async () => {
  const record = recorder();
  const served = await serveTarget('sunset', (options) => record.wrap(createReference(options)));
  try {
    const run = await runCli([...served.args, '--list'], served.env);
    assert.equal(run.code, 0, run.stderr);
    for (const r of catalogue) {
      assert.equal(
        run.stdout.includes(`${r.id}  ${r.level}`),
        r.profiles.includes('sunset'),
        `${r.id} in --list of the sunset profile`,
      );
      if (!r.profiles.includes('sunset')) continue;
      assert.ok(run.stdout.includes(r.citation.url));
      // Each of its tests where the spec declares it: that line of the source names the requirement.
      const block = run.stdout.slice(run.stdout.indexOf(`${r.id}  `)).split('\n\n')[0]!;
      const tests = [...block.matchAll(/^ {2}test: (specs\/\S+\.ts):(\d+) /gm)];
      assert.ok(tests.length > 0, `${r.id} lists no test`);
      for (const [, file, line] of tests) {
        const lines = readFileSync(join(packageRoot, file!), 'utf8').split('\n');
        const call = lines.slice(Number(line) - 1, Number(line) + 1).join(' ');
        assert.match(
          call,
          new RegExp(`^\\s*test\\(\\s*\\.\\.\\.verifies\\('${r.id}'`),
          `${file}:${line} declares ${r.id}`,
        );
      }
    }
    assert.equal(record.seen.length, 0, 'no request may be sent by --list');
    // Nothing is sent, so no credentials are needed; without a profile, every requirement.
    const bare = await runCli(['--target', 'http://127.0.0.1:9', '--list']);
    assert.equal(bare.code, 0, bare.stderr);
    for (const r of catalogue) assert.ok(bare.stdout.includes(`${r.id}  ${r.level}`), `${r.id} missing from --list`);
    const invalid = await runCli(['--list', '--grep', 'VERIFY-(']);
    assert.equal(invalid.code, 2);
    assert.match(invalid.stderr, /^wa-account-conformance: --grep "VERIFY-\(" is not a regular expression: .+\n$/);
  } finally {
    await served.close();
  }
});

test('an unreachable target exits 2 with one line naming it', async () => {
  const run = await runCli(['--target', 'http://127.0.0.1:1', '--password', 'x-secret-x']);
  assert.equal(run.code, 2);
  assert.match(
    run.stderr,
    /^wa-account-conformance: target http:\/\/127\.0\.0\.1:1 is unreachable: .*ECONNREFUSED.*\n$/,
  );
  assert.doesNotMatch(run.stderr + run.stdout, /x-secret-x/);
});

test('bad command-line input exits 2 with one line naming the problem', async () => {
  const cases: [string[], RegExp][] = [
    [['--frobnicate'], /unknown option '--frobnicate'/],
    [['--runs', 'many'], /--runs must be an integer from 1 to 100000/],
    [['--seed', '-4'], /--seed must be an integer/],
    [['--profile', 'future'], /profile must be "sunset" or "legacy"/],
    [['--target', 'not a url', '--password', 'p'], /target "not a url" is not a URL/],
    [['--target', 'ftp://127.0.0.1/', '--password', 'p'], /must be http:\/\/ or https:\/\//],
    [['--target', 'http://127.0.0.1:9'], /no admin credentials for http:\/\/127\.0\.0\.1:9/],
  ];
  for (const [args, message] of cases) {
    const run = await runCli(args);
    assert.equal(run.code, 2, `${args.join(' ')}: exit ${run.code}`);
    assert.match(run.stderr, message);
    assert.match(run.stderr, usageLine, `${args.join(' ')}: more than one line:\n${run.stderr}`);
  }
});

test('a bad configuration file exits 2 naming the file and the field', async () => {
  const write = tempFile;
  const cases: [string, RegExp][] = [
    [join(tmpdir(), 'wa-absent', 'absent.json'), /cannot read config file .*absent\.json: ENOENT/],
    [write('broken.json', '{"target": '), /config file .*broken\.json is not valid JSON/],
    [write('type.json', '{"runs": "many"}'), /config file .*type\.json is not valid: \/runs: must be integer/],
    [
      write('unknown.json', '{"targte": "http://x"}'),
      /unknown\.json is not valid: \/targte: must NOT have additional properties/,
    ],
    [
      write('user.json', '{"auth": {"user": {"user": "op"}}}'),
      /the non-admin account "op" needs a password: --non-admin-password or WA_CONFORMANCE_USER_PASSWORD/,
    ],
    [
      write('pin.json', '{"fixtures": {"twoStep": {"cc": "1", "phone_number": "5550101", "cert": "Cg=="}}}'),
      /pin\.json is not valid: \/fixtures\/twoStep\/pin: must have required property 'pin'/,
    ],
    [write('effects.json', '{"sideEffects": "yes"}'), /\/sideEffects: must be boolean/],
  ];
  for (const [file, message] of cases) {
    const run = await runCli(['--config', file]);
    assert.equal(run.code, 2, `${file}: exit ${run.code}`);
    assert.match(run.stderr, message);
    assert.match(run.stderr, usageLine);
  }
});

test('the same --seed sends the same generated requests; the seed is printed', async () => {
  const bodies = async (seed: string) => {
    const record = recorder();
    const served = await serveTarget('sunset', (options) => record.wrap(createReference(options)));
    try {
      const run = await runCli([...served.args, '--seed', seed, '--runs', '30'], served.env);
      assert.equal(run.code, 0, run.stdout);
      assert.match(run.stdout, new RegExp(`^seed: ${seed} \\(replay with --seed ${seed}\\)$`, 'm'));
      assert.match(
        run.stdout,
        /^property phase: \d+ generated requests in \d+\.\d\d s \(\d+ requests\/s\); up to \d+ in flight \(at most 64\)$/m,
      );
      return record.seen
        .filter((s) => s.request.path === '/v1/account')
        .map((s) => s.request.body)
        .sort();
    } finally {
      await served.close();
    }
  };
  const first = await bodies('424242');
  assert.ok(first.length > 100);
  assert.deepEqual(await bodies('424242'), first);
  assert.notDeepEqual(await bodies('424243'), first);
});

test('a failure shows expected vs actual, the shrunk counterexample as curl, and the seed; no secret is printed or stored', async () => {
  const record = recorder();
  const served = await serveTarget('sunset', (options) => record.wrap(sunsetAcceptsRegistration.build(options)));
  try {
    const run = await runCli([...served.args, '--seed', '99', '--runs', '40'], served.env);
    assert.equal(run.code, 1);
    const output = run.stdout;
    assert.match(output, /^FAIL +MUST +ACCOUNT-SUNSET-NEVER-REGISTERS /m);
    assert.match(output, /expected: a refusal: neither 201 Created nor 202 Accepted/);
    assert.match(output, /actual: +202 \{"account":\[\{"vname":"Acme"\}\]/);
    assert.match(output, /counterexample: \{.*\} \(after \d+ shrinks, run \d+ of 40\)/);
    assert.match(output, /replay: --seed 99 \(property seed \d+, path "[\d:]+"\)/);
    assert.match(
      output,
      /reproduce: curl -sS -i -X POST 'http:\/\/127\.0\.0\.1:\d+\/v1\/account'.* -H 'authorization: Bearer '"\$\{WA_CONFORMANCE_TOKEN\}"/i,
    );
    assert.match(output, /X-Conformance-Case: ACCOUNT-SUNSET-NEVER-REGISTERS#\d+/);

    const tokens = issuedTokens(record.seen);
    assert.ok(tokens.length >= 2, 'the suite logged in');
    const { admin, user } = served.emulator;
    assertNoSecrets(run, [
      admin.password,
      user.password,
      ...tokens,
      Buffer.from(`admin:${admin.password}`).toString('base64'),
    ]);
  } finally {
    await served.close();
  }
});

test('a legacy run against a faulty emulator stores and prints no password, token or PIN', async () => {
  const record = recorder();
  const served = await serveTarget('legacy', (options) => record.wrap(wrongPinAccepted.build(options)));
  try {
    const run = await runCli([...served.args, '--seed', '3', '--runs', '20'], served.env);
    assert.equal(run.code, 1, run.stdout);
    const { admin, user, numbers } = served.emulator;
    assert.ok(
      record.seen.some((s) => s.request.body.includes(numbers.twoStep!.pin)),
      'the PIN was sent',
    );
    assertNoSecrets(run, [admin.password, user.password, numbers.twoStep!.pin, ...issuedTokens(record.seen)]);
  } finally {
    await served.close();
  }
});

test('an admin or non-admin account the target refuses is exit 2 before any test, naming the account, never a FAIL', async () => {
  const served = await serveTarget('sunset');
  try {
    const admin = await runCli(served.args, { ...served.env, WA_CONFORMANCE_PASSWORD: 'Wrong-Passw0rd!' });
    assert.equal(admin.code, 2, admin.stdout);
    assert.match(
      admin.stderr,
      /^wa-account-conformance: the admin account "admin" cannot log in on http:\/\/127\.0\.0\.1:\d+ \(login as admin failed: HTTP 401\): check its user name and password\n$/,
    );
    assert.doesNotMatch(admin.stdout, /^(PASS|FAIL) /m);
    const user = await runCli(served.args, { ...served.env, WA_CONFORMANCE_USER_PASSWORD: 'Wrong-Passw0rd!' });
    assert.equal(user.code, 2, user.stdout);
    assert.match(user.stderr, /the non-admin account "operator" cannot log in/);
    assert.ok(!(admin.stderr + user.stderr).includes('Wrong-Passw0rd!'));
  } finally {
    await served.close();
  }
});

test('the configuration file holds every setting a run flag sets, and an expected-failures file named there is read relative to it', async () => {
  const help = (await runCli(['run', '--help'])).stdout;
  const flags = [...help.matchAll(/^\s+(?:-\w, )?--([a-z-]+)/gm)].map((m) => m[1]!);
  const oneRun = ['help', 'grep', 'shard', 'list', 'config'];
  const keyOf: Record<string, string> = {
    user: 'auth',
    password: 'auth',
    token: 'auth',
    'non-admin': 'auth',
    'non-admin-password': 'auth',
    'allow-side-effects': 'sideEffects',
  };
  const schema = JSON.parse(readFileSync(join(packageRoot, 'schemas', 'conformance-config.schema.json'), 'utf8')) as {
    properties: Record<string, unknown>;
  };
  const missing = flags
    .filter((f) => !oneRun.includes(f))
    .map((f) => keyOf[f] ?? f.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()))
    .filter((key) => !(key in schema.properties));
  assert.ok(flags.includes('workers') && flags.includes('expected-failures'), help);
  assert.deepEqual(missing, []);

  const known = tempFile(
    'known.json',
    JSON.stringify({ expectedFailures: [{ id: 'ACCOUNT-SUNSET-STATUS-4XX', reason: 'our proxy answers 502' }] }),
  );
  const config = join(dirname(known), 'conformance.json');
  writeFileSync(config, JSON.stringify({ expectedFailures: 'known.json', runs: 5 }));
  const run = await runCli(['--config', config, '--grep', 'ACCOUNT-SUNSET-STATUS-4XX']);
  // The reference passes it: the listed entry is stale, which fails the run naming it.
  assert.equal(run.code, 1, run.stdout + run.stderr);
  assert.match(run.stdout, /STALE/);
});

test('a target under a path prefix: every request goes below it, and the tokens its logins issue are redacted', async () => {
  const record = recorder();
  const prefix = '/wa-api';
  const served = await serveTarget('sunset', (options) => {
    const reference = record.wrap(createReference(options));
    return async (request) =>
      request.path.startsWith(`${prefix}/`)
        ? reference({ ...request, path: request.path.slice(prefix.length) })
        : { status: 404, body: { errors: [{ code: 1006, title: 'Resource not found' }] } };
  });
  try {
    const config = JSON.parse(readFileSync(served.args[1]!, 'utf8')) as { target: string };
    const file = tempFile('conformance.json', JSON.stringify({ ...config, target: `${config.target}${prefix}` }));
    const run = await runCli(['--config', file, '--runs', '5', '--grep', 'LOGIN-'], served.env);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const tokens = issuedTokens(record.seen);
    assert.ok(tokens.length >= 2, 'the tests logged in');
    assertNoSecrets(run, tokens);
  } finally {
    await served.close();
  }
});
