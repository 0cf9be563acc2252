import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { generate, readSources } from '../../scripts/generate.js';
import { packageRoot } from '../../src/paths.js';
import { isValid, loadSchema, schemaNames, validate } from '../../src/schema/registry.js';

test('the committed schemas and types are what `npm run generate` writes', async () => {
  for (const file of await generate()) {
    const committed = readFileSync(join(packageRoot, file.path), 'utf8');
    assert.equal(committed, file.content, `${file.path} is stale: run npm run generate and commit the result`);
  }
});

test('every schema is JSON Schema 2020-12 and compiles with ajv', () => {
  const metaSchema = new Ajv2020({ strict: true, keywords: ['x-citation'] });
  for (const name of schemaNames) {
    assert.equal(loadSchema(name).$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(metaSchema.validateSchema(loadSchema(name)), true, `${name}: ${metaSchema.errorsText()}`);
    // Every schema here describes an object: one that takes a number compiled to nothing.
    assert.equal(isValid(name, 42), false, `${name} accepts 42`);
  }
});

test('every documented field cites the seed page with a quote and an English URL', () => {
  for (const [id, source] of readSources()) {
    if (['conformance-config', 'known-numbers', 'conformance-report', 'expected-failures'].includes(id)) continue;
    const schema = JSON.stringify(loadSchema(id as never));
    for (const name of Object.keys(source.properties ?? {})) {
      assert.ok(
        source.properties![name]!.citation || source.properties![name]!.$source,
        `${id}.${name} has no citation`,
      );
    }
    assert.match(schema, /"url":"https:\/\/developers\.(secure\.)?facebook\.com\//, `${id} names no English page`);
  }
});

test('the documented examples validate, and their near misses do not', () => {
  const documented = { cc: '1', phone_number: '5550100', method: 'sms', cert: 'CmEKHQi=' };
  assert.deepEqual(validate('register-request', documented), { ok: true });
  assert.equal(isValid('register-request', { ...documented, pin: '123456' }), true);
  assert.equal(isValid('register-request', { ...documented, pin: '12345' }), false, 'a PIN has 6 digits');
  assert.equal(isValid('register-request', { ...documented, method: 'email' }), false, 'method is sms or voice');
  assert.equal(isValid('register-request', { ...documented, phone_number: '+15550100' }), false, 'no plus sign');
  const blocked = {
    errors: [{ code: 1005, title: 'Access denied', details: 'Unknown error: biz_link_on_prem_reg_blocked' }],
  };
  assert.equal(isValid('error-envelope', blocked), true);
  assert.equal(
    isValid('error-envelope', { errors: [{ code: '1005', title: 'Access denied' }] }),
    false,
    'code is an integer',
  );
  assert.equal(isValid('register-accepted', { account: [{ vname: 'decoded-vname-from-cert' }] }), true);
  assert.equal(
    isValid('login-response', { users: [{ token: 'eyJ', expires_after: '2018-03-01 15:29:26+00:00' }] }),
    true,
  );
});

test('a violation names the field it breaks', () => {
  const result = validate('register-request', { cc: '1', phone_number: '5550100', method: 'sms' });
  assert.equal(result.ok, false);
  assert.ok(!result.ok && result.violations.some((v) => v.path === '/cert' && v.keyword === 'required'));
});
