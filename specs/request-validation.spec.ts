// パラメーター: cc, phone_number, method, cert are 必須 (required); method's options are voice and sms.
import fc from 'fast-check';
import {
  invalidBody,
  invalidRegisterRequest,
  malformedExamples,
  malformedRequest,
  mintedRegistration,
  missingEach,
  registerRequest,
  verifyRequest,
  withUnknownProperties,
} from '../src/arbitraries/index.js';
import {
  because,
  blockedErrorObject,
  clientError,
  either,
  errorCode,
  example,
  expectation,
  forAll,
  postGenerated,
  refusedWithEnvelope,
  sideBySide,
  type Target,
  targetRegistrations,
  test,
  verifies,
} from '../src/harness/index.js';

const account = '/v1/account';
const verify = '/v1/account/verify';
const malformed = ['{"cc": "1", "phone_number": ', '{cc: 1}', 'not json', '{"cc":"1",}', '[{"cc":"1"'];

test(...verifies('REQUEST-INVALID-REFUSED', { generated: true }), async ({ target }) => {
  // Generated certs are random base64, refused for that alone by a legacy target: pin a body whose only fault is
  // the missing field, with a real certificate, for each required field.
  const { cc, phone_number } = example(target, registerRequest());
  const complete = example(target, mintedRegistration({ cc, phone_number })).body;
  await forAll(
    target,
    invalidRegisterRequest(),
    async ({ body }) => {
      const answer = await target.post(account, body);
      target.check(answer, refusedWithEnvelope);
    },
    { examples: missingEach('register-request', { ...complete }), independent: true },
  );
});

test(...verifies('REQUEST-MISSING-1008', { generated: true }), async ({ target }) => {
  const expected = target.settings.profile === 'sunset' ? either(errorCode(1008), blockedErrorObject) : errorCode(1008);
  await forAll(
    target,
    invalidRegisterRequest(['missing-required']),
    async ({ body }) => {
      target.check(await target.post(account, body), expected);
    },
    { independent: true },
  );
});

test(...verifies('REQUEST-MALFORMED-JSON'), async ({ target }) => {
  const answers = await sideBySide(target, malformed, (text) => target.post(account, text));
  for (const answer of answers) target.check(answer, clientError);
});

test(...verifies('REQUEST-MALFORMED-JSON-400'), async ({ target }) => {
  // A sunset target may refuse every registration before reading it, as it may for missing and invalid parameters.
  const expected =
    target.settings.profile === 'sunset' ? either(errorCode(1025, 400), blockedErrorObject) : errorCode(1025, 400);
  const answers = await sideBySide(target, malformed, (text) => target.post(account, text));
  for (const answer of answers) target.check(answer, expected);
});

test(...verifies('REQUEST-VALUE-1009', { generated: true }), async ({ target }) => {
  const expected =
    target.settings.profile === 'sunset' ? either(errorCode(1009, 400), blockedErrorObject) : errorCode(1009, 400);
  await forAll(
    target,
    invalidRegisterRequest(['wrong-type', 'outside-enum-or-pattern', 'empty-string', 'unicode', 'over-long']),
    async ({ body }) => {
      target.check(await target.post(account, body), expected);
    },
    { independent: true },
  );
});

const answered = expectation(
  'a 4xx (or the documented answer), never a 5xx or no answer',
  (a) => a.response !== undefined && a.response.status < 500,
);

// The framing categories start from a registration the target would take in the sunset profile (it is blocked
// anyway); in the legacy one from a body missing its cert, so that nothing registers whatever the framing.
function registrationBase(target: Target): fc.Arbitrary<object> {
  if (target.settings.profile === 'sunset') return targetRegistrations(target);
  return invalidBody('register-request', ['missing-required'])
    .filter((c) => c.field === 'cert')
    .map((c) => c.body);
}

test(...verifies('REQUEST-NO-5XX', { case: 'a registration', generated: true }), async ({ target }) => {
  const base = registrationBase(target);
  await forAll(
    target,
    malformedRequest('register-request', base),
    async (request) => {
      target.check(
        await postGenerated(target, account, request),
        because(answered, `${request.category} in ${request.field}`),
      );
    },
    { examples: malformedExamples('register-request', example(target, base)), independent: true },
  );
});

test(...verifies('REQUEST-NO-5XX', { case: 'a verification', generated: true }), async ({ target }) => {
  const base: fc.Arbitrary<object> = target.settings.profile === 'sunset' ? verifyRequest() : fc.constant({});
  await forAll(
    target,
    malformedRequest('verify-request', base),
    async (request) => {
      target.check(
        await postGenerated(target, verify, request),
        because(answered, `${request.category} in ${request.field}`),
      );
    },
    { examples: malformedExamples('verify-request', example(target, base)), independent: true },
  );
});

test(
  ...verifies('REQUEST-UNKNOWN-PROPERTIES', {
    case: 'a blocked registration, still blocked',
    profiles: ['sunset'],
    generated: true,
  }),
  async ({ target }) => {
    const expected = either(blockedErrorObject, because(refusedWithEnvelope, 'refusing the unknown properties'));
    await forAll(
      target,
      withUnknownProperties('register-request', targetRegistrations(target)),
      async (request) => {
        target.check(await postGenerated(target, account, request), expected);
      },
      { independent: true },
    );
  },
);
