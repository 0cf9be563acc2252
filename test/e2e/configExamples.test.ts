import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { ConformanceConfig } from '../../src/generated/types.js';
import { packageRoot } from '../../src/paths.js';
import { resolveSettings, secretVariables } from '../../src/run/resolveSettings.js';
import { describeViolations, validate } from '../../src/schema/registry.js';

/** The documentation a user reads: the README and every page of docs/. */
const pages = ['README.md', ...readdirSync(join(packageRoot, 'docs')).map((f) => join('docs', f))].filter((f) =>
  f.endsWith('.md'),
);

/** Each ```json block of a page, parsed, with the line it starts on. */
function jsonBlocks(page: string): { line: number; value: unknown; text: string }[] {
  const text = readFileSync(join(packageRoot, page), 'utf8');
  return [...text.matchAll(/^```json\n([\s\S]*?)^```$/gm)].map((m) => {
    const line = text.slice(0, m.index).split('\n').length;
    let value: unknown;
    try {
      value = JSON.parse(m[1]!);
    } catch (error) {
      assert.fail(`${page}:${line}: a json block that does not parse: ${(error as Error).message}`);
    }
    return { line, value, text: m[1]! };
  });
}

// A configuration example is a JSON object with a key only a configuration file has; an expected-failures one has
// the list expectedFailures (in a configuration it is a file name). Each must validate against its schema, as the suite would read it.
const configKeys = ['target', 'profile', 'auth', 'numbers', 'codeSource', 'stateChangeUrl', 'hooks', 'controlProtocol'];

test('every configuration example in the README and docs/ validates against its schema, as the suite would read the file', () => {
  const checked: string[] = [];
  const broken: string[] = [];
  for (const page of pages) {
    for (const block of jsonBlocks(page)) {
      if (typeof block.value !== 'object' || block.value === null || Array.isArray(block.value)) continue;
      const keys = Object.keys(block.value);
      const schema = Array.isArray((block.value as { expectedFailures?: unknown }).expectedFailures)
        ? 'expected-failures'
        : keys.some((k) => configKeys.includes(k))
          ? 'conformance-config'
          : undefined;
      if (!schema) continue;
      checked.push(`${page}:${block.line}`);
      const result = validate(schema, block.value);
      if (!result.ok) broken.push(`${page}:${block.line}: ${describeViolations(result.violations).join('; ')}`);
      // Read as the suite reads a file beside the shipped examples: the files it names are there, its keys agree.
      else if (schema === 'conformance-config') {
        try {
          resolveSettings(
            {},
            block.value as ConformanceConfig,
            { [secretVariables.password]: 'x', [secretVariables.userPassword]: 'x' },
            join(packageRoot, 'examples', 'conformance.json'),
          );
        } catch (error) {
          broken.push(`${page}:${block.line}: ${(error as Error).message}`);
        }
      }
    }
  }
  assert.deepEqual(broken, []);
  assert.ok(checked.length >= 3, `only ${checked.length} configuration examples found: ${checked.join(', ')}`);
});
