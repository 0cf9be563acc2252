import assert from 'node:assert/strict';
import Module from 'node:module';
import { test } from 'node:test';
import { babelBundleExports, babelBundleFile, deferBabelBundle } from '../../../src/run/deferredBabel.js';
import { playwrightRequire } from '../../../src/run/warmWorker.js';

const cache = (Module as unknown as { _cache: Record<string, { exports: unknown } | undefined> })._cache;

test("Playwright's runner loads without its Babel bundle, which loads once any of it is used and then serves as before", () => {
  deferBabelBundle();
  const stub = cache[babelBundleFile];
  playwrightRequire('playwright/lib/runner');
  assert.equal(cache[babelBundleFile], stub, 'the runner took the stand-in: the bundle is not loaded');

  const babel = stub!.exports as Record<string, unknown>;
  const types = babel.types as { isIdentifier(node: unknown): boolean };
  const parse = babel.babelParse as (code: string, file: string, isModule: boolean) => { program: { body: unknown[] } };
  const file = parse('const answer = 42;', 'answer.js', true);
  assert.equal(file.program.body.length, 1);
  assert.notEqual(cache[babelBundleFile], stub, 'once used, the real bundle is the cached module');
  assert.equal(
    types.isIdentifier({ type: 'Identifier', name: 'answer' }),
    true,
    'the stand-in of types reaches the real one',
  );

  // The pinned Playwright's bundle exports what the stand-in stands for: an upgrade that changes them fails here.
  const real = cache[babelBundleFile]!.exports as object;
  assert.deepEqual(Object.keys(real).sort(), [...babelBundleExports].sort());
});
