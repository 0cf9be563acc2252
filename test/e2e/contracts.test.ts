import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { contractFile } from '../../contracts/verifyContracts.js';
import { writeContracts } from '../../contracts/writeContracts.js';
import { acceptedWithoutVname } from '../../mutants/legacyMutants.js';
import { firstError, rewriteAnswers } from '../../mutants/mutant.js';
import { profiles } from '../../src/requirements/index.js';
import { freePort } from '../support/freePort.js';
import { runCli, verdictsOf } from '../support/runCli.js';
import { serveTarget } from '../support/servers.js';
import { startStandInBroker } from '../support/standInBroker.js';
import { certificateFor127, tlsInFront } from '../support/tls.js';

// Right class of error, wrong number: what `eachLike` on errors[] would let through.
const missingParameter1009 = rewriteAnswers('/v1/account', (response) => {
  const error = firstError(response);
  if (error?.code === 1008) error.code = 1009;
  return response;
});

test('the committed contracts are what the one writer generates', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wa-pacts-'));
  const written = await writeContracts(dir);
  for (const [i, profile] of profiles.entries()) {
    assert.equal(
      readFileSync(written[i]!, 'utf8'),
      readFileSync(contractFile(profile), 'utf8'),
      `contracts/pacts/${profile} is stale: run npm run generate:contracts`,
    );
  }
});

test('contracts verify passes against the reference in both profiles', async () => {
  for (const profile of profiles) {
    const run = await runCli(['contracts', 'verify', '--profile', profile]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(
      run.stdout,
      profile === 'legacy' ? /^8 passed, 0 failed, 0 skipped$/m : /^3 passed, 0 failed, 0 skipped$/m,
    );
  }
});

test('contracts verify fails, naming the interaction, for 1009 where 1008 is required and for 202 without vname', async () => {
  const cases: [Parameters<typeof serveTarget>[1], RegExp][] = [
    [missingParameter1009, /^FAILED +a registration without (cc|phone_number|method|cert)$/m],
    [acceptedWithoutVname.build, /^FAILED +a registration of a number that is not registered$/m],
  ];
  for (const [build, failing] of cases) {
    const served = await serveTarget('legacy', build);
    try {
      const run = await runCli(['contracts', 'verify', ...served.args], served.env);
      assert.equal(run.code, 1, run.stdout);
      assert.match(run.stdout, failing);
      // The verifier's own account once (it writes one from native code too, in a child whose output is dropped).
      assert.equal(run.stdout.match(/^Verifying a pact between/gm)?.length, 1, run.stdout);
      assert.doesNotMatch(run.stdout, /\u001b\[/, 'colour codes in a pipe');
    } finally {
      await served.close();
    }
  }
});

test('an interaction whose provider state cannot be set is skipped with the reason', async () => {
  const served = await serveTarget('legacy');
  try {
    const run = await runCli(
      ['contracts', 'verify', '--target', served.emulator.server.url, '--profile', 'legacy'],
      served.env,
    );
    assert.equal(run.code, 0, run.stdout);
    assert.match(
      run.stdout,
      /^SKIPPED +a registration of a number that is registered: provider state "a number is registered": needs numbers\.registered in the configuration file, or /m,
    );
    assert.match(run.stdout, /^OK +a registration without a bearer token$/m);
    assert.match(
      run.stdout,
      /^\d+ passed, 0 failed, \d+ skipped: \d+ of 8 interactions verified, the others need what this run lacks \(above\)$/m,
    );
  } finally {
    await served.close();
  }
});

test("what real clients send is accepted by the contract's request matchers (pact-stub-server)", async () => {
  const stubServer = join(
    createRequire(import.meta.url).resolve('@pact-foundation/pact-cli/package.json'),
    '..',
    'bin',
    'pact-stub-server.js',
  );
  const port = await freePort();
  // The npm wrapper starts the Rust binary as its child: both in a process group of their own, ended together.
  const stub = spawn(process.execPath, [stubServer, '--file', contractFile('legacy'), '--port', String(port)], {
    stdio: 'ignore',
    detached: true,
  });
  let exited: number | null = null;
  stub.on('exit', (code) => (exited = code ?? -1));
  try {
    // Generous: a loaded CI machine can take seconds to start the stub; an early exit (port taken) fails at once.
    const send = async (body: object) => {
      for (let tries = 0; ; tries++) {
        try {
          const r = await fetch(`http://127.0.0.1:${port}/v1/account`, {
            method: 'POST',
            headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
            body: JSON.stringify(body),
          });
          return r.status;
        } catch (error) {
          if (exited !== null)
            throw new Error(`pact-stub-server exited with ${exited} before answering on port ${port}`);
          if (tries > 300) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    };
    // praekeltfoundation/python-whatsapp-business-client (wabclient) RegistrationCommand: pin only when set.
    const wabclient = { cc: '27', phone_number: '123456789', method: 'sms', cert: 'CERT' };
    assert.notEqual(await send(wabclient), 404, 'wabclient without pin');
    assert.notEqual(await send({ ...wabclient, pin: '123456' }), 404, 'wabclient with pin');
    // yocto/whatsapp-business-sdk-php Edges/Account: the same fields, voice.
    assert.notEqual(
      await send({ cc: '49', phone_number: '15112345678', method: 'voice', cert: 'Q2VydA==' }),
      404,
      'yocto PHP SDK',
    );
    // …and the matchers are not vacuous: an undocumented method matches no interaction.
    assert.equal(await send({ ...wabclient, method: 'email' }), 404);
  } finally {
    // Gone already when it exited early: the error above says why, not this kill.
    if (exited === null) process.kill(-stub.pid!, 'SIGTERM');
  }
  // Nothing the test started outlives it: the wrapper's child, the Rust binary, included.
  const listening = () =>
    readdirSync('/proc')
      .filter((pid) => /^\d+$/.test(pid))
      .some((pid) => {
        try {
          return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').includes(`--port ${port}`);
        } catch {
          return false;
        }
      });
  for (let waited = 0; listening() && waited < 100; waited++) await new Promise((resolve) => setTimeout(resolve, 100));
  assert.equal(listening(), false, `a process started with --port ${port} is still running`);
});

test('contracts publish hands the generated contract, version, branch and tags to the broker; an unreachable broker exits 2', async () => {
  const broker = await startStandInBroker();
  try {
    const token = 'broker-token-never-printed';
    const run = await runCli(
      [
        'contracts',
        'publish',
        '--broker-url',
        broker.url,
        '--consumer-app-version',
        '1.4.2',
        '--branch',
        'main',
        '--tag',
        'prod',
        'beta',
        '--profile',
        'legacy',
      ],
      { PACT_BROKER_TOKEN: token },
    );
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.ok(!(run.stdout + run.stderr).includes(token), 'the token is not printed');
    assert.ok(broker.authorizations.includes(`Bearer ${token}`));
    const [published] = broker.received;
    assert.equal(broker.received.length, 1);
    assert.equal(published!.pacticipantName, 'wa-registration-client');
    assert.equal(published!.pacticipantVersionNumber, '1.4.2');
    assert.equal(published!.branch, 'main');
    assert.deepEqual(published!.tags, ['prod', 'beta']);
    const [contract] = published!.contracts;
    assert.equal(contract!.providerName, 'wa-onprem-account-api');
    // pact-cli sends the file compacted and stamps metadata.pactRust with its own version; all else is byte for byte.
    const sent = Buffer.from(contract!.content, 'base64').toString('utf8');
    const file = JSON.parse(readFileSync(contractFile('legacy'), 'utf8'));
    file.metadata.pactRust = JSON.parse(sent).metadata.pactRust;
    assert.equal(sent, JSON.stringify(file));
  } finally {
    await broker.close();
  }
  const unreachable = await runCli([
    'contracts',
    'publish',
    '--broker-url',
    'http://127.0.0.1:1',
    '--consumer-app-version',
    '1',
  ]);
  assert.equal(unreachable.code, 2);
  assert.match(
    unreachable.stderr,
    /^wa-account-conformance: Pact Broker http:\/\/127\.0\.0\.1:1 is unreachable: .*ECONNREFUSED.*\n$/,
  );
});

test('contracts verify and CONTRACT-HONOURED honour --insecure: an HTTPS target with a self-signed certificate', async () => {
  const served = await serveTarget('legacy');
  const tls = await tlsInFront(served.emulator.server.url, certificateFor127('itself'));
  try {
    const verify = await runCli(['contracts', 'verify', ...served.args, '--target', tls.url, '--insecure'], served.env);
    assert.equal(verify.code, 0, verify.stdout + verify.stderr);
    assert.match(verify.stdout, /^8 passed, 0 failed, 0 skipped$/m);
    const run = await runCli(
      [...served.args, '--target', tls.url, '--insecure', '--grep', 'CONTRACT-HONOURED'],
      served.env,
    );
    assert.equal(verdictsOf(run)['CONTRACT-HONOURED'], 'PASS', run.stdout);
    const refused = await runCli(['contracts', 'verify', ...served.args, '--target', tls.url], served.env);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /is unreachable: .*(self-signed|SELF_SIGNED)/i);
  } finally {
    await tls.close();
    await served.close();
  }
});
