// リクエスト: "エラーが返された場合は、エラーおよびステータスメッセージで詳細をご覧ください。" — the errors page's envelope.
import fc from 'fast-check';
import { invalidRegisterRequest, registerRequest } from '../src/arbitraries/index.js';
import {
  budgetedProbes,
  errorsOf,
  example,
  expectation,
  isJsonContentType,
  jsonOfAnswer,
  loginPath,
  notEchoing,
  sendProbe,
  type Target,
  targetRegistrations,
  test,
  validateSchema,
  verifies,
} from '../src/harness/index.js';

const errorEnvelope = expectation(
  'a body matching schemas/error-envelope.schema.json',
  (a) => errorsOf(a) !== undefined,
);
const parsedJson = expectation(
  'Content-Type application/json and a body that parses',
  (a) => isJsonContentType(a) && jsonOfAnswer(a) !== undefined,
);
// schemas/meta.schema.json keeps both fields optional: the answers' schemas $ref it, and a MUST about a 202 must not
// fail for an api_status left out. Asking for both is this SHOULD's own (WEBAPP: genResponse always adds them).
const documentedMeta = expectation('meta matching schemas/meta.schema.json with version and api_status', (a) => {
  const meta = (jsonOfAnswer(a) as { meta?: { version?: unknown; api_status?: unknown } } | undefined)?.meta;
  return (
    meta !== undefined &&
    typeof meta.version === 'string' &&
    typeof meta.api_status === 'string' &&
    validateSchema('meta', meta).ok
  );
});

const account = '/v1/account';

// Refused registrations whose body the documentation describes: blocked or invalid.
async function refusedRegistrations(target: Target) {
  const invalid = example(target, fc.array(invalidRegisterRequest(), { minLength: 3, maxLength: 3 }));
  return [
    // Blocked in the sunset profile; in the legacy one a random certificate has it refused, so nothing registers.
    await target.post(
      account,
      example(target, target.settings.profile === 'sunset' ? targetRegistrations(target) : registerRequest()),
    ),
    ...(await Promise.all(invalid.map(({ body }) => target.post(account, body)))),
  ];
}

test(...verifies('ERROR-ENVELOPE'), async ({ target }) => {
  for (const answer of await refusedRegistrations(target)) {
    if (answer.response && answer.response.status < 400) {
      target.passOver(`a ${answer.response.status} answer, which needs no error envelope`);
      continue;
    }
    target.check(answer, errorEnvelope);
  }
});

test(...verifies('RESPONSE-JSON'), async ({ target }) => {
  // A refused login too, when the run's budget of bad logins leaves one for it.
  const [badLogin] = budgetedProbes(target, 'refusal-format').sent;
  const answers = [
    ...(await refusedRegistrations(target)),
    await target.post(account, example(target, registerRequest()), { as: 'anonymous' }),
    ...(badLogin ? [await sendProbe(target, badLogin)] : []),
  ];
  for (const answer of answers) {
    if (!answer.response?.body) {
      target.passOver(answer.response ? `a ${answer.response.status} answer with an empty body` : 'no answer');
      continue;
    }
    target.check(answer, parsedJson);
  }
});

test(...verifies('RESPONSE-META'), async ({ target }) => {
  for (const answer of await refusedRegistrations(target)) {
    target.check(answer, documentedMeta);
  }
});

// What the request's secrets are made of stays out of the answers: a refusal that quotes the PIN, or a login answer
// that carries the password, puts it where requests are not (logs, dashboards, the screen of whoever debugs).
test(...verifies('RESPONSE-NO-SECRET-ECHO'), async ({ target }) => {
  const pin = String(example(target, fc.integer({ min: 100_000, max: 999_999 })));
  const code = String(example(target, fc.integer({ min: 1_000_000, max: 9_999_999 })));
  target.client.secrets.add('WA_CONFORMANCE_PIN', pin);
  target.client.secrets.add('WA_CONFORMANCE_CODE', code);
  // Refused in every profile, so nothing is registered: no cert (a 1008), or the blocked registration.
  // A number no phone has (country code 999), the same for the same seed as every generated request.
  const phone_number = example(target, fc.stringMatching(/^[0-9]{10}$/));
  const withPin = await target.post(account, { cc: '999', phone_number, method: 'sms', pin });
  target.check(withPin, notEchoing(withPin, 'PIN', pin));
  const withCode = await target.post('/v1/account/verify', { code });
  target.check(withCode, notEchoing(withCode, 'verification code', code));
  const { user, password } = target.settings.admin;
  if (!password) return;
  const login = await target.post(loginPath, undefined, { as: { basic: { user, password } } });
  target.check(login, notEchoing(login, 'password', password));
});
