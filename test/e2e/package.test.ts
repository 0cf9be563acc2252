import assert from 'node:assert/strict';
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, relative } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import type { ConformanceReport } from '../../src/generated/types.js';
import { packageRoot } from '../../src/paths.js';
import { startEmulator } from '../../src/reference/index.js';

/** The files `npm pack` puts in the tarball (scripts not run: the build is the one these tests run on). */
function packedFiles(): string[] {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const out = execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: packageRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return (JSON.parse(out) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
}

/**
 * The project paths a text names (a Markdown link, or a path with an extension in backticks) that a package with
 * these files lacks: a TypeScript source counts as there when its compiled JavaScript is.
 */
export function missingFromPackage(
  text: string,
  files: readonly string[],
  cloneOnly: readonly string[] = [],
  linksFrom = '',
): string[] {
  const have = new Set(files);
  const named = [
    // A link is relative to the page it is on; a path in backticks is the project's.
    ...[...text.matchAll(/\]\((?!https?:|#)([^)#\s]+)/g)].map((m) => posix.join(linksFrom, m[1]!)),
    ...[...text.matchAll(/`((?:[\w.-]+\/)+[\w.-]+\.\w{2,4})`/g)].map((m) => m[1]!),
  ];
  return [...new Set(named)].filter(
    (path) =>
      !have.has(path) &&
      !(path.endsWith('.ts') && have.has(`dist/${path.replace(/\.ts$/, '.js')}`)) &&
      !cloneOnly.some((dir) => path.startsWith(dir)),
  );
}

/**
 * The README and the pages of docs/ it links to, each with the folder its links are relative to. docs/evidence.md
 * is generated from the catalogue and names files of other repositories, its sources.
 */
function documentation(root: string): { page: string; text: string; linksFrom: string }[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const linked = [...readme.matchAll(/\]\((docs\/[\w-]+\.md)\)/g)].map((m) => m[1]!);
  return ['README.md', ...new Set(linked)]
    .filter((page) => page !== 'docs/evidence.md')
    .map((page) => ({ page, text: readFileSync(join(root, page), 'utf8'), linksFrom: posix.dirname(page) }));
}

/** What the pages name that a package with these files lacks, as `page: path`. */
function missingFromPages(root: string, files: readonly string[]): string[] {
  const pages = documentation(root);
  const cloneOnly = cloneOnlyFolders(pages.map((p) => p.text).join('\n'));
  assert.deepEqual(cloneOnly, ['mutants/', 'scripts/', 'test/']);
  return pages.flatMap(({ page, text, linksFrom }) =>
    missingFromPackage(text, files, cloneOnly, linksFrom === '.' ? '' : linksFrom).map((path) => `${page}: ${path}`),
  );
}

/** The folders the documentation says exist only in a clone (`mutants/`, … — exists only in a clone): never in the package. */
function cloneOnlyFolders(readme: string): string[] {
  const sentence = /What this page\s+names — (.*?) — exists only in a clone/s.exec(readme)?.[1] ?? '';
  return [...sentence.matchAll(/`([\w-]+\/)`/g)].map((m) => m[1]!);
}

test('npm pack: every file the README and docs/ name is in the package, and the bin, the config and the specs it runs', () => {
  const files = packedFiles();
  assert.deepEqual(missingFromPages(packageRoot, files), []);
  const { bin } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as {
    bin: Record<string, string>;
  };
  for (const path of [
    ...Object.values(bin),
    'dist/playwright.config.js',
    'dist/specs/registration.spec.js',
    'dist/reporters/conformance.js',
  ]) {
    assert.ok(files.includes(path), `${path} is not in the package`);
  }
  assert.ok(
    files.every((path) => !path.startsWith('dist/test/') && !path.startsWith('dist/mutants/')),
    "the project's own tests or mutants are packaged",
  );
});

test('the package check fails when a named file is missing', () => {
  const text = 'See [the evidence](docs/evidence.md), `examples/inbox-code.mjs` and `src/cli/main.ts`.';
  assert.deepEqual(
    missingFromPackage(text, ['docs/evidence.md', 'examples/inbox-code.mjs', 'dist/src/cli/main.js']),
    [],
  );
  assert.deepEqual(missingFromPackage(text, ['examples/inbox-code.mjs']), ['docs/evidence.md', 'src/cli/main.ts']);
  assert.deepEqual(missingFromPackage(`${text} And \`test/broker.test.ts\`.`, ['examples/inbox-code.mjs'], ['test/']), [
    'docs/evidence.md',
    'src/cli/main.ts',
  ]);
});

/** Every file below `dir`, as paths relative to it. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => relative(dir, join(dir, path)));
}

test('npm pack installed into an empty folder: npx wa-account-conformance --help and a run work there, init writes a file whose run reaches the depth init promised, and every path the README and docs/ name is there', async () => {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const dir = mkdtempSync(join(tmpdir(), 'wa-pack-'));
  const tarball = execFileSync(npm, ['pack', '--ignore-scripts', '--pack-destination', dir], {
    cwd: packageRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  })
    .trim()
    .split('\n')
    .at(-1)!;
  const app = join(dir, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{"name": "app", "private": true}');
  const installed = spawnSync(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', join(dir, tarball)], {
    cwd: app,
    encoding: 'utf8',
  });
  assert.equal(installed.status, 0, installed.stderr);
  // A package with install scripts (prepare, install…) makes npm warn whoever installs it.
  const ours = `${installed.stdout}${installed.stderr}`
    .split('\n')
    .filter((line) => /warn.*wa-account-conformance/i.test(line));
  assert.deepEqual(ours, [], 'npm warned about this package');
  const npx = (args: string[]) =>
    execFileSync(
      process.platform === 'win32' ? 'npx.cmd' : 'npx',
      ['--no-install', 'wa-account-conformance', ...args],
      { cwd: app, encoding: 'utf8', env: { ...process.env, CI: 'true' } },
    );
  assert.match(npx(['--help']), /^Usage: wa-account-conformance/);
  assert.match(
    npx(['--runs', '5', '--report-dir', join(dir, 'report')]),
    /^\d+ passed, 0 failed, \d+ skipped, 0 warned, \d+ info$/m,
  );
  // A first hour: init against an emulator of the user's own (the reference, foreign, codes in a header), then a run
  // with the file it wrote, both through npx as the README says. Asynchronous: the emulator answers from this process.
  const emulator = await startEmulator({ profile: 'legacy', sources: 'header' });
  try {
    const env = {
      ...process.env,
      CI: 'true',
      WA_CONFORMANCE_PASSWORD: emulator.admin.password,
      WA_CONFORMANCE_USER_PASSWORD: emulator.user.password,
    };
    const npxAsync = (args: string[]) =>
      promisify(execFile)(
        process.platform === 'win32' ? 'npx.cmd' : 'npx',
        ['--no-install', 'wa-account-conformance', ...args],
        {
          cwd: app,
          encoding: 'utf8',
          env,
        },
      );
    const init = await npxAsync(['init', '--target', emulator.server.url, '--non-admin', emulator.user.user]);
    const promised = /^depth: (\d+) of (\d+) requirements of the legacy profile will be judged/m.exec(init.stdout);
    assert.ok(promised, init.stdout);
    const run = await npxAsync([
      '--config',
      'conformance.json',
      '--runs',
      '5',
      '--report-dir',
      join(dir, 'init-report'),
    ]);
    const report = JSON.parse(readFileSync(join(dir, 'init-report', 'report.json'), 'utf8')) as ConformanceReport;
    const judged = report.requirements.filter((r) => r.verdict !== 'SKIP').length;
    assert.equal(judged, Number(promised[1]), `init promised ${promised[0]}; the run: ${report.depth.line}`);
    assert.match(run.stdout, /^\d+ passed, 0 failed, /m);
  } finally {
    await emulator.server.close();
  }
  const installedAt = join(app, 'node_modules', 'wa-account-conformance');
  assert.deepEqual(missingFromPages(installedAt, filesBelow(installedAt)), []);
});
