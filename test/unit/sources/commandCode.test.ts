import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorLine } from '../../../src/sources/commandCode.js';

test("a command that failed is described by the line that names its error, not by node's closing version line", () => {
  const stderr = [
    'node:internal/modules/cjs/loader:1228',
    '  throw err;',
    '  ^',
    '',
    "Error: Cannot find module '/work/missing.mjs'",
    '    at Module._resolveFilename (node:internal/modules/cjs/loader:1225:15)',
    '',
    'Node.js v20.20.2',
  ].join('\n');
  assert.equal(errorLine(stderr), "Error: Cannot find module '/work/missing.mjs'");
  assert.equal(errorLine('no such thing\nexiting\n'), 'exiting');
});
