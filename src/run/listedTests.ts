import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { packageRoot } from '../paths.js';
import { requirementIdsIn } from '../protocol/index.js';
import { UsageError } from './usageError.js';

/** One spec test where its source declares it, with the requirements it names. */
export interface ListedTest {
  /** The spec's source, from the package root: `specs/registration/3-verify.ts`. */
  file: string;
  line: number;
  title: string;
  requirementIds: string[];
}

interface ListedSuite {
  suites?: ListedSuite[];
  specs?: {
    title: string;
    file: string;
    line: number;
    tests: { annotations: { type: string; description?: string }[] }[];
  }[];
}

export const suiteConfigFile = join(packageRoot, 'dist', 'playwright.config.js');

/** The suite's tests as Playwright lists them (`playwright test --list`): loaded, never run, nothing sent. */
export async function listedTests(): Promise<ListedTest[]> {
  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  const listed = await promisify(execFile)(
    process.execPath,
    [cli, 'test', '--config', suiteConfigFile, '--list', '--reporter=json'],
    { maxBuffer: 64 * 1024 * 1024 },
  ).catch((error: { stderr?: string; message: string }) => {
    throw new UsageError(`the specs could not be listed: ${(error.stderr || error.message).trim().split('\n')[0]}`);
  });
  const report = JSON.parse(listed.stdout) as { config: { rootDir: string }; suites: ListedSuite[] };
  const found: ListedTest[] = [];
  const walk = (suite: ListedSuite) => {
    for (const spec of suite.specs ?? []) {
      found.push({
        file: relative(packageRoot, resolve(report.config.rootDir, spec.file)),
        line: spec.line,
        title: spec.title,
        requirementIds: requirementIdsIn(spec.tests.flatMap((t) => t.annotations)),
      });
    }
    suite.suites?.forEach(walk);
  };
  report.suites.forEach(walk);
  return found;
}
