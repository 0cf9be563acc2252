import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { Secrets } from '../../../src/client/secrets.js';

const secret = fc.string({ unit: 'grapheme', minLength: 3, maxLength: 24 });

test('a secret in any text, as written, JSON-escaped or URI-encoded, is its variable after redaction', () => {
  fc.assert(
    fc.property(secret, fc.string(), fc.string(), (value, before, after) => {
      const secrets = new Secrets();
      secrets.add('WA_CONFORMANCE_PASSWORD', value);
      for (const form of [value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value)]) {
        const redacted = secrets.redact(`${before}${form}${after}`);
        assert.ok(redacted.includes('${WA_CONFORMANCE_PASSWORD}'), redacted);
        // What is left between the placeholders is text redaction kept: none of it may hold the secret.
        const kept = redacted.split('${WA_CONFORMANCE_PASSWORD}');
        assert.ok(
          !kept.some((piece) => piece.includes(form)),
          `${JSON.stringify(form)} left in ${JSON.stringify(redacted)}`,
        );
      }
    }),
  );
});

test('a secret that contains another is replaced whole; a variable put in place of one is not taken for another', () => {
  const secrets = new Secrets();
  secrets.add('WA_CONFORMANCE_PIN', '1234');
  secrets.add('WA_CONFORMANCE_PASSWORD', 'ab1234cd');
  assert.equal(secrets.redact('pw=ab1234cd pin=1234'), 'pw=${WA_CONFORMANCE_PASSWORD} pin=${WA_CONFORMANCE_PIN}');
  secrets.add('WA_CONFORMANCE_TOKEN', 'CONFORMANCE');
  assert.equal(secrets.redact('1234'), '${WA_CONFORMANCE_PIN}');
});

test('Basic credentials are redacted beside the password; values shorter than 3 characters are not secrets', () => {
  const secrets = new Secrets();
  secrets.addBasic('admin', 'secret!', 'WA_CONFORMANCE_PASSWORD');
  const basic = Buffer.from('admin:secret!').toString('base64');
  assert.equal(
    secrets.redact(`Authorization: Basic ${basic}; password secret!`),
    'Authorization: Basic ${WA_CONFORMANCE_PASSWORD_BASIC}; password ${WA_CONFORMANCE_PASSWORD}',
  );
  secrets.add('WA_CONFORMANCE_PIN', '12');
  assert.equal(secrets.redact('12'), '12');
});
