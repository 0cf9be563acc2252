// パラメーター: "pin 任意。既存の6桁のPIN - このアカウントで二段階認証が有効になっている場合にのみ必要です。"
import { derivedPins, wrongPin } from '../../src/arbitraries/index.js';
import {
  acceptedWithVname,
  because,
  either,
  expectation,
  forAll,
  jsonOfAnswer,
  orSkip,
  refusedWithEnvelope,
  status,
  statusIs,
  test,
  validateSchema,
  verifies,
} from '../../src/harness/index.js';

const account = '/v1/account';
const methods = ['sms', 'voice'] as const;

/** Declares these tests in the file that calls it: registration.spec.ts, once per instance of it. */
export function pinTests(): void {
  // "required if two-step verification is enabled": for the request, whatever its method.
  for (const method of methods)
    test(...verifies('LEGACY-PIN-REQUIRED', { case: `method ${method}` }), async ({ target }) => {
      const { cc, phone_number, cert } = await orSkip(() => target.numbers.inState(target, 'two-step'));
      const answer = await target.post(account, { cc, phone_number, cert, method });
      target.check(answer, because(refusedWithEnvelope, `no PIN, method ${method}`));
    });

  // Wrong PINs made from the real one first (what a comparison that is not exact still takes), then generated ones.
  // A refusal changes nothing: they go side by side, and one accepted is shrunk one at a time.
  for (const method of methods)
    test(...verifies('LEGACY-PIN-CHECKED', { case: `method ${method}`, generated: true }), async ({ target }) => {
      const { cc, phone_number, cert, pin } = await orSkip(() => target.numbers.inState(target, 'two-step'));
      const derived = derivedPins(pin!);
      await forAll(
        target,
        wrongPin(pin!),
        async (wrong) => {
          const answer = await target.post(account, { cc, phone_number, cert, method, pin: wrong });
          target.check(answer, refusedWithEnvelope);
        },
        { independent: true, examples: derived.map((d) => d.value), maxRuns: 100 },
      );
      // The page gives the PIN as a string: its digits as a JSON number may be taken or refused. With a leading zero
      // the number is another PIN, and refused.
      const asNumber = await target.post(account, { cc, phone_number, cert, method, pin: Number(pin) });
      const taken = because(statusIs(202), 'the PIN as a JSON number taken as the PIN');
      target.check(asNumber, pin!.startsWith('0') ? refusedWithEnvelope : either(refusedWithEnvelope, taken));
      const numberSeen = status(asNumber) === 202 ? 'taken (202)' : 'refused';
      target.observe(
        `method ${method}: PINs made from the real one, each refused: ${derived.map((d) => d.name).join('; ')}; the PIN as a JSON number: ${numberSeen}`,
      );
    });

  test(...verifies('LEGACY-PIN-ACCEPTED'), async ({ target }) => {
    const number = await orSkip(() => target.numbers.inState(target, 'two-step'));
    const { answer } = await target.numbers.requestCode(target, number, { method: 'voice', pin: number.pin });
    // The name its certificate carries; a certificate that does not decode names none to compare.
    target.check(
      answer,
      number.vname
        ? acceptedWithVname(number.vname)
        : expectation(
            'status 202 with account[0].vname',
            (a) => status(a) === 202 && validateSchema('register-accepted', jsonOfAnswer(a)).ok,
          ),
    );
  });
}
