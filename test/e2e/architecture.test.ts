// The layout as the README tells it is the layout the import rules check, and every folder of src/ is in both.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { packageRoot } from '../../src/paths.js';

const { layers } = createRequire(import.meta.url)(join(packageRoot, '.dependency-cruiser.cjs')) as {
  layers: Record<string, string[]>;
};
const readme = readFileSync(join(packageRoot, 'docs', 'development.md'), 'utf8');
const section = readme.slice(readme.indexOf('# How it is built (architecture)'));
const rows = [...section.matchAll(/^\| `([^`]+)\/` \| [^|]+ \| ([^|]+) \|$/gm)].map((m) => m[1]!);

const folders = (dir: string) =>
  readdirSync(join(packageRoot, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `${dir}/${entry.name}`);

test('every folder of src/, and every top-level folder of code, has its import rules and its row in docs/development.md', () => {
  const code = [...folders('src'), 'specs', 'specs/registration', 'reporters', 'contracts', 'mutants', 'scripts'];
  assert.deepEqual(
    code.filter((folder) => !(folder in layers)),
    [],
    'folders without an entry in .dependency-cruiser.cjs',
  );
  assert.deepEqual(
    code.filter((folder) => !rows.includes(folder)),
    [],
    'folders without a row in the architecture table of docs/development.md',
  );
});
