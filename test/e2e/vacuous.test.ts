import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeCertificate, mintCertificate } from '../../src/cert/index.js';
import type { ConformanceReport } from '../../src/generated/types.js';
import {
  type ApiResponse,
  createReference,
  type Handler,
  type ReferenceOptions,
  startEmulator,
} from '../../src/reference/index.js';
import { type CliRun, readReport, runCli, tempFile } from '../support/runCli.js';

// A requirement whose tests judged no answer is a SKIP that says what came back instead, never a PASS.

const report = (run: CliRun) => readReport(run) as unknown as ConformanceReport;
const requirementOf = (run: CliRun, id: string) => report(run).requirements.find((r) => r.id === id)!;

async function serve(build: (options: ReferenceOptions) => Handler, config: (url: string) => object) {
  const emulator = await startEmulator({ profile: 'sunset', build });
  const file = tempFile(
    'conformance.json',
    JSON.stringify({
      target: emulator.server.url,
      profile: 'sunset',
      auth: { admin: { user: emulator.admin.user } },
      ...config(emulator.server.url),
    }),
  );
  return { emulator, args: ['--config', file], env: { WA_CONFORMANCE_PASSWORD: emulator.admin.password } };
}

test('a target that only answers 2xx, or refuses with empty bodies: ERROR-ENVELOPE and RESPONSE-JSON are SKIP with what came back, judged 0', async () => {
  const quiet = (options: ReferenceOptions): Handler => {
    const reference = createReference(options);
    return async (request): Promise<ApiResponse> => {
      const answer = await reference(request);
      if (request.path.startsWith('/v1/account')) return { status: 200 };
      return answer.status >= 400 ? { status: answer.status } : answer;
    };
  };
  const { emulator, args, env } = await serve(quiet, () => ({}));
  try {
    const run = await runCli([...args, '--grep', 'ERROR-ENVELOPE|RESPONSE-JSON', '--runs', '10'], env);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    for (const id of ['ERROR-ENVELOPE', 'RESPONSE-JSON']) {
      const requirement = requirementOf(run, id);
      assert.equal(requirement.verdict, 'SKIP', `${id}: ${JSON.stringify(requirement)}`);
      assert.equal(requirement.judged, 0);
      assert.match(requirement.reason!, /^no answer this requirement describes came back: /);
      assert.ok(requirement.notJudged!.every((n) => n.answers > 0));
    }
    assert.match(requirementOf(run, 'ERROR-ENVELOPE').reason!, /a 200 answer, which needs no error envelope \(4\)/);
    assert.match(requirementOf(run, 'RESPONSE-JSON').reason!, /a 200 answer with an empty body/);
    assert.match(run.stdout, /^SKIP +MUST +ERROR-ENVELOPE +skipped: no answer this requirement describes came back/m);
  } finally {
    await emulator.server.close();
  }
});

// Validating the certificate before refusing as blocked is a valid order; then random certificates never reach
// the registration logic, and only a certificate the target takes can show that it does not register.
const checksCertificates = (options: ReferenceOptions): Handler => {
  const reference = createReference(options);
  return async (request) => {
    const answer = await reference(request);
    if (request.path !== '/v1/account' || answer.status !== 403) return answer;
    const { cert } = JSON.parse(request.body) as { cert: string };
    return decodeCertificate(cert).ok
      ? answer
      : {
          status: 400,
          body: { errors: [{ code: 1009, title: 'Parameter value is not valid', details: 'Invalid certificate' }] },
        };
  };
};

test('against a target that checks certificates first, ACCOUNT-SUNSET-NEVER-REGISTERS is SKIP without a certificate it takes, and judged with numbers.unregistered', async () => {
  const cert = mintCertificate({ verifiedName: 'Fixture Co.' });
  const without = await serve(checksCertificates, () => ({}));
  const withFixture = await serve(checksCertificates, () => ({
    numbers: { unregistered: { cc: '81', phone_number: '9012345678', cert, vname: 'Fixture Co.' } },
  }));
  try {
    const skipped = await runCli(
      [...without.args, '--grep', 'ACCOUNT-SUNSET-NEVER-REGISTERS', '--runs', '30'],
      without.env,
    );
    const never = requirementOf(skipped, 'ACCOUNT-SUNSET-NEVER-REGISTERS');
    assert.equal(never.verdict, 'SKIP', JSON.stringify(never));
    assert.equal(never.judged, 0);
    assert.match(never.reason!, /refused before the registration logic: 400 errors\[\] code 1009 \(30\)/);

    const judged = await runCli(
      [...withFixture.args, '--grep', 'ACCOUNT-SUNSET-NEVER-REGISTERS', '--runs', '30'],
      withFixture.env,
    );
    const reached = requirementOf(judged, 'ACCOUNT-SUNSET-NEVER-REGISTERS');
    assert.equal(reached.verdict, 'PASS', JSON.stringify(reached));
    assert.equal(reached.judged, 30);
    assert.equal(reached.notJudged, undefined);
  } finally {
    await Promise.all([without.emulator.server.close(), withFixture.emulator.server.close()]);
  }
});
