import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from '../../src/paths.js';
import { settingsToEnv } from '../../src/settings/runSettings.js';

interface ListedSuite {
  suites?: ListedSuite[];
  specs?: { title: string; file: string; tests: { annotations: { type: string; description?: string }[] }[] }[];
}

/** Each spec test as Playwright lists it (nothing is sent): its file, title and requirement IDs. */
export function listedTests(): { file: string; title: string; requirementIds: string[] }[] {
  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  const env = settingsToEnv({
    target: 'http://127.0.0.1:9',
    profile: 'sunset',
    seed: 1,
    runs: 1,
    concurrency: 1,
    workers: 1,
    timeoutMs: 1000,
    insecure: false,
    admin: { user: 'admin' },
    reportDir: join(packageRoot, 'dist', 'list-report'),
    numbers: {},
    sideEffects: false,
    controlProtocol: false,
    mintedCertificates: false,
    expectedFailures: [],
  });
  const out = execFileSync(
    process.execPath,
    [cli, 'test', '--config', join(packageRoot, 'dist', 'playwright.config.js'), '--list', '--reporter=json'],
    {
      env: { ...process.env, ...env },
      encoding: 'utf8',
    },
  );
  const found: { file: string; title: string; requirementIds: string[] }[] = [];
  const walk = (suite: ListedSuite) => {
    for (const spec of suite.specs ?? []) {
      const ids = spec.tests.flatMap((t) =>
        t.annotations.filter((a) => a.type === 'requirement').map((a) => a.description!),
      );
      found.push({ file: spec.file, title: spec.title, requirementIds: [...new Set(ids)] });
    }
    suite.suites?.forEach(walk);
  };
  (JSON.parse(out) as { suites: ListedSuite[] }).suites.forEach(walk);
  return found;
}
