import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  awkwardKinds,
  documentedPart,
  fromSchema,
  type GeneratedRequest,
  invalidBody,
  invalidCategories,
  invalidRegisterRequest,
  malformedExamples,
  malformedRequest,
  type RequestCategory,
  registerRequest,
  registrationOf,
  requestCategories,
  requestText,
  unicodeText,
  verifyRequest,
} from '../../src/arbitraries/index.js';
import { generatedCategories } from '../../src/arbitraries/malformedRequest.js';
import { awkwardCodePoints } from '../../src/arbitraries/unicodeText.js';
import { isValid, loadSchema, type SchemaName } from '../../src/schema/registry.js';

test('every generated register request is valid against the schema', () => {
  fc.assert(
    fc.property(registerRequest(), (body) => isValid('register-request', body)),
    { numRuns: 2000 },
  );
});

test('every generated verify request is valid against the schema', () => {
  fc.assert(
    fc.property(verifyRequest(), (body) => isValid('verify-request', body)),
    { numRuns: 500 },
  );
});

test('every generated invalid register request is invalid against the schema', () => {
  fc.assert(
    fc.property(invalidRegisterRequest(), ({ body }) => !isValid('register-request', body)),
    { numRuns: 2000 },
  );
});

test('invalid requests stay invalid after shrinking (Schemathesis #4332)', () => {
  for (let seed = 1; seed <= 40; seed++) {
    // A property that always fails makes fast-check shrink as far as it can.
    const details = fc.check(
      fc.property(invalidRegisterRequest(), () => false),
      { seed },
    );
    assert.ok(details.failed);
    const [shrunk] = details.counterexample as [{ body: unknown }];
    assert.equal(
      isValid('register-request', shrunk.body),
      false,
      `seed ${seed}: shrunk to a valid body ${JSON.stringify(shrunk)}`,
    );
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
  const fields = new Set(
    fc.sample(invalidRegisterRequest(['missing-required']), { numRuns: 300, seed: 5 }).map((c) => c.field),
  );
  assert.deepEqual([...fields].sort(), ['cc', 'cert', 'method', 'phone_number']);
  const broken = new Set(
    fc.sample(invalidRegisterRequest(['outside-enum-or-pattern']), { numRuns: 300, seed: 5 }).map((c) => c.field),
  );
  assert.deepEqual([...broken].sort(), ['cc', 'cert', 'method', 'phone_number', 'pin']);
});

test('the same seed gives the same values', () => {
  assert.deepEqual(
    fc.sample(registerRequest(), { numRuns: 20, seed: 9 }),
    fc.sample(registerRequest(), { numRuns: 20, seed: 9 }),
  );
});

test('the converter refuses a keyword it does not implement instead of ignoring it', () => {
  assert.throws(
    () => fromSchema({ type: 'string', format: 'email' } as never),
    /keyword "format" at # is not supported/,
  );
});

test('an object schema with nothing to break is refused by name', () => {
  assert.throws(() => invalidBody('meta', ['missing-required']), /no category of missing-required applies to meta/);
  // …and it is right to: meta has no required field to leave out.
  assert.equal((loadSchema('meta') as { required?: unknown }).required, undefined);
});

const schemaOf = { '/v1/account': 'register-request', '/v1/account/verify': 'verify-request' } as const;

/** What ajv must say of a shrunk request of `category`, built on a valid base. */
function expectedValidity(name: SchemaName, request: GeneratedRequest): string | undefined {
  const body = request.body as Record<string, unknown>;
  switch (request.category as RequestCategory) {
    case 'unknown-property':
      if (isValid(name, body)) return 'valid with its unknown properties';
      if (!isValid(name, documentedPart(name, body)))
        return 'its documented part is invalid: it should only add properties';
      return undefined;
    case 'not-an-object':
      return request.raw === '' || !isValid(name, body) ? undefined : 'a valid body';
    case 'content-type':
      return isValid(name, body) ? undefined : 'the bytes of an invalid body: only the Content-Type should be wrong';
    default:
      return isValid(name, body) ? 'a valid body' : undefined;
  }
}

test('over 40 seeds every category appears, and shrinking keeps each request on its side of the schema', () => {
  for (const [path, name] of Object.entries(schemaOf)) {
    const valid: fc.Arbitrary<object> = name === 'register-request' ? registerRequest() : verifyRequest();
    const arbitrary = malformedRequest(name, valid);
    const seen = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) {
      for (const request of fc.sample(arbitrary, { numRuns: 60, seed })) seen.add(request.category);
      for (const category of generatedCategories) {
        // A property that fails on every request of `category` makes fast-check shrink one as far as it can.
        const details = fc.check(
          fc.property(arbitrary, (r) => r.category !== category),
          { seed },
        );
        if (!details.failed) continue;
        const [shrunk] = details.counterexample!;
        assert.equal(shrunk.category, category);
        const wrong = expectedValidity(name, shrunk);
        assert.equal(
          wrong,
          undefined,
          `${path} seed ${seed}, ${category}: shrunk to ${wrong}: ${fc.stringify(shrunk)}`,
        );
      }
      // …and the valid side stays valid when shrunk.
      const details = fc.check(
        fc.property(valid, () => false),
        { seed },
      );
      assert.ok(
        isValid(name, details.counterexample![0]),
        `${path} seed ${seed}: a valid body shrunk to ${fc.stringify(details.counterexample![0])}`,
      );
    }
    // Every category a schema can have: verify-request's one free-text field takes any Unicode and any length.
    const expected = generatedCategories.filter(
      (c) => name === 'register-request' || !['unicode', 'over-long', 'outside-enum-or-pattern'].includes(c),
    );
    assert.deepEqual([...seen].sort(), [...expected].sort(), `${path}: categories generated`);
  }
});

test('the examples carry every category, near-body-limit included, each on the right side of the schema', () => {
  for (const name of Object.values(schemaOf)) {
    const valid: fc.Arbitrary<object> = name === 'register-request' ? registerRequest() : verifyRequest();
    const base = fc.sample(valid, { numRuns: 1, seed: 4 })[0]!;
    const examples = malformedExamples(name, base);
    const categories = new Set(examples.map((e) => e.category));
    for (const category of [
      'wrong-type',
      'unknown-property',
      'not-an-object',
      'content-type',
      'near-body-limit',
    ] as const)
      assert.ok(categories.has(category), `${name}: no ${category} example`);
    for (const request of examples)
      assert.equal(expectedValidity(name, request), undefined, `${name}: ${request.category} ${request.field}`);
    const sizes = examples
      .filter((e) => e.category === 'near-body-limit')
      .map((e) => Buffer.byteLength(requestText(e)));
    assert.deepEqual(sizes, [100 * 1024 - 1, 1024 * 1024 + 1]);
  }
  assert.deepEqual(
    new Set(
      malformedExamples('register-request', {})
        .filter((e) => e.category === 'unicode')
        .map((e) => e.field),
    ),
    new Set(['cc']),
  );
  assert.equal(requestCategories.length, generatedCategories.length + 1);
});

test('unicode text carries an awkward piece, never a lone surrogate, and each kind appears', () => {
  const kinds = new Set<string>();
  const texts = fc.sample(unicodeText(), { numRuns: 3000, seed: 8 });
  assert.ok(
    texts.some((text) =>
      [...text].some((c) => c.codePointAt(0)! > 0xffff && !awkwardCodePoints.astral.some((p) => p.includes(c))),
    ),
    'no astral character beyond the fixed pieces',
  );
  for (const text of texts) {
    assert.equal(text, Buffer.from(text, 'utf8').toString('utf8'), `not UTF-8 safe: ${JSON.stringify(text)}`);
    const found = awkwardKinds.filter((kind) => awkwardCodePoints[kind].some((piece) => text.includes(piece)));
    assert.ok(found.length > 0, `no awkward piece in ${JSON.stringify(text)}`);
    found.forEach((kind) => kinds.add(kind));
  }
  assert.deepEqual([...kinds].sort(), [...awkwardKinds].sort());
});

test('wrong types include null, numbers huge and negative, booleans, arrays and objects', () => {
  const values = fc
    .sample(invalidRegisterRequest(['wrong-type']), { numRuns: 2000, seed: 6 })
    .map((c) => (c.body as Record<string, unknown>)[c.field]);
  const kinds = new Set(values.map((v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v)));
  assert.deepEqual([...kinds].sort(), ['array', 'boolean', 'null', 'number', 'object']);
  assert.ok(
    values.some((v) => typeof v === 'number' && v < 0),
    'no negative number',
  );
  assert.ok(
    values.some((v) => typeof v === 'number' && Math.abs(v) > 2 ** 53),
    'no number past 2^53',
  );
  assert.ok(
    values.some((v) => typeof v === 'number' && !Number.isInteger(v)),
    'no fraction',
  );
});

test("over-long values go just past the field's limit and far past 1 KiB", () => {
  const lengths = new Map<string, Set<number>>();
  for (const { field, body } of fc.sample(invalidRegisterRequest(['over-long']), { numRuns: 500, seed: 2 })) {
    lengths.set(field, (lengths.get(field) ?? new Set()).add(String((body as Record<string, unknown>)[field]).length));
  }
  assert.deepEqual(
    [...lengths.get('cc')!].sort((a, b) => a - b),
    [4, 1024, 8192],
  );
  assert.deepEqual(
    [...lengths.get('phone_number')!].sort((a, b) => a - b),
    [15, 1024, 8192],
  );
  assert.deepEqual(
    [...lengths.get('pin')!].sort((a, b) => a - b),
    [7, 1024, 8192],
  );
});

test('registrations of given numbers keep the number and certificate, and vary the rest', () => {
  const number = { cc: '999', phone_number: '5550100', cert: 'Q2VydA==' };
  const bodies = fc.sample(registrationOf(fc.constant(number)), { numRuns: 100, seed: 1 });
  for (const body of bodies)
    assert.deepEqual({ cc: body.cc, phone_number: body.phone_number, cert: body.cert }, number);
  assert.deepEqual(new Set(bodies.map((b) => b.method)), new Set(['sms', 'voice']));
  assert.ok(bodies.some((b) => b.pin !== undefined) && bodies.some((b) => b.pin === undefined));
});
