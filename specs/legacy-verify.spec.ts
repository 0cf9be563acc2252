// エッジ: "/verify 指定した方法で登録コードを受け取ったら、このエッジを使用してアカウント登録を完了します。"
import { errorsOf, hasErrorCode, isClientError, status, test, verifies } from '../src/fixtures/index.js';

const verify = '/v1/account/verify';

test('verify without a code is refused', verifies('VERIFY-CODE-REQUIRED'), async ({ target }) => {
  const answer = await target.post(verify, {});
  target.check(answer, 'a 4xx error envelope', (a) => isClientError(a) && errorsOf(a) !== undefined);
});

test('verify without a code gets 400 with 1008', verifies('VERIFY-MISSING-1008'), async ({ target }) => {
  const answer = await target.post(verify, {});
  target.check(answer, 'status 400 with errors[] code 1008', (a) => status(a) === 400 && hasErrorCode(a, 1008));
});
