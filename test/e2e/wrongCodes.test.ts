import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { TestInfo } from '@playwright/test';
import { mutants } from '../../mutants/index.js';
import { isClientError, postWrongCode, status } from '../../src/harness/index.js';
import { Target } from '../../src/harness/target.js';
import { TargetConnections } from '../../src/harness/targetConnections.js';
import { controlPaths } from '../../src/protocol/index.js';
import { emulatorConfig, startEmulator } from '../../src/reference/index.js';
import { preflight } from '../../src/run/preflight.js';
import { resolveSettings } from '../../src/run/resolveSettings.js';

const takesAnyCode = mutants.find((m) => m.id === 'legacy-verify-any-code')!;

// The reference keeps every number's code outstanding: a code the run never read can be one of them.
for (const { name, build, collided } of [
  { name: 'the reference (a correct target that keeps codes outstanding)', build: undefined, collided: true },
  { name: `the mutant ${takesAnyCode.id}`, build: takesAnyCode.build, collided: false },
]) {
  test(`a "wrong" code that is another registration's code, against ${name}: ${collided ? 'a collision, judged by the refusal of a second code' : 'the acceptance is judged, and fails the check'}`, async () => {
    const emulator = await startEmulator({ profile: 'legacy', build, sources: 'control' });
    const connections = new TargetConnections();
    try {
      const resolved = resolveSettings(
        { seed: 1, runs: 1, workers: 1, reportDir: join(tmpdir(), 'wa-wrong-codes') },
        emulatorConfig(emulator),
        {},
      );
      const settings = await preflight({ ...resolved, target: emulator.server.url }, { say: () => {} });
      const { client, sessions, numbers } = await connections.of(settings);
      // A Target outside Playwright: its test info is only asked to skip when a session is unavailable.
      const target = new Target(settings, client, sessions, numbers, {} as TestInfo, 'WRONG-CODES');
      const number = numbers.fresh('衝突テスト株式会社');
      assert.equal(status((await numbers.requestCode(target, number)).answer), 202);
      // Its code, read past the run's code source: the run has never seen it.
      const read = await client.send({
        method: 'GET',
        path: `${controlPaths.code}?${new URLSearchParams({ cc: number.cc, phone_number: number.phone_number })}`,
        headers: await sessions.headers('admin'),
        case: 'peek',
      });
      const code = (JSON.parse(read.response!.body) as { code: string }).code;
      assert.equal(numbers.readCodes.has(code), false);

      const result = await postWrongCode(target, [code, code === '000000' ? '000001' : '000000']);
      assert.equal(result.collided, collided);
      // The answer to judge: the second code's refusal, or the acceptance of a code that was never sent.
      assert.equal(
        collided ? isClientError(result.answer) : status(result.answer) === 201,
        true,
        result.answer.response?.body,
      );
    } finally {
      await connections.close();
      await emulator.server.close();
    }
  });
}
