// アカウント: "オンプレミスAPIは廃止されます。このエンドポイントを使ったビジネスの電話番号の登録はできなくなり、以下のエラーが返されます。"
// Registrations carry a number and certificate the target takes (targetRegistrations): one it would refuse for
// its certificate would never reach the registration logic these requirements are about.
import {
  blockedErrorObject,
  clientError,
  example,
  expectation,
  forAll,
  isClientError,
  isSuccess,
  refusalOf,
  refusedAsInvalid,
  statusIs,
  targetRegistrations,
  test,
  verifies,
} from '../src/harness/index.js';

const account = '/v1/account';
const neverRegistered = expectation(
  'a refusal: neither 201 Created nor 202 Accepted, nor any 2xx',
  (a) => a.response !== undefined && !isSuccess(a),
);

test(...verifies('ACCOUNT-SUNSET-1005'), async ({ target }) => {
  const answer = await target.post(account, example(target, targetRegistrations(target)));
  target.check(answer, blockedErrorObject);
});

test(...verifies('ACCOUNT-SUNSET-STATUS-4XX'), async ({ target }) => {
  const answer = await target.post(account, example(target, targetRegistrations(target)));
  target.check(answer, clientError);
});

test(...verifies('ACCOUNT-SUNSET-STATUS-403'), async ({ target }) => {
  const answer = await target.post(account, example(target, targetRegistrations(target)));
  target.check(answer, statusIs(403));
});

test(...verifies('ACCOUNT-SUNSET-NEVER-REGISTERS', { generated: true }), async ({ target }) => {
  await forAll(
    target,
    targetRegistrations(target),
    async (body) => {
      const answer = await target.post(account, body);
      // Refused as an invalid request (a certificate the target does not take): it never reached the registration logic.
      if (isClientError(answer) && refusedAsInvalid(answer))
        return target.passOver(`refused before the registration logic: ${refusalOf(answer)}`);
      target.check(answer, neverRegistered);
    },
    { independent: true },
  );
});
