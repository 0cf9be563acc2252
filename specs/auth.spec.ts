// 制約: "アプリを登録するには、必ずadminアカウントを使用します。" Users: login: every other endpoint needs the bearer token.
import { registerRequest } from '../src/arbitraries/index.js';
import { example, hasErrorCode, isClientError, status, test, verifies, type Caller } from '../src/fixtures/index.js';

const account = '/v1/account';
const strangers: [string, Caller][] = [
  ['no Authorization header', 'anonymous'],
  ['a token the server never issued', { bearer: 'not-a-token-this-server-issued' }],
];

test('a request without a valid bearer token is refused', verifies('AUTH-TOKEN-REQUIRED'), async ({ target }) => {
  for (const [, as] of strangers) {
    const answer = await target.post(account, example(target, registerRequest()), { as });
    target.check(answer, 'a 4xx refusal, never a 2xx', isClientError);
  }
});

test('a missing or unknown bearer token gets 401', verifies('AUTH-TOKEN-401'), async ({ target }) => {
  for (const [, as] of strangers) {
    const answer = await target.post(account, example(target, registerRequest()), { as });
    target.check(answer, 'status 401', (a) => status(a) === 401);
  }
});

test('a non-admin account cannot register', verifies('AUTH-ADMIN-ONLY'), async ({ target }) => {
  const answer = await target.post(account, example(target, registerRequest()), { as: 'user' });
  target.check(answer, 'a 4xx refusal, never a 2xx', isClientError);
});

test('a non-admin account is refused with 403 and error 1005', verifies('AUTH-ADMIN-403'), async ({ target }) => {
  const answer = await target.post(account, example(target, registerRequest()), { as: 'user' });
  target.check(answer, 'status 403 with errors[] code 1005', (a) => status(a) === 403 && hasErrorCode(a, 1005));
});
