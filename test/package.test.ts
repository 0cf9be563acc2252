import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { packageRoot } from '../src/paths.js';

/** The files `npm pack` puts in the tarball (scripts not run: the build is the one these tests run on). */
function packedFiles(): string[] {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const out = execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: packageRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return (JSON.parse(out) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
}

/**
 * The project paths a text names (a Markdown link, or a path with an extension in backticks) that a package with
 * these files lacks: a TypeScript source counts as there when its compiled JavaScript is.
 */
export function missingFromPackage(text: string, files: readonly string[]): string[] {
  const have = new Set(files);
  const named = [
    ...[...text.matchAll(/\]\((?!https?:|#)([^)#\s]+)/g)].map((m) => m[1]!),
    ...[...text.matchAll(/`((?:[\w.-]+\/)+[\w.-]+\.\w{2,4})`/g)].map((m) => m[1]!),
  ];
  return [...new Set(named)].filter((path) => !have.has(path) && !(path.endsWith('.ts') && have.has(`dist/${path.replace(/\.ts$/, '.js')}`)));
}

test('npm pack: every file the README names is in the package, and the bin, the config and the specs it runs', () => {
  const files = packedFiles();
  assert.deepEqual(missingFromPackage(readFileSync(join(packageRoot, 'README.md'), 'utf8'), files), []);
  const { bin } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  for (const path of [...Object.values(bin), 'dist/playwright.config.js', 'dist/specs/registration.spec.js', 'dist/reporters/conformance.js']) {
    assert.ok(files.includes(path), `${path} is not in the package`);
  }
  assert.ok(files.every((path) => !path.startsWith('dist/test/') && !path.startsWith('dist/mutants/')), 'the project\'s own tests or mutants are packaged');
});

test('the package check fails when a named file is missing', () => {
  const text = 'See [the evidence](docs/evidence.md), `examples/inbox-code.mjs` and `src/cli/main.ts`.';
  assert.deepEqual(missingFromPackage(text, ['docs/evidence.md', 'examples/inbox-code.mjs', 'dist/src/cli/main.js']), []);
  assert.deepEqual(missingFromPackage(text, ['examples/inbox-code.mjs']), ['docs/evidence.md', 'src/cli/main.ts']);
});
