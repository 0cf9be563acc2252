// パラメーター: "pin 任意。既存の6桁のPIN - このアカウントで二段階認証が有効になっている場合にのみ必要です。"
import { wrongPin } from '../../src/arbitraries/index.js';
import {
  acceptedWithVname,
  expectation,
  forAll,
  jsonOfAnswer,
  orSkip,
  refusedWithEnvelope,
  status,
  test,
  validateSchema,
  verifies,
} from '../../src/harness/index.js';

const account = '/v1/account';

/** Declares these tests in the file that calls it: registration.spec.ts, once per instance of it. */
export function pinTests(): void {
  test(...verifies('LEGACY-PIN-REQUIRED'), async ({ target }) => {
    const { cc, phone_number, cert } = await orSkip(() => target.numbers.inState(target, 'two-step'));
    const answer = await target.post(account, { cc, phone_number, cert, method: 'sms' });
    target.check(answer, refusedWithEnvelope);
  });

  // A wrong PIN refused changes nothing: the PINs go side by side, and one accepted is shrunk one at a time.
  test(...verifies('LEGACY-PIN-CHECKED', { generated: true }), async ({ target }) => {
    const { cc, phone_number, cert, pin } = await orSkip(() => target.numbers.inState(target, 'two-step'));
    await forAll(
      target,
      wrongPin(pin!),
      async (wrong) => {
        const answer = await target.post(account, { cc, phone_number, cert, method: 'sms', pin: wrong });
        target.check(answer, refusedWithEnvelope);
      },
      { independent: true },
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
