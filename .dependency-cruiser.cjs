// Who may import what (DESIGN.md): a folder tells what its files may depend on.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'protocol-is-a-leaf',
      comment: 'src/protocol: the names layers agree on without importing each other; it imports nothing',
      severity: 'error',
      from: { path: '^src/protocol/' },
      to: { pathNot: '^src/protocol/' },
    },
    {
      name: 'schema-is-ajv-only',
      comment: 'src/schema loads and validates the generated schemas with ajv; never Playwright',
      severity: 'error',
      from: { path: '^src/schema/' },
      to: {
        pathNot: ['^src/schema/', '^src/paths\\.ts$', '^src/generated/', '^node_modules/ajv/'],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'arbitraries-are-fast-check-and-schemas',
      comment:
        'src/arbitraries: fast-check, the schemas and the generated types; never Playwright, never the reference',
      severity: 'error',
      from: { path: '^src/arbitraries/' },
      to: {
        pathNot: [
          '^src/arbitraries/',
          '^src/schema/',
          '^src/cert/',
          '^src/generated/',
          '^src/paths\\.ts$',
          '^node_modules/(fast-check|ajv)/',
        ],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'cert-codec-is-protobuf-only',
      severity: 'error',
      from: { path: '^src/cert/' },
      to: { pathNot: ['^src/cert/', '^node_modules/protobufjs/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'reference-is-node-http-and-schemas',
      comment: 'src/reference: node, the schemas, the requirements types; never specs, fixtures or Playwright',
      severity: 'error',
      from: { path: '^src/reference/' },
      to: {
        pathNot: [
          '^src/reference/',
          '^src/protocol/',
          '^src/schema/',
          '^src/cert/',
          '^src/generated/',
          '^src/paths\\.ts$',
          '^src/requirements/',
          '^node_modules/ajv/',
        ],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'sources-reach-state-and-codes-only',
      comment:
        'src/sources: state and code sources and the numbers they give; node, undici, the client, the cert codec; never Playwright, the fixtures or the reference',
      severity: 'error',
      from: { path: '^src/sources/' },
      to: {
        pathNot: [
          '^src/sources/',
          '^src/client/',
          '^src/cert/',
          '^src/protocol/',
          '^src/generated/',
          '^node_modules/undici/',
        ],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'specs-use-the-public-surface',
      comment:
        'specs: fixtures, arbitraries, requirements; never the reference (it is just a URL) and never each other (registration.spec.ts runs the registration specs it imports)',
      severity: 'error',
      from: { path: '^specs/' },
      to: {
        pathNot: [
          '^specs/registration/',
          '^src/fixtures/index\\.ts$',
          '^src/arbitraries/index\\.ts$',
          '^src/requirements/index\\.ts$',
          '^src/model/index\\.ts$',
          '^src/generated/',
          '^node_modules/fast-check/',
        ],
      },
    },
    {
      name: 'reporters-see-requirements-only',
      comment:
        'reporters: the requirements catalogue, the result names of src/protocol and Playwright reporter types only',
      severity: 'error',
      from: { path: '^reporters/' },
      to: {
        pathNot: [
          '^reporters/',
          '^src/protocol/',
          '^src/requirements/',
          '^src/generated/',
          '^node_modules/@playwright/test/',
          '^node_modules/(picocolors|log-update)/',
        ],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'contracts-are-schemas-examples-and-pact',
      comment:
        'contracts: the schemas, the examples (arbitraries, cert codec) and Pact; never the reference or the fixtures',
      severity: 'error',
      from: { path: '^contracts/' },
      to: {
        pathNot: [
          '^contracts/',
          '^src/protocol/',
          '^src/arbitraries/',
          '^src/cert/',
          '^src/generated/',
          '^src/requirements/',
          '^src/paths\\.ts$',
          '^node_modules/(@pact-foundation|fast-check)/',
        ],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'only-the-cli-sits-on-top',
      comment: 'nothing below the CLI imports it; mutants/ drives runs the way the command does',
      severity: 'error',
      from: { pathNot: '^(src/cli|mutants)/' },
      to: { path: '^src/cli/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
