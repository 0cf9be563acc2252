// パラメーター: "method 必須。… オプション:voice、sms" / 開始する前に: "base64エンコードされた証明書の文字列"
import { invalidCertificate, invalidValue } from '../src/arbitraries/index.js';
import { errorsOf, forAll, isClientError, orSkip, test, verifies, type Exchange } from '../src/fixtures/index.js';

const account = '/v1/account';
const refused = (a: Exchange) => isClientError(a) && errorsOf(a) !== undefined;

test('a method other than sms or voice is refused', verifies('LEGACY-METHOD-OPTIONS'), async ({ target }) => {
  const { cc, phone_number, cert } = await orSkip(async () => target.numbers.forRefusals());
  await forAll(target, invalidValue('register-request', 'method'), async (method) => {
    const answer = await target.post(account, { cc, phone_number, cert, method });
    target.check(answer, 'a 4xx error envelope, never 201 or 202', refused);
  }, { examples: ['email', 'SMS', 'Voice', 'whatsapp', ''], independent: true });
});

test('a cert that is no verified-name certificate is refused', verifies('LEGACY-CERT-INVALID'), async ({ target }) => {
  const { cc, phone_number } = await orSkip(async () => target.numbers.forRefusals());
  await forAll(target, invalidCertificate(), async (cert) => {
    const answer = await target.post(account, { cc, phone_number, method: 'sms', cert });
    target.check(answer, 'a 4xx error envelope, never 201 or 202', refused);
  }, { independent: true });
});
