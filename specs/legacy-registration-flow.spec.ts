// リクエスト: "受信した応答に応じて、登録手続きが完了したと見なしてよい場合と、完了するにはさらに手順を踏むことが必要な場合があります。"
// These tests change which account is registered last (the one two-step settings apply to): they run in order.
// The contract verification is here for that reason too: its provider states register numbers.
import fc from 'fast-check';
import { mintedRegistration } from '../src/arbitraries/index.js';
import {
  example, fixture, forAll, freshNumber, isSuccess, Mismatch, needsEmulator, needsSideEffects, sentCode, setNumberState, sideEffectsAllowed, status,
  test, verifies, type Target,
} from '../src/fixtures/index.js';
import { verifyContracts } from '../contracts/verifyContracts.js';
import { newModel, newPool, registrationCommands } from '../src/model/index.js';

test.describe.configure({ mode: 'default' });

/** Requests a code for a fresh number and returns it with the code it received (emulator only). */
async function pendingRegistration(target: Target) {
  const number = freshNumber();
  const { body } = example(target, mintedRegistration(number));
  const answer = await target.post('/v1/account', body);
  target.check(answer, 'status 202 (to have a registration pending)', (a) => status(a) === 202);
  return { body, code: await sentCode(target, number) };
}

test('the code that was sent completes the registration', verifies('VERIFY-COMPLETES'), async ({ target }) => {
  const { emulator, fixtures } = target.settings;
  let code: string;
  if (emulator) code = (await pendingRegistration(target)).code;
  else {
    fixture(target.settings, 'unregistered');
    test.skip(!fixtures.verifyCode, 'needs fixtures.verifyCode: the code fixtures.unregistered received');
    needsSideEffects(target.settings, 'complete a registration');
    code = fixtures.verifyCode!;
  }
  const answer = await target.post('/v1/account/verify', { code });
  target.check(answer, '2xx', isSuccess);
});

test('a completed registration is answered 201', verifies('VERIFY-201'), async ({ target }) => {
  needsEmulator(target.settings, 'the code sent is read through the control protocol');
  const { code } = await pendingRegistration(target);
  const answer = await target.post('/v1/account/verify', { code });
  target.check(answer, 'status 201 Created', (a) => status(a) === 201);
});

test('after verification the number is registered', verifies('VERIFY-REGISTERS'), async ({ target }) => {
  needsEmulator(target.settings, 'the code sent is read through the control protocol');
  const { body, code } = await pendingRegistration(target);
  await target.post('/v1/account/verify', { code });
  const again = await target.post('/v1/account', body);
  target.check(again, 'status 201: the number is registered now', (a) => status(a) === 201);
});

test('two-step settings set and clear the PIN re-registration needs', verifies('TWO-STEP-SETTINGS'), async ({ target }) => {
  needsEmulator(target.settings, 'the code sent is read, and the number moved away, through the control protocol');
  const pin = '314159';
  // Registered the documented way, so the settings must apply to the account verification just completed.
  const { body, code } = await pendingRegistration(target);
  const number = { cc: body.cc, phone_number: body.phone_number };
  target.check(await target.post('/v1/account/verify', { code }), '2xx: registered', isSuccess);
  const enabled = await target.post('/v1/settings/account/two-step', { pin });
  target.check(enabled, 'status 200', (a) => status(a) === 200);
  await setNumberState(target, 'unregistered', number);
  target.check(await target.post('/v1/account', body), 'a refusal without the PIN', (a) => !isSuccess(a));
  target.check(await target.post('/v1/account', { ...body, pin }), 'status 202 with the PIN', (a) => status(a) === 202);

  await setNumberState(target, 'registered', number);
  const disabled = await target.send('DELETE', '/v1/settings/account/two-step', undefined, {});
  target.check(disabled, 'status 200', (a) => status(a) === 200);
  await setNumberState(target, 'unregistered', number);
  target.check(await target.post('/v1/account', body), 'status 202 without a PIN once two-step is off', (a) => status(a) === 202);
});

test('any sequence of registrations, verifications and two-step changes matches the model', verifies('LEGACY-STATEFUL-MODEL'), async ({ target }) => {
  needsEmulator(target.settings, 'codes are read and numbers moved through the control protocol');
  await forAll(target, registrationCommands(), async (commands) => {
    await fc.asyncModelRun(() => ({ model: newModel(), real: { target, pool: newPool() } }), commands);
  }, { maxRuns: 100 });
});

test('the target honours the profile\'s Pact contract', verifies('CONTRACT-HONOURED'), async ({ target }) => {
  const s = target.settings;
  const result = await verifyContracts({
    target: s.target, profile: s.profile, admin: s.admin, fixtures: s.fixtures, emulator: s.emulator,
    sideEffects: sideEffectsAllowed(s),
  });
  const ran = result.interactions.filter((r) => r.result !== 'SKIPPED');
  test.skip(ran.length === 0, `no interaction could run: ${result.interactions.map((r) => r.reason).join('; ')}`);
  const failed = result.interactions.filter((r) => r.result === 'FAILED').map((r) => r.description);
  if (failed.length > 0) {
    throw new Mismatch(`every interaction of contracts/pacts/${s.profile} verified`, `FAILED: ${failed.join('; ')}`, target.redact(result.output));
  }
});
