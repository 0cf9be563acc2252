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
