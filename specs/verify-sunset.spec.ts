// エッジ: "/verify 指定した方法で登録コードを受け取ったら、このエッジを使用してアカウント登録を完了します。"
// With registration blocked no code can be received, so no code may complete one.
import { verifyRequest } from '../src/arbitraries/index.js';
import { forAll, refusedWithEnvelope, test, verifies } from '../src/harness/index.js';

test(...verifies('VERIFY-SUNSET-REFUSED', { generated: true }), async ({ target }) => {
  await forAll(
    target,
    verifyRequest(),
    async (body) => {
      const answer = await target.post('/v1/account/verify', body);
      target.check(answer, refusedWithEnvelope);
    },
    { independent: true },
  );
});
