// アカウント: "オンプレミスAPIは廃止されます。このエンドポイントを使ったビジネスの電話番号の登録はできなくなり、以下のエラーが返されます。"
import { registerRequest } from '../src/arbitraries/index.js';
import { blockedError, example, forAll, hasBlockedError, isClientError, isSuccess, status, test, verifies } from '../src/fixtures/index.js';

const account = '/v1/account';

test('a registration gets the documented blocked error object in errors[]', verifies('ACCOUNT-SUNSET-1005'), async ({ target }) => {
  const answer = await target.post(account, example(target, registerRequest()));
  target.check(answer, `errors[] containing ${JSON.stringify(blockedError)}`, hasBlockedError);
});

test('the blocked registration has a 4xx status', verifies('ACCOUNT-SUNSET-STATUS-4XX'), async ({ target }) => {
  const answer = await target.post(account, example(target, registerRequest()));
  target.check(answer, 'a 4xx status', isClientError);
});

test('the blocked registration has status 403', verifies('ACCOUNT-SUNSET-STATUS-403'), async ({ target }) => {
  const answer = await target.post(account, example(target, registerRequest()));
  target.check(answer, 'status 403', (a) => status(a) === 403);
});

test('no schema-valid registration is accepted with 201 or 202', verifies('ACCOUNT-SUNSET-NEVER-REGISTERS'), async ({ target }) => {
  await forAll(target, registerRequest(), async (body) => {
    const answer = await target.post(account, body);
    target.check(answer, 'a refusal: neither 201 Created nor 202 Accepted, nor any 2xx', (a) => a.response !== undefined && !isSuccess(a));
  });
});
