// The first worker's process, started with the run (src/run/warmWorker.ts): it loads what every Playwright worker
// loads — Playwright's own libraries, and the suite's modules that do not load Playwright — while the run's own
// process loads the runner; then it becomes the worker Playwright forks, once handed the environment Playwright would
// have given that fork. Nothing loaded before the handoff reads the environment as it loads (.dependency-cruiser.cjs
// keeps Playwright's test runner, which does, out of reach).
import { type Handoff, playwrightRequire as playwright } from './warmWorker.js';

// Started as `workerPrelude.js ENTRY` (so that ps shows whose worker it is), it takes the argv a fork of ENTRY has:
// Playwright names a CPU profile after it.
const entry = process.argv[2]!;
process.argv.splice(1, 2, entry);

// Orphaned (the run ended before its tests), it ends too.
const orphaned = () => process.exit(0);
process.once('disconnect', orphaned);
process.once('message', (handoff: Handoff) => {
  process.off('disconnect', orphaned);
  for (const key of Object.keys(process.env)) if (!(key in handoff.env)) delete process.env[key];
  Object.assign(process.env, handoff.env);
  playwright(entry);
});
playwright('playwright-core/lib/utilsBundle');
playwright('playwright-core/lib/coreBundle');
await Promise.all([
  import('../arbitraries/index.js'),
  import('../cert/index.js'),
  import('../client/index.js'),
  import('../schema/registry.js'),
  import('../sources/numbers.js'),
  import('../../contracts/verifyContracts.js'),
]);
