import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { fromSchema, invalidBody, invalidCategories, invalidRegisterRequest, registerRequest, verifyRequest } from '../src/arbitraries/index.js';
import { isValid, loadSchema } from '../src/schema/registry.js';

test('every generated register request is valid against the schema', () => {
  fc.assert(fc.property(registerRequest(), (body) => isValid('register-request', body)), { numRuns: 2000 });
});

test('every generated verify request is valid against the schema', () => {
  fc.assert(fc.property(verifyRequest(), (body) => isValid('verify-request', body)), { numRuns: 500 });
});

test('every generated invalid register request is invalid against the schema', () => {
  fc.assert(fc.property(invalidRegisterRequest(), ({ body }) => !isValid('register-request', body)), { numRuns: 2000 });
});

test('invalid requests stay invalid after shrinking (Schemathesis #4332)', () => {
  for (let seed = 1; seed <= 40; seed++) {
    // A property that always fails makes fast-check shrink as far as it can.
    const details = fc.check(fc.property(invalidRegisterRequest(), () => false), { seed });
    assert.ok(details.failed);
    const [shrunk] = details.counterexample as [{ body: unknown }];
    assert.equal(isValid('register-request', shrunk.body), false, `seed ${seed}: shrunk to a valid body ${JSON.stringify(shrunk)}`);
  }
});

test('each category generates bodies that break the named field that way', () => {
  for (const category of invalidCategories) {
    const cases = fc.sample(invalidRegisterRequest([category]), { numRuns: 200, seed: 3 });
    assert.ok(new Set(cases.map((c) => c.field)).size >= 2, `${category} breaks only one field`);
    for (const { body, field } of cases) {
      assert.equal(isValid('register-request', body), false, `${category}: a valid body ${JSON.stringify(body)}`);
      const value = (body as Record<string, unknown>)[field];
      if (category === 'missing-required') assert.equal(field in body, false);
      if (category === 'wrong-type') assert.notEqual(typeof value, 'string');
      if (category === 'empty-string') assert.equal(value, '');
      if (category === 'outside-enum-or-pattern') assert.equal(typeof value, 'string');
    }
  }
});

test('every documented field is exercised by each category that applies to it', () => {
  const fields = new Set(fc.sample(invalidRegisterRequest(['missing-required']), { numRuns: 300, seed: 5 }).map((c) => c.field));
  assert.deepEqual([...fields].sort(), ['cc', 'cert', 'method', 'phone_number']);
  const broken = new Set(fc.sample(invalidRegisterRequest(['outside-enum-or-pattern']), { numRuns: 300, seed: 5 }).map((c) => c.field));
  assert.deepEqual([...broken].sort(), ['cc', 'cert', 'method', 'phone_number', 'pin']);
});

test('the same seed gives the same values', () => {
  assert.deepEqual(fc.sample(registerRequest(), { numRuns: 20, seed: 9 }), fc.sample(registerRequest(), { numRuns: 20, seed: 9 }));
});

test('the converter refuses a keyword it does not implement instead of ignoring it', () => {
  assert.throws(() => fromSchema({ type: 'string', format: 'email' } as never), /keyword "format" at # is not supported/);
});

test('an object schema with nothing to break is refused by name', () => {
  assert.throws(() => invalidBody('meta', ['missing-required']), /no category of missing-required applies to meta/);
  // …and it is right to: meta has no required field to leave out.
  assert.equal((loadSchema('meta') as { required?: unknown }).required, undefined);
});
