// Who may import what (README "Architecture"): default deny. Every folder has its entry in `layers`, the folders it
// may import and the npm packages; an import no entry allows fails, and so does a file in a folder without an entry.
// Imports inside a folder, of node's own modules, and of src/generated (types only) are allowed everywhere but the leaves.

/** Folder → what its files may import (folders of this repository, and npm packages as `npm:name`). */
const layers = {
  // Leaves: the names layers agree on, the types generated from the schemas, where the package lives.
  'src/protocol': [],
  'src/generated': [],
  'src/paths.ts': [],
  'src/cert': ['npm:protobufjs'],
  'src/schema': ['src/paths.ts', 'npm:ajv'],
  'src/requirements': [],
  'src/arbitraries': ['src/protocol', 'src/schema', 'src/cert', 'src/paths.ts', 'npm:fast-check', 'npm:ajv'],
  'src/client': ['src/protocol', 'npm:undici'],
  'src/sources': ['src/client', 'src/cert', 'src/protocol', 'npm:undici'],
  'src/settings': ['src/requirements', 'src/sources'],
  'src/reference': ['src/protocol', 'src/schema', 'src/cert', 'src/paths.ts', 'src/requirements', 'npm:ajv'],
  // What the specs are written with (through its index), and the model of registration built on it.
  'src/harness': [
    'src/client',
    'src/protocol',
    'src/schema',
    'src/settings',
    'src/sources',
    'src/arbitraries',
    'src/requirements',
    'npm:@playwright/test',
    'npm:fast-check',
  ],
  'src/model': ['src/harness', 'src/arbitraries', 'src/sources', 'npm:fast-check'],
  // The run library, on top: it wires the harness, the contracts and the reporters together.
  'src/run': [
    'src/arbitraries',
    'src/client',
    'src/harness',
    'src/settings',
    'src/sources',
    'src/protocol',
    'src/cert',
    'src/schema',
    'src/requirements',
    'src/paths.ts',
    'contracts',
    'reporters',
  ],
  // argv and printing: the commands, over the run library and the reference they may start.
  'src/cli': [
    'src/run',
    'src/reference',
    'src/protocol',
    'src/client',
    'src/requirements',
    'src/paths.ts',
    'reporters',
    'npm:commander',
  ],
  specs: [
    'specs/registration',
    'src/harness/index.ts',
    'src/arbitraries/index.ts',
    'src/requirements/index.ts',
    'src/model/index.ts',
    'npm:fast-check',
  ],
  'specs/registration': [
    'src/harness/index.ts',
    'src/arbitraries/index.ts',
    'src/requirements/index.ts',
    'src/model/index.ts',
    'contracts/verifyContracts.ts',
    'npm:fast-check',
  ],
  reporters: [
    'src/protocol',
    'src/requirements',
    'src/paths.ts',
    'npm:@playwright/test',
    'npm:picocolors',
    'npm:log-update',
  ],
  contracts: [
    'src/protocol',
    'src/arbitraries',
    'src/cert',
    'src/requirements',
    'src/settings',
    'src/paths.ts',
    'npm:@pact-foundation/pact',
    'npm:@pact-foundation/pact-core',
    'npm:fast-check',
  ],
  'playwright.config.ts': ['src/run', 'src/settings', 'npm:@playwright/test'],
  // Targets built to be wrong, and the kill matrix that runs the suite against them.
  mutants: [
    'src/run',
    'src/reference',
    'src/cert',
    'src/client',
    'src/paths.ts',
    'src/protocol',
    'src/requirements',
    'src/schema',
    'src/settings',
    'reporters',
    'npm:@playwright/test',
  ],
  scripts: [
    'src/run',
    'src/reference',
    'src/client',
    'src/arbitraries',
    'src/schema',
    'src/requirements',
    'src/paths.ts',
    'contracts',
    'mutants',
    'npm:@playwright/test',
    'npm:fast-check',
    'npm:json-schema-to-typescript',
    'npm:undici',
  ],
  'test/support': ['src', 'mutants', 'npm:fast-xml-parser'],
  'test/unit': [
    'src',
    'reporters',
    'contracts',
    'test/support',
    'npm:@playwright/test',
    'npm:fast-check',
    'npm:fast-xml-parser',
  ],
  'test/e2e': [
    'src',
    'specs',
    'reporters',
    'contracts',
    'mutants',
    'scripts',
    'test/support',
    'npm:@playwright/test',
    'npm:ajv',
    'npm:fast-check',
  ],
};

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** A folder matches the files under it; a file only itself. */
const pathOf = (entry) =>
  entry.startsWith('npm:')
    ? `^node_modules/${escape(entry.slice(4))}/`
    : /\.ts$/.test(entry)
      ? `^${escape(entry)}$`
      : `^${escape(entry)}/`;
/** The files of a folder entry itself, not of a deeper folder that has its own entry (specs vs specs/registration). */
const ownFiles = (folder) => {
  if (/\.ts$/.test(folder)) return { path: `^${escape(folder)}$` };
  const deeper = Object.keys(layers).filter((other) => other.startsWith(`${folder}/`) && !/\.ts$/.test(other));
  return { path: `^${escape(folder)}/`, ...(deeper.length ? { pathNot: deeper.map(pathOf) } : {}) };
};
const leaves = new Set(['src/protocol', 'src/generated', 'src/paths.ts']);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'warm-worker-loads-no-playwright',
      comment:
        "src/run/workerPrelude.ts loads a worker's modules before Playwright hands it its environment: Playwright's test runner reads that environment as it loads, so nothing the prelude reaches may load it",
      severity: 'error',
      from: { path: '^src/run/workerPrelude\\.ts$' },
      to: { path: '^node_modules/(@playwright/test|playwright)/', reachable: true },
    },
    {
      name: 'folder-without-rules',
      comment: 'every file lives in a folder that has an entry in `layers` of .dependency-cruiser.cjs',
      severity: 'error',
      from: { pathNot: Object.keys(layers).map(pathOf) },
      to: {},
    },
  ],
  allowedSeverity: 'error',
  allowed: [
    { from: {}, to: { dependencyTypes: ['core'] } },
    ...Object.entries(layers).map(([folder, may]) => ({
      from: ownFiles(folder),
      to: {
        path: [
          // Inside the folder; a folder with deeper entries (specs, test) reaches them only as its list says.
          ownFiles(folder).pathNot ? `^${escape(folder)}/[^/]+$` : pathOf(folder),
          ...(leaves.has(folder) ? [] : [pathOf('src/generated')]),
          ...may.map(pathOf),
        ],
      },
    })),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
// Read by test/e2e/architecture.test.ts (the README's table names the same folders); not enumerable, for depcruise
// takes no key it does not know.
Object.defineProperty(module.exports, 'layers', { value: layers });
