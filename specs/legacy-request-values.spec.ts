// パラメーター: "method 必須。… オプション:voice、sms" / 開始する前に: "base64エンコードされた証明書の文字列"
import { invalidCertificate, invalidValue } from '../src/arbitraries/index.js';
import { forAll, orSkip, refusedWithEnvelope, test, verifies } from '../src/harness/index.js';

const account = '/v1/account';

test(...verifies('LEGACY-METHOD-OPTIONS', { generated: true }), async ({ target }) => {
  const { cc, phone_number, cert } = await orSkip(async () => target.numbers.forRefusals());
  await forAll(
    target,
    invalidValue('register-request', 'method'),
    async (method) => {
      const answer = await target.post(account, { cc, phone_number, cert, method });
      target.check(answer, refusedWithEnvelope);
    },
    { examples: ['email', 'SMS', 'Voice', 'whatsapp', ''], independent: true },
  );
});

test(...verifies('LEGACY-CERT-INVALID', { generated: true }), async ({ target }) => {
  const { cc, phone_number } = await orSkip(async () => target.numbers.forRefusals());
  await forAll(
    target,
    invalidCertificate(),
    async (cert) => {
      const answer = await target.post(account, { cc, phone_number, method: 'sms', cert });
      target.check(answer, refusedWithEnvelope);
    },
    { independent: true },
  );
});
