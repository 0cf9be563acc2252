import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { derivedTokens } from '../../../src/harness/derivedTokens.js';

const bytes = fc.uint8Array({ minLength: 1, maxLength: 64 });

test('every token made from an issued one differs from it, even to a server that compares the decoded bytes', () => {
  fc.assert(
    fc.property(bytes, (raw) => {
      const issued = Buffer.from(raw).toString('base64url');
      for (const { name, token } of derivedTokens(issued)) {
        assert.notEqual(token, issued, name);
        // Base64's last character has padding bits: a change there alone would decode to the same bytes.
        assert.notDeepEqual(Buffer.from(token, 'base64url'), Buffer.from(raw), `${name}: ${issued} → ${token}`);
      }
    }),
  );
});

test('a hex token keeps its case (a server may read hex either way); any other has its case changed', () => {
  assert.ok(!derivedTokens('0f3a9c'.repeat(8)).some((d) => d.name === 'its case changed'));
  assert.ok(derivedTokens('aB3dEf9xQ').some((d) => d.name === 'its case changed' && d.token === 'Ab3DeF9Xq'));
});

test('a JWT also gets its signature removed and altered, alg none, a changed payload and a past exp', () => {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const jwt = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: 'admin', exp: 2_000_000_000 })}.c2lnbmF0dXJl`;
  const byName = new Map(derivedTokens(jwt, 1_700_000_000_000).map((d) => [d.name, d.token]));
  const [header, payload] = jwt.split('.');
  assert.equal(byName.get('JWT: the signature removed'), `${header}.${payload}.`);
  assert.notEqual(byName.get('JWT: the signature altered')?.split('.')[2], 'c2lnbmF0dXJl');
  const none = byName.get('JWT: "alg": "none", no signature')!.split('.');
  assert.deepEqual(JSON.parse(Buffer.from(none[0]!, 'base64url').toString()), { alg: 'none', typ: 'JWT' });
  const expired = byName.get('JWT: exp an hour ago, under the old signature')!.split('.');
  assert.equal(JSON.parse(Buffer.from(expired[1]!, 'base64url').toString()).exp, 1_700_000_000 - 3600);
  assert.equal(expired[2], 'c2lnbmF0dXJl', 'the old signature');
  assert.ok(!derivedTokens('opaque-token-value').some((d) => d.name.startsWith('JWT')), 'none for an opaque token');
});
