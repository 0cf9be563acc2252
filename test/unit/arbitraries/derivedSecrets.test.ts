import assert from 'node:assert/strict';
import { test } from 'node:test';
import { derivedCodes, derivedPins, writtenAsShown } from '../../../src/arbitraries/derivedSecrets.js';

test('PINs derived from the real one: a digit more and fewer, one changed at the start, middle and end, reversed, padded', () => {
  assert.deepEqual(
    derivedPins('246810').map((d) => d.value),
    ['2468100', '24681', '346810', '246910', '246811', '018642', ' 246810 '],
  );
});

test('a derived PIN that is the PIN itself is not tried (a palindrome reversed), nor one value twice', () => {
  const values = derivedPins('123321').map((d) => d.value);
  assert.ok(!values.includes('123321'));
  assert.equal(new Set(values).size, values.length);
  for (const pin of ['000000', '999999', '135246']) {
    const derived = derivedPins(pin);
    assert.ok(
      derived.every((d) => d.value !== pin && d.name.length > 0),
      pin,
    );
  }
});

test('codes derived from the one sent: its prefixes, a character appended, its last one changed; letters too', () => {
  assert.deepEqual(
    derivedCodes('123456').map((d) => d.value),
    ['123', '12345', '1234560', '123457'],
  );
  assert.deepEqual(
    derivedCodes('ab').map((d) => d.value),
    ['ab0', 'aa'],
  );
});

test('a six-digit code written as the SMS shows it; another shape has no such form', () => {
  assert.equal(writtenAsShown('123456'), '123-456');
  assert.equal(writtenAsShown('12345'), undefined);
  assert.equal(writtenAsShown('abcdef'), undefined);
});
