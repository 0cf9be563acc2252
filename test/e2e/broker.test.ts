import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { contractFile } from '../../contracts/verifyContracts.js';
import { sunsetDetailsTypo } from '../../mutants/sunsetMutants.js';
import { packageRoot } from '../../src/paths.js';
import { createReference } from '../../src/reference/index.js';
import { type CliRun, readReport, runCli, runNode, tempFile, verdictsOf } from '../support/runCli.js';
import { serveTarget } from '../support/servers.js';
import { startStandInBroker } from '../support/standInBroker.js';

// The names in the packaged contracts.
const consumer = 'wa-registration-client';
const provider = 'wa-onprem-account-api';
const token = 'pact-broker-token-never-printed';
const pactBrokerClient = join(
  createRequire(import.meta.url).resolve('@pact-foundation/pact-cli/package.json'),
  '..',
  'bin',
  'pact-broker.js',
);

/** pact-cli's own `pact-broker` client, as a pipeline runs it, the token in its environment. */
function pactBroker(args: string[]): Promise<CliRun> {
  return runNode([pactBrokerClient, ...args], { PACT_BROKER_TOKEN: token, PACT_DO_NOT_TRACK: 'true' });
}

function assertTokenNowhere(runs: CliRun[]): void {
  for (const run of runs)
    assert.ok(!(run.stdout + run.stderr).includes(token), `the broker token was printed:\n${run.stdout}${run.stderr}`);
}

test('the Pact Broker loop with the real clients: publish, record-deployment, verify with selectors and publish the results, can-i-deploy yes; a broken provider: verify exit 1, can-i-deploy no; the token printed nowhere', async () => {
  const broker = await startStandInBroker();
  const broken = await serveTarget('sunset', sunsetDetailsTypo.build);
  const env = { PACT_BROKER_TOKEN: token };
  const runs: CliRun[] = [];
  const step = async (run: Promise<CliRun>, code: number) => {
    const done = await run;
    runs.push(done);
    assert.equal(done.code, code, done.stdout + done.stderr);
    return done;
  };
  try {
    await step(
      runCli(
        ['contracts', 'publish', '--broker-url', broker.url, '--consumer-app-version', '1.0.0', '--branch', 'main'],
        env,
      ),
      0,
    );
    await step(
      pactBroker([
        'record-deployment',
        '--pacticipant',
        consumer,
        '--version',
        '1.0.0',
        '--environment',
        'production',
        '--broker-base-url',
        broker.url,
      ]),
      0,
    );

    const verified = await step(
      runCli(
        [
          'contracts',
          'verify',
          '--broker-url',
          broker.url,
          '--main-branch',
          '--deployed-or-released',
          '--publish-verification-results',
          '--provider-app-version',
          '2.0.0',
          '--provider-branch',
          'main',
        ],
        env,
      ),
      0,
    );
    assert.match(verified.stdout, /^3 passed, 0 failed, 0 skipped$/m);
    assert.deepEqual(broker.verifications, [
      { provider, providerVersion: '2.0.0', consumer, consumerVersions: ['1.0.0'], success: true },
    ]);
    const yes = await step(
      pactBroker([
        'can-i-deploy',
        '--pacticipant',
        provider,
        '--version',
        '2.0.0',
        '--to-environment',
        'production',
        '--broker-base-url',
        broker.url,
      ]),
      0,
    );
    assert.match(yes.stdout, /Computer says yes/);

    const failing = await step(
      runCli(
        [
          'contracts',
          'verify',
          ...broken.args,
          '--broker-url',
          broker.url,
          '--deployed-or-released',
          '--publish-verification-results',
          '--provider-app-version',
          '2.0.1',
        ],
        { ...broken.env, ...env },
      ),
      1,
    );
    assert.match(failing.stdout, /^FAILED +a registration while registration through the on-prem API is blocked$/m);
    assert.deepEqual(broker.verifications.at(-1), {
      provider,
      providerVersion: '2.0.1',
      consumer,
      consumerVersions: ['1.0.0'],
      success: false,
    });
    const no = await step(
      pactBroker([
        'can-i-deploy',
        '--pacticipant',
        provider,
        '--version',
        '2.0.1',
        '--to-environment',
        'production',
        '--broker-base-url',
        broker.url,
      ]),
      1,
    );
    assert.match(no.stdout, /Computer says no/);

    // The run's CONTRACT-HONOURED takes the same broker settings from the configuration file, and publishes too.
    const config = tempFile(
      'conformance.json',
      JSON.stringify({
        pactBroker: {
          url: broker.url,
          consumerVersionSelectors: [{ mainBranch: true }],
          publishVerificationResults: true,
          providerAppVersion: '2.0.2',
          providerBranch: 'main',
        },
      }),
    );
    const run = await step(runCli(['--config', config, '--grep', 'CONTRACT-HONOURED'], env), 0);
    assert.equal(verdictsOf(run)['CONTRACT-HONOURED'], 'PASS', run.stdout);
    assert.deepEqual(broker.verifications.at(-1), {
      provider,
      providerVersion: '2.0.2',
      consumer,
      consumerVersions: ['1.0.0'],
      success: true,
    });
    assert.ok(!readFileSync(join(run.reportDir, 'report.json'), 'utf8').includes(token), 'the token is in report.json');

    assertTokenNowhere(runs);
    // Every client sent the token; only the suite's reachability check (GET /, before anything else) sends none.
    const sent = broker.authorizations.filter((a) => a !== '');
    assert.ok(sent.length > 10 && sent.every((a) => a === `Bearer ${token}`), broker.authorizations.join(', '));
  } finally {
    await broken.close();
    await broker.close();
  }
});

test("pending and work-in-progress pacts: a consumer's changed expectation fails the verification only without --enable-pending; WIP pacts are verified as pending", async () => {
  const broker = await startStandInBroker();
  const env = { PACT_BROKER_TOKEN: token };
  const runs: CliRun[] = [];
  try {
    runs.push(
      await runCli(
        ['contracts', 'publish', '--broker-url', broker.url, '--consumer-app-version', '1.0.0', '--branch', 'main'],
        env,
      ),
    );
    runs.push(
      await runCli(
        [
          'contracts',
          'verify',
          '--broker-url',
          broker.url,
          '--main-branch',
          '--publish-verification-results',
          '--provider-app-version',
          '2.0.0',
          '--provider-branch',
          'main',
        ],
        env,
      ),
    );
    assert.equal(runs.at(-1)!.code, 0, runs.at(-1)!.stdout);
    // A new consumer version on a feature branch expects another title for error 1005: no provider has verified it.
    const pact = JSON.parse(readFileSync(contractFile('sunset'), 'utf8'));
    pact.interactions.find((i: { description: string }) =>
      i.description.startsWith('a registration while'),
    ).response.body.content.errors[0].title = 'Registration blocked';
    const dir = join(mkdtempSync(join(tmpdir(), 'wa-changed-pact-')), 'pacts');
    mkdirSync(dir);
    writeFileSync(join(dir, `${consumer}-${provider}.json`), JSON.stringify(pact));
    runs.push(
      await pactBroker([
        'publish',
        dir,
        '--consumer-app-version',
        '1.1.0',
        '--branch',
        'feat-new-title',
        '--broker-base-url',
        broker.url,
      ]),
    );
    assert.equal(runs.at(-1)!.code, 0, runs.at(-1)!.stdout);

    const pending = await runCli(
      [
        'contracts',
        'verify',
        '--broker-url',
        broker.url,
        '--branch',
        'feat-new-title',
        '--enable-pending',
        '--provider-branch',
        'main',
      ],
      env,
    );
    runs.push(pending);
    assert.equal(pending.code, 0, pending.stdout + pending.stderr);
    assert.match(
      pending.stdout,
      /^FAILED +a registration while registration through the on-prem API is blocked \(pending pact\)$/m,
    );
    assert.match(
      pending.stdout,
      /^2 passed, 1 failed, 0 skipped: 1 of the failures in pending pacts, which do not fail the verification$/m,
    );

    const strict = await runCli(
      ['contracts', 'verify', '--broker-url', broker.url, '--branch', 'feat-new-title', '--provider-branch', 'main'],
      env,
    );
    runs.push(strict);
    assert.equal(strict.code, 1, strict.stdout + strict.stderr);

    // The main branch, and the feature branch as work in progress (pending): six interactions, one pending failure.
    const wip = await runCli(
      [
        'contracts',
        'verify',
        '--broker-url',
        broker.url,
        '--main-branch',
        '--enable-pending',
        '--include-wip-pacts-since',
        '2020-01-01',
        '--provider-branch',
        'main',
      ],
      env,
    );
    runs.push(wip);
    assert.equal(wip.code, 0, wip.stdout + wip.stderr);
    assert.match(wip.stdout, /work in progress/);
    assert.match(wip.stdout, /^5 passed, 1 failed, 0 skipped: 1 of the failures in pending pacts/m);
    assertTokenNowhere(runs);
  } finally {
    await broker.close();
  }
});

test('broker options that cannot work are a usage error naming the option, before anything is sent', async () => {
  const cases: [string[], RegExp][] = [
    [
      ['--branch', 'main'],
      /^wa-account-conformance: --branch needs --broker-url \(or pactBroker\.url in the configuration\)$/m,
    ],
    [
      ['--broker-url', 'http://127.0.0.1:1', '--publish-verification-results'],
      /--publish-verification-results needs --provider-app-version/,
    ],
    [
      ['--broker-url', 'http://127.0.0.1:1', '--include-wip-pacts-since', '2020-01-01'],
      /--include-wip-pacts-since needs --enable-pending/,
    ],
    [
      ['--broker-url', 'http://127.0.0.1:1', '--consumer-version-selectors', '{"branch": "main"}'],
      /--consumer-version-selectors .* expected a JSON array of selector objects/,
    ],
    [
      ['--broker-url', 'http://127.0.0.1:1'],
      /^wa-account-conformance: Pact Broker http:\/\/127\.0\.0\.1:1 is unreachable: .*ECONNREFUSED/m,
    ],
  ];
  for (const [args, expected] of cases) {
    const run = await runCli(['contracts', 'verify', ...args]);
    assert.equal(run.code, 2, `${args.join(' ')}: ${run.stdout}${run.stderr}`);
    assert.match(run.stderr, expected);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  }
});

test("docs/contracts.md's broker pipeline: every flag exists in the command it is given to, and pact-cli is the version package.json pins", async () => {
  const readme = readFileSync(join(packageRoot, 'docs', 'contracts.md'), 'utf8');
  const block = readme.slice(readme.indexOf('## With a Pact Broker'), readme.indexOf('- **Which pacts**'));
  const commands = block
    .replace(/\\\n\s*/g, '')
    .split('\n')
    .filter((line) => line.startsWith('npx '));
  assert.ok(commands.length >= 5, block);
  const pinned = (
    JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
  ).dependencies['@pact-foundation/pact-cli'];
  for (const command of commands) {
    const flags = [...command.matchAll(/ (--[a-z-]+)/g)].map((m) => m[1]!);
    const words = command.split(' ');
    const help =
      words[1] === 'wa-account-conformance'
        ? (await runCli([words[2]!, words[3]!, '--help'])).stdout
        : (await pactBroker([words[4]!, '--help'])).stdout;
    if (words[1] !== 'wa-account-conformance') assert.equal(words[2], `@pact-foundation/pact-cli@${pinned}`, command);
    for (const flag of flags.filter((f) => f !== '--broker-base-url' || words[1] !== 'wa-account-conformance'))
      assert.match(help, new RegExp(`${flag}\\b`), `${command}: ${flag}`);
  }
});

test('from a broker, an interaction whose provider state this run cannot set fails, naming the state and why', async () => {
  const broker = await startStandInBroker();
  // KnownNumbers and a fixed code, no state source: no number can be registered and put back.
  const served = await serveTarget('legacy', createReference, 'fixed');
  try {
    const published = await runCli([
      'contracts',
      'publish',
      '--broker-url',
      broker.url,
      '--consumer-app-version',
      '1.0.0',
      '--branch',
      'main',
      '--profile',
      'legacy',
    ]);
    assert.equal(published.code, 0, published.stdout + published.stderr);
    const run = await runCli(
      ['contracts', 'verify', '--profile', 'legacy', ...served.args, '--broker-url', broker.url],
      served.env,
    );
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(
      run.stdout,
      /^FAILED +a verification with the code that was sent: provider state "a registration code was sent to a number": needs a number to register, verify and leave as it was/m,
    );
    assert.match(run.stdout, /^OK +a registration of a number that is registered$/m);
    assert.match(run.stdout, /^OK +a registration of a number that is not registered$/m);
    // The run's CONTRACT-HONOURED, from the same broker: the refusal is in the failure, and sent no request of its own.
    const config = JSON.parse(readFileSync(served.args[1]!, 'utf8'));
    const withBroker = tempFile(
      'conformance.json',
      JSON.stringify({ ...config, pactBroker: { url: broker.url, consumerVersionSelectors: [{ mainBranch: true }] } }),
    );
    const honoured = await runCli(['--config', withBroker, '--grep', 'CONTRACT-HONOURED'], served.env);
    const requirement = readReport(honoured).requirements.find((r) => r.id === 'CONTRACT-HONOURED');
    assert.equal(requirement?.verdict, 'WARN', honoured.stdout);
    assert.match(
      honoured.stdout,
      /a verification with the code that was sent \(provider state "a registration code was sent to a number": needs a number to register, verify and leave as it was/,
    );
  } finally {
    await served.close();
    await broker.close();
  }
});
