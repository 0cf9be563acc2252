// リクエスト: "201 Created — アカウントがすでに存在します。" / "202 Accepted — アカウントが存在しません。… certパラメーターからデコードされたvname"
import { invalidCertificate, invalidValue, mintedRegistration } from '../src/arbitraries/index.js';
import {
  errorsOf, example, fixture, forAll, freshNumber, isClientError, jsonOfAnswer, needsEmulator, needsSideEffects,
  status, test, validateSchema, verifies, type Target,
} from '../src/fixtures/index.js';

const account = '/v1/account';

function vnameOf(answer: Parameters<Target['check']>[0]): unknown {
  const body = jsonOfAnswer(answer);
  return validateSchema('register-accepted', body).ok ? (body as { account: { vname: string }[] }).account[0]!.vname : undefined;
}

const refused = (a: Parameters<Target['check']>[0]) => isClientError(a) && errorsOf(a) !== undefined;

test('a registered number is answered 201', verifies('LEGACY-REGISTERED-201'), async ({ target }) => {
  const { cc, phone_number, cert } = fixture(target.settings, 'registered');
  const answer = await target.post(account, { cc, phone_number, method: 'sms', cert });
  target.check(answer, 'status 201 Created', (a) => status(a) === 201);
});

test('an unregistered number is answered 202 with the vname in cert', verifies('LEGACY-UNREGISTERED-202'), async ({ target }) => {
  const { cc, phone_number, cert, vname } = fixture(target.settings, 'unregistered');
  needsSideEffects(target.settings, 'send a registration code to +' + cc);
  const answer = await target.post(account, { cc, phone_number, method: 'sms', cert });
  target.check(answer, `status 202 with {"account":[{"vname":${JSON.stringify(vname)}}]}`, (a) => status(a) === 202 && vnameOf(a) === vname);
});

test('the 202 vname is the name in cert, for any name', verifies('LEGACY-VNAME-ROUNDTRIP'), async ({ target }) => {
  needsEmulator(target.settings, 'minted certificates carry the generated names');
  await forAll(target, mintedRegistration(freshNumber()), async ({ body, vname }) => {
    const answer = await target.post(account, { ...body, ...freshNumber() });
    target.check(answer, `status 202 with vname ${JSON.stringify(vname)} exactly`, (a) => status(a) === 202 && vnameOf(a) === vname);
  });
});

// A number to send refused requests for: a fresh one on an emulator, else the configured unregistered one.
function unregisteredNumber(target: Target): { cc: string; phone_number: string; cert: string } {
  if (target.settings.emulator) return { ...freshNumber(), cert: example(target, mintedRegistration(freshNumber())).body.cert };
  const { cc, phone_number, cert } = fixture(target.settings, 'unregistered');
  return { cc, phone_number, cert };
}

test('a method other than sms or voice is refused', verifies('LEGACY-METHOD-OPTIONS'), async ({ target }) => {
  const number = unregisteredNumber(target);
  await forAll(target, invalidValue('register-request', 'method'), async (method) => {
    const answer = await target.post(account, { ...number, method });
    target.check(answer, 'a 4xx error envelope, never 201 or 202', refused);
  }, { examples: ['email', 'SMS', 'Voice', 'whatsapp', ''] });
});

test('a cert that is no verified-name certificate is refused', verifies('LEGACY-CERT-INVALID'), async ({ target }) => {
  const { cc, phone_number } = unregisteredNumber(target);
  await forAll(target, invalidCertificate(), async (cert) => {
    const answer = await target.post(account, { cc, phone_number, method: 'sms', cert });
    target.check(answer, 'a 4xx error envelope, never 201 or 202', refused);
  });
});
