import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { resolveSettings, withoutCodes } from '../../../src/run/resolveSettings.js';
import { UsageError } from '../../../src/run/usageError.js';

const cert = 'CmEKHQi0AAAA';

test('the numbers.verifyCode notice shows no code, even one whose digits are also in the phone number', () => {
  fc.assert(
    fc.property(fc.stringMatching(/^[0-9]{6,10}$/), fc.integer({ min: 0, max: 3 }), (phone, at) => {
      const code = phone.slice(at, at + 3);
      const resolved = resolveSettings(
        {},
        { numbers: { unregistered: { cc: '81', phone_number: phone, cert, vname: 'x' }, verifyCode: code } },
        {},
      );
      const notice = resolved.notices.find((n) => n.startsWith('numbers.verifyCode'))!;
      assert.ok(notice.includes(`"phone_number":"${phone}"`), notice);
      assert.ok(!notice.includes(`"code":"${code}"`), notice);
      assert.deepEqual(resolved.codeSource, { type: 'fixed', codes: [{ cc: '81', phone_number: phone, code }] });
    }),
  );
});

test('withoutCodes replaces every code of a fixed code source, and nothing else', () => {
  assert.deepEqual(withoutCodes({ type: 'fixed', code: '123456' }), { type: 'fixed', code: '…' });
  assert.deepEqual(withoutCodes({ type: 'fixed', codes: [{ cc: '1', phone_number: '123456', code: '123456' }] }), {
    type: 'fixed',
    codes: [{ cc: '1', phone_number: '123456', code: '…' }],
  });
  assert.deepEqual(withoutCodes({ type: 'header', header: 'verify-code' }), { type: 'header', header: 'verify-code' });
});

test('an inbox URL with a placeholder the suite does not fill in is a usage error naming it and the known ones', () => {
  assert.throws(
    () => resolveSettings({}, { codeSource: { type: 'inbox', url: 'http://127.0.0.1:1/inbox/{phone}' } }, {}),
    (error: Error) =>
      error instanceof UsageError &&
      /placeholder \{phone\}, which the suite does not fill in; it knows \{cc\}, \{phone_number\}/.test(error.message),
  );
  assert.doesNotThrow(() =>
    resolveSettings(
      {},
      { codeSource: { type: 'inbox', url: 'http://127.0.0.1:1/inbox/{cc}/{phone_number}?after={requestedAtMs}' } },
      {},
    ),
  );
});

test('a non-admin account without a password in the file takes it from the environment, and without either is a usage error', () => {
  const config = { auth: { user: { user: 'operator' } } };
  assert.deepEqual(resolveSettings({}, config, { WA_CONFORMANCE_USER_PASSWORD: 'p' }).user, {
    user: 'operator',
    password: 'p',
  });
  assert.throws(() => resolveSettings({}, config, {}), /the non-admin account "operator" needs a password/);
});

test('"fixtures", the old name of "numbers", is read with a one-line notice; both at once is a usage error', () => {
  const known = { unregistered: { cc: '81', phone_number: '9012345678', cert, vname: 'x' } };
  const old = resolveSettings({}, { fixtures: known }, {});
  assert.deepEqual(old.numbers, known);
  assert.deepEqual(old.notices, ['"fixtures" is now "numbers" (the same object: numbers in known states)']);
  const current = resolveSettings({}, { numbers: known }, {});
  assert.deepEqual(current.numbers, known);
  assert.deepEqual(current.notices, []);
  assert.throws(
    () => resolveSettings({}, { numbers: known, fixtures: known }, {}),
    (error: unknown) => error instanceof UsageError && /both "numbers" and "fixtures"/.test(error.message),
  );
});
