// リクエスト: "201 Created — アカウントがすでに存在します。" / "202 Accepted — アカウントが存在しません。… certパラメーターからデコードされたvname"
// Run from specs/registration.spec.ts, one at a time with the other registration specs.
import fc from 'fast-check';
import {
  mintedRegistration,
  realisticNames,
  registrationNamed,
  withUnknownProperties,
} from '../../src/arbitraries/index.js';
import {
  acceptedWithVname,
  Blocked,
  because,
  either,
  forAll,
  freshNumber,
  orSkip,
  postGenerated,
  refusedWithEnvelope,
  statusIs,
  test,
  verifies,
} from '../../src/harness/index.js';

const account = '/v1/account';
/** One name of each script and shape a business may really have, and a long one. */
const chosenNames = [...realisticNames, '長い名前・'.repeat(60)];

/** Declares these tests in the file that calls it: registration.spec.ts, once per instance of it. */
export function numberTests(): void {
  // On a number this run registered (a code, then /verify) where it can: a target that answers 202 for a registered
  // number then FAILs here, where a configured number it answered 202 for would only be a configuration to mend.
  test(...verifies('LEGACY-REGISTERED-201'), async ({ target }) => {
    const { numbers } = target;
    // A registration the target breaks (VERIFY-COMPLETES judges it) leaves the configured or source-set number.
    const number = await orSkip(() =>
      numbers.inState(target, 'registered', { registeredHere: true }).catch((error: unknown) => {
        if (!(error instanceof Blocked) || !numbers.hasRegisteredWithoutApi) throw error;
        target.observe(`a number of this run's own could not be registered (${error.message}): judged on another`);
        return numbers.inState(target, 'registered');
      }),
    );
    const { cc, phone_number, cert, origin } = number;
    const answer = await target.post(account, { cc, phone_number, method: 'sms', cert });
    const how =
      origin === 'fresh' && numbers.registersItself ? 'registered by this run (202, then /verify)' : 'registered';
    target.check(answer, because(statusIs(201), `${origin} number, ${how}`));
  });

  // A registered number's registration changes nothing, so unknown properties can be tried on it many times.
  test(
    ...verifies('REQUEST-UNKNOWN-PROPERTIES', {
      case: 'a registered number, answered 201',
      profiles: ['legacy'],
      generated: true,
    }),
    async ({ target }) => {
      const { cc, phone_number, cert, origin } = await orSkip(() => target.numbers.inState(target, 'registered'));
      const registration = fc.constantFrom('sms', 'voice').map((method) => ({ cc, phone_number, method, cert }));
      await forAll(
        target,
        withUnknownProperties('register-request', registration),
        async (request) => {
          const answer = await postGenerated(target, account, request);
          target.check(
            answer,
            either(
              because(statusIs(201), `${origin} number, registered`),
              because(refusedWithEnvelope, 'refusing the unknown properties'),
            ),
          );
        },
        { maxRuns: 20, independent: true },
      );
    },
  );

  test(...verifies('LEGACY-UNREGISTERED-202'), async ({ target }) => {
    const number = await orSkip(() => target.numbers.inState(target, 'unregistered'));
    const { answer } = await target.numbers.requestCode(target, number);
    target.check(answer, acceptedWithVname(number.vname));
  });

  test(...verifies('LEGACY-PENDING-202'), async ({ target }) => {
    const number = await orSkip(() => target.numbers.inState(target, 'unregistered'));
    const first = await target.numbers.requestCode(target, number);
    target.check(first.answer, because(statusIs(202), 'a code sent'));
    const again = await target.numbers.requestCode(target, number, { method: 'voice' });
    target.check(
      again.answer,
      because(statusIs(202), 'a code was sent but not verified, so the number is still not registered'),
    );
  });

  // Any transformation of the name (normalised, trimmed, truncated, re-encoded) is a FAIL: the doc says "decoded".
  // Each registration leaves one pending, so they go one at a time: the names chosen first, one of each script and
  // shape, then generated ones.
  test(...verifies('LEGACY-VNAME-ROUNDTRIP', { generated: true }), async ({ target }) => {
    const number = freshNumber();
    await forAll(
      target,
      mintedRegistration(number),
      async ({ body, vname }) => {
        const answer = await target.post(account, { ...body, ...freshNumber() });
        target.check(answer, acceptedWithVname(vname));
      },
      {
        examples: chosenNames.map((name, i) => registrationNamed(number, name, i % 2 ? 'voice' : 'sms')),
        maxRuns: 40,
      },
    );
  });
}
