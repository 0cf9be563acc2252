// エッジ: "/verify 指定した方法で登録コードを受け取ったら、このエッジを使用してアカウント登録を完了します。"
import { errorCode, refusedWithEnvelope, test, verifies } from '../src/harness/index.js';

const verify = '/v1/account/verify';

test(...verifies('VERIFY-CODE-REQUIRED'), async ({ target }) => {
  const answer = await target.post(verify, {});
  target.check(answer, refusedWithEnvelope);
});

test(...verifies('VERIFY-MISSING-1008'), async ({ target }) => {
  const answer = await target.post(verify, {});
  target.check(answer, errorCode(1008, 400));
});
