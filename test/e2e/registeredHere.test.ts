import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { registeredAnswered202 } from '../../mutants/clusterMutants.js';
import { createReference, emulatorConfig, type Handler, startEmulator } from '../../src/reference/index.js';
import { readReport, runCli, verdictsOf } from '../support/runCli.js';

// A target that answers 202 for a registered number is caught on a number the run registered itself, where it can;
// where nothing can register a number, a configured one it answers 202 for stays a configuration to mend (exit 2).

const numberOf = ({ cc, phone_number, cert }: { cc: string; phone_number: string; cert: string }) => ({
  cc,
  phone_number,
  cert,
});

/** The emulator reached only through `codeSource` (no control protocol, no state source), its registered number `registered`. */
async function run(
  build: (options: Parameters<typeof createReference>[0]) => Handler,
  { codeSource, registered }: { codeSource: boolean; registered: 'registered' | 'unregistered' },
) {
  const emulator = await startEmulator({ profile: 'legacy', build, sources: 'header' });
  try {
    const config = emulatorConfig(emulator);
    const file = join(mkdtempSync(join(tmpdir(), 'wa-registered-')), 'conformance.json');
    const { stateChangeUrl, codeSource: header, ...rest } = config;
    writeFileSync(
      file,
      JSON.stringify({
        ...rest,
        ...(codeSource ? { codeSource: header } : {}),
        numbers: { ...config.numbers, registered: numberOf(config.numbers![registered]!) },
      }),
    );
    return await runCli(['--config', file, '--seed', '3', '--runs', '20'], {});
  } finally {
    await emulator.server.close();
  }
}

test('a target that answers 202 for a registered number: LEGACY-REGISTERED-201 FAILs on a number the run registered, with the exchanges', async () => {
  const cli = await run(registeredAnswered202.build, { codeSource: true, registered: 'registered' });
  assert.equal(cli.code, 1, cli.stdout + cli.stderr);
  assert.equal(verdictsOf(cli)['LEGACY-REGISTERED-201'], 'FAIL');
  const test201 = readReport(cli).requirements.find((r) => r.id === 'LEGACY-REGISTERED-201')!.tests[0]!;
  const steps = test201.wireLog.map(
    (e) => `${e.request.method} ${new URL(e.request.url).pathname} ${e.response?.status}`,
  );
  assert.deepEqual(
    steps.slice(-3),
    ['POST /v1/account 202', 'POST /v1/account/verify 201', 'POST /v1/account 202'],
    steps.join('\n'),
  );
  assert.match(test201.failure?.message ?? '', /registered by this run/);
});

test('the same target without a code source: numbers.registered answered 202 is a configuration to mend, exit 2', async () => {
  const cli = await run(registeredAnswered202.build, { codeSource: false, registered: 'registered' });
  assert.equal(cli.code, 2, cli.stdout + cli.stderr);
  assert.match(
    cli.stderr,
    /numbers\.registered \(\+\d+ \d+\) is not registered on http:\/\/127\.0\.0\.1:\d+: it answered 202/,
  );
});

test('a correct target whose configured registered number is not registered, with a code source: the run registers its own, exit 0', async () => {
  const cli = await run(createReference, { codeSource: true, registered: 'unregistered' });
  assert.equal(cli.code, 0, cli.stdout + cli.stderr);
  assert.equal(verdictsOf(cli)['LEGACY-REGISTERED-201'], 'PASS');
});
