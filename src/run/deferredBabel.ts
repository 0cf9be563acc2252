import Module from 'node:module';
import { dirname, join } from 'node:path';
import { playwrightRequire } from './warmWorker.js';

/** Playwright's Babel bundle, where its runner requires it from. */
export const babelBundleFile = join(
  dirname(playwrightRequire.resolve('playwright/package.json')),
  'lib',
  'transform',
  'babelBundle.js',
);

/** What the bundle exports (in the Playwright the suite pins; test/unit/run/deferredBabel.test.ts holds it to that). */
export const babelBundleExports = ['babelParse', 'babelTransform', 'declare', 'traverse', 'types'] as const;

const moduleCache = (Module as unknown as { _cache: Record<string, unknown> })._cache;

/**
 * Playwright's runner requires its Babel bundle (2.8 MB) as it loads, for TypeScript specs and for writing
 * snapshot rebaselines back into test sources; the suite's specs are JavaScript imported as they are
 * (PW_DISABLE_TS_ESM) and it takes no snapshots. Loading it put the run's first test ~60 ms later (medians of seven
 * alternating runs against ../shared/bench/specmatic/server.js); deferred, it is loaded the first time any of it is
 * used, and then serves as it always did.
 */
export function deferBabelBundle(): void {
  if (moduleCache[babelBundleFile]) return;
  let real: Record<string, unknown> | undefined;
  const load = () => {
    if (!real) {
      delete moduleCache[babelBundleFile];
      real = playwrightRequire(babelBundleFile) as Record<string, unknown>;
    }
    return real;
  };
  // As the bundle's own exports (esbuild's CommonJS of an ES module), so the runner's import reads them alike.
  const exports: Record<string, unknown> = Object.defineProperty({}, '__esModule', { value: true });
  for (const name of babelBundleExports) {
    Object.defineProperty(exports, name, {
      enumerable: true,
      // The runner keeps `types` in a variable as it loads: a stand-in that loads the bundle once it is used.
      get: () => (name === 'types' && !real ? lazyTypes(load) : load()[name]),
    });
  }
  const stub = new Module(babelBundleFile);
  Object.assign(stub, { filename: babelBundleFile, loaded: true, exports });
  moduleCache[babelBundleFile] = stub;
}

function lazyTypes(load: () => Record<string, unknown>): object {
  const types = () => load().types as object;
  return new Proxy(
    {},
    {
      get: (_, key) => Reflect.get(types(), key),
      has: (_, key) => Reflect.has(types(), key),
      ownKeys: () => Reflect.ownKeys(types()),
      getOwnPropertyDescriptor: (_, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(types(), key);
        return descriptor && { ...descriptor, configurable: true };
      },
    },
  );
}
