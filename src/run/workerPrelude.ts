// The first worker's process, started with the run (src/run/warmWorker.ts): it loads what every Playwright worker
// loads — Playwright's own libraries, and the suite's modules that do not load Playwright — while the run's own
// process loads the runner; then it becomes the worker Playwright forks, once handed the environment Playwright would
// have given that fork. Nothing loaded before the handoff reads the environment as it loads (.dependency-cruiser.cjs
// keeps Playwright's test runner, which does, out of reach).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { type Handoff, playwrightRequire as playwright } from './warmWorker.js';

// Started as `workerPrelude.js ENTRY` (so that ps shows whose worker it is), it takes the argv a fork of ENTRY has:
// Playwright names a CPU profile after it.
const entry = process.argv[2]!;
process.argv.splice(1, 2, entry);

// Orphaned (the run ended before its tests), it ends too.
const orphaned = () => process.exit(0);
process.once('disconnect', orphaned);
let handedOver = false;
process.once('message', (handoff: Handoff) => {
  handedOver = true;
  process.off('disconnect', orphaned);
  for (const key of Object.keys(process.env)) if (!(key in handoff.env)) delete process.env[key];
  Object.assign(process.env, handoff.env);
  playwright(entry);
});
const bigScript = 256 * 1024;
const endRead = 4 * 1024;

/** The last bytes of a big script on disk (for its source-map comment); null for anything else, read as before. */
function endOfBigScript(path: string): string | null {
  if (!/\.[cm]?js$/.test(path) || path.startsWith('file:')) return null;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const { size } = fstatSync(fd);
    if (size < bigScript) return null;
    const end = Buffer.alloc(endRead);
    const read = readSync(fd, end, 0, endRead, size - endRead);
    // Never empty, so that source-map-support takes it rather than reading the script whole.
    return `\n${end.toString('utf8', 0, read)}`;
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const { sourceMapSupport } = playwright('playwright-core/lib/utilsBundle') as {
  sourceMapSupport: { install(options: object): void };
};
// Playwright maps every stack it captures (each step's, up to 200 frames) through source-map-support, which reads
// each script on a stack whole to find its sourceMappingURL comment — Playwright's own 3 MB bundles among them, the
// first time ~50 ms of every worker. The comment is a script's last line: a big one is read from its end.
sourceMapSupport.install({ environment: 'node', handleUncaughtExceptions: false, retrieveFile: endOfBigScript });
playwright('playwright-core/lib/coreBundle');
const [arbitraries] = await Promise.all([
  import('../arbitraries/index.js'),
  import('../cert/index.js'),
  import('../client/index.js'),
  import('../schema/registry.js'),
  import('../sources/numbers.js'),
  import('../../contracts/verifyContracts.js'),
]);

// Loaded before the runner has collected the specs, this process waits for its handoff: meanwhile it warms up what
// the first tests would otherwise pay for, one small step at a time, so that the handoff is taken between two.
const warmUps = arbitraries.warmUpSteps();
const warmUp = () => {
  if (handedOver || warmUps.length === 0) return;
  warmUps.shift()!();
  setImmediate(warmUp);
};
setImmediate(warmUp);
