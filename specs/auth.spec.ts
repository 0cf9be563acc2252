// 制約: "アプリを登録するには、必ずadminアカウントを使用します。" Users: login: every other endpoint needs the bearer token.
import { invalidRegisterRequest, registerRequest } from '../src/arbitraries/index.js';
import {
  because,
  type Caller,
  clientError,
  type Exchange,
  errorCode,
  errorsOf,
  example,
  expectation,
  status,
  statusIs,
  type Target,
  test,
  verifies,
} from '../src/harness/index.js';

const account = '/v1/account';
const strangers: [string, Caller][] = [
  ['no Authorization header', 'anonymous'],
  ['a token the server never issued', { bearer: 'not-a-token-this-server-issued' }],
];

/** What an answer says, without its wording: the status and the error codes. */
function gist(answer: Exchange): string {
  const codes = (errorsOf(answer) ?? []).map((e) => e.code).sort();
  return `${status(answer) ?? answer.error}${codes.length ? ` with errors ${codes.join(', ')}` : ''}`;
}

// JSON bodies that a processed request would answer differently: valid, a parameter missing, a value out of range.
function bodies(target: Target): [string, unknown][] {
  return [
    ['a schema-valid registration', example(target, registerRequest())],
    ['a registration without a required parameter', example(target, invalidRegisterRequest(['missing-required'])).body],
    [
      'a registration with a value outside the documented ones',
      example(target, invalidRegisterRequest(['outside-enum-or-pattern'])).body,
    ],
  ];
}

test(...verifies('AUTH-TOKEN-REQUIRED'), async ({ target }) => {
  for (const [who, as] of strangers) {
    const answers: [string, Exchange][] = [];
    for (const [what, body] of bodies(target)) {
      const answer = await target.post(account, body, { as });
      target.check(answer, because(clientError, `refusing ${what} with ${who}`));
      answers.push([what, answer]);
    }
    const [first, ...rest] = answers;
    for (const [, answer] of rest) {
      const same = gist(first![1]);
      target.check(
        answer,
        expectation(
          `the answer ${same} that ${first![0]} got with ${who}: without a valid token the body must not be processed`,
          (a) => gist(a) === same,
        ),
      );
    }
  }
});

test(...verifies('AUTH-ANONYMOUS-DISTINCT'), async ({ target }) => {
  // A body every profile refuses, so the admin's answer sends no code.
  const body = example(target, invalidRegisterRequest(['missing-required'])).body;
  const admin = await target.post(account, body);
  for (const [who, as] of strangers) {
    const answer = await target.post(account, body, { as });
    target.check(
      answer,
      expectation(
        `an answer about the credentials (${who}), not the admin's ${gist(admin)}`,
        (a) => gist(a) !== gist(admin),
      ),
    );
  }
});

test(...verifies('AUTH-TOKEN-401'), async ({ target }) => {
  for (const [, as] of strangers) {
    const answer = await target.post(account, example(target, registerRequest()), { as });
    target.check(answer, statusIs(401));
  }
});

test(...verifies('AUTH-ADMIN-ONLY'), async ({ target }) => {
  const answer = await target.post(account, example(target, registerRequest()), { as: 'user' });
  target.check(answer, clientError);
});

test(...verifies('AUTH-ADMIN-403'), async ({ target }) => {
  const answer = await target.post(account, example(target, registerRequest()), { as: 'user' });
  target.check(answer, errorCode(1005, 403));
});
