// Users: login: HTTP Basic credentials in, a bearer token (users[0].token) and its expiry out.
import {
  expectation,
  isClientError,
  isSuccess,
  jsonOfAnswer,
  loginPath,
  statusIs,
  test,
  tokenOf,
  validateSchema,
  verifies,
} from '../src/harness/index.js';

test(...verifies('LOGIN-TOKEN'), async ({ target }) => {
  const { user, password } = target.settings.admin;
  const answer = await target.post(loginPath, undefined, { as: { basic: { user, password: password! } } });
  target.check(
    answer,
    expectation(
      '2xx with users[0].token and users[0].expires_after',
      (a) => isSuccess(a) && validateSchema('login-response', jsonOfAnswer(a)).ok,
    ),
  );
});

test(...verifies('LOGIN-STATUS-200'), async ({ target }) => {
  const { user, password } = target.settings.admin;
  const answer = await target.post(loginPath, undefined, { as: { basic: { user, password: password! } } });
  target.check(answer, statusIs(200));
});

test(...verifies('LOGIN-BAD-CREDENTIALS'), async ({ target }) => {
  const { user } = target.settings.admin;
  const answer = await target.post(loginPath, undefined, { as: { basic: { user, password: 'Wrong-Password-1!' } } });
  target.check(
    answer,
    expectation('a 4xx refusal with no token', (a) => isClientError(a) && tokenOf(a) === undefined),
  );
});
