// エッジ: "/verify 指定した方法で登録コードを受け取ったら、このエッジを使用してアカウント登録を完了します。"
import { mintedRegistration, wrongCode } from '../src/arbitraries/index.js';
import {
  errorsOf, example, forAll, freshNumber, hasErrorCode, isClientError, pendingCodes, status, test, verifies,
} from '../src/fixtures/index.js';

const verify = '/v1/account/verify';

test('verify without a code is refused', verifies('VERIFY-CODE-REQUIRED'), async ({ target }) => {
  const answer = await target.post(verify, {});
  target.check(answer, 'a 4xx error envelope', (a) => isClientError(a) && errorsOf(a) !== undefined);
});

test('verify without a code gets 400 with 1008', verifies('VERIFY-MISSING-1008'), async ({ target }) => {
  const answer = await target.post(verify, {});
  target.check(answer, 'status 400 with errors[] code 1008', (a) => status(a) === 400 && hasErrorCode(a, 1008));
});

test('a code that was not sent is refused and registers nothing', verifies('VERIFY-WRONG-CODE'), async ({ target }) => {
  const { emulator, fixtures } = target.settings;
  const number = freshNumber();
  if (emulator) {
    const answer = await target.post('/v1/account', example(target, mintedRegistration(number)).body);
    target.check(answer, 'status 202 (to have a registration pending)', (a) => status(a) === 202);
  }
  const sent = emulator ? await pendingCodes(target) : [fixtures.verifyCode ?? ''];
  // Few tries: a live client may lock out after many wrong codes.
  await forAll(target, wrongCode(sent), async (code) => {
    const answer = await target.post(verify, { code });
    target.check(answer, 'a 4xx error envelope', (a) => isClientError(a) && errorsOf(a) !== undefined);
  }, { maxRuns: 20 });
  if (emulator) {
    const again = await target.post('/v1/account', example(target, mintedRegistration(number)).body);
    target.check(again, 'status 202: the number is still not registered', (a) => status(a) === 202);
  }
});
