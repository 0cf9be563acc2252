import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { type Exchange, redactExchange, Secrets } from '../../src/client/index.js';
import { packageRoot } from '../../src/paths.js';

test('redaction replaces secrets in every string of an exchange and leaves its numbers intact, whatever their digits', () => {
  const secrets = new Secrets();
  secrets.add('WA_CONFORMANCE_PIN', '314159');
  secrets.add('WA_CONFORMANCE_PASSWORD', 'pa"ss');
  const exchange: Exchange = {
    case: 'LEGACY-PIN-ACCEPTED#3',
    request: {
      method: 'POST',
      url: 'http://127.0.0.1:9/v1/account?pin=314159',
      headers: { authorization: 'Bearer 314159' },
      body: '{"pin":"314159","password":"pa\\"ss"}',
    },
    response: {
      status: 400,
      headers: { 'content-type': 'application/json' },
      body: '{"errors":[{"code":1008,"title":"314159"}]}',
    },
    // The digits of the PIN inside a number: redacting serialised JSON turned this into invalid JSON.
    durationMs: 2.3141592653,
  };
  const redacted = redactExchange(exchange, secrets);
  assert.equal(redacted.durationMs, 2.3141592653);
  assert.equal(redacted.response!.status, 400);
  assert.deepEqual(JSON.stringify(redacted).match(/314159/g), ['314159'], 'only durationMs keeps the digits');
  assert.equal(redacted.request.url, 'http://127.0.0.1:9/v1/account?pin=${WA_CONFORMANCE_PIN}');
  assert.equal(redacted.request.headers.authorization, 'Bearer ${WA_CONFORMANCE_PIN}');
  assert.equal(redacted.request.body, '{"pin":"${WA_CONFORMANCE_PIN}","password":"${WA_CONFORMANCE_PASSWORD}"}');
  assert.equal(redacted.response!.body, '{"errors":[{"code":1008,"title":"${WA_CONFORMANCE_PIN}"}]}');
  assert.equal(exchange.request.body, '{"pin":"314159","password":"pa\\"ss"}', 'the original is not changed');
});

test('docs/running.md explains every variable a redacted value is replaced by', () => {
  const readme = readFileSync(join(packageRoot, 'docs', 'running.md'), 'utf8');
  const sources = [
    'src/harness/runSecrets.ts',
    'src/harness/sessions.ts',
    'src/harness/target.ts',
    'src/sources/numbers.ts',
    'src/cli/contractsCommand.ts',
    'src/run/contractsVerifier.ts',
  ];
  const named = new Set(
    sources.flatMap((file) =>
      [...readFileSync(join(packageRoot, file), 'utf8').matchAll(/'((?:WA_CONFORMANCE|PACT_BROKER)_[A-Z_]+)'/g)].map(
        (m) => m[1]!,
      ),
    ),
  );
  // addBasic adds NAME_BASIC beside each account's password (the broker's is never sent as Basic by the suite).
  for (const password of [...named].filter((v) => v.startsWith('WA_CONFORMANCE') && v.endsWith('_PASSWORD')))
    named.add(`${password}_BASIC`);
  const explained = (variable: string) =>
    readme.includes(`| \`${variable}\``) ||
    readme.includes(`\`…${variable.replace('WA_CONFORMANCE', '')}\``) ||
    readme.includes(`, \`${variable}\``);
  assert.ok(named.size >= 8, [...named].join(' '));
  assert.deepEqual(
    [...named].filter((v) => !explained(v)),
    [],
  );
});
