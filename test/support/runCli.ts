import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConformanceReport } from '../../src/generated/types.js';
import { packageRoot } from '../../src/paths.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  reportDir: string;
}

const main = join(packageRoot, 'dist', 'src', 'cli', 'main.js');

/** Runs the built CLI as a user would, in its own report directory; `started` gets its process id. */
export function runCli(
  args: string[],
  env: Record<string, string> = {},
  started?: (pid: number) => void,
): Promise<CliRun> {
  const reportDir = mkdtempSync(join(tmpdir(), 'wa-conformance-'));
  // `contracts` and `init` write no report; the run and `merge` do.
  const hasReportDir = args.includes('--report-dir') || args[0] === 'contracts' || args[0] === 'init';
  return runNode([main, ...args, ...(hasReportDir ? [] : ['--report-dir', reportDir])], env, started).then((run) => ({
    ...run,
    reportDir,
  }));
}

/** A node script with these arguments, without colours, its output collected. */
export function runNode(
  argv: string[],
  env: Record<string, string> = {},
  started?: (pid: number) => void,
): Promise<CliRun> {
  const child = spawn(process.execPath, argv, {
    env: { ...process.env, ...env, FORCE_COLOR: '0', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started?.(child.pid!);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) =>
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr, reportDir: '' })),
  );
}

export function readReport(run: CliRun): ConformanceReport {
  return JSON.parse(readFileSync(join(run.reportDir, 'report.json'), 'utf8'));
}

/** requirement ID → verdict of a run's report.json. */
export function verdictsOf(run: Pick<CliRun, 'reportDir'>): Record<string, string> {
  return Object.fromEntries(readReport(run as CliRun).requirements.map((r) => [r.id, r.verdict]));
}

/** A file with this content in a directory of its own, for configuration and expected-failures files. */
export function tempFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'wa-file-')), name);
  writeFileSync(path, content);
  return path;
}

/** None of `secrets` in any file under the report directory, nor in what the run printed. */
export function assertNoSecrets(run: CliRun, secrets: string[]): void {
  const files = readdirSync(run.reportDir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
  assert.ok(
    files.some((f) => f.name === 'report.json') && files.some((f) => f.name === 'junit.xml'),
    'the report was written',
  );
  for (const file of files) {
    const text = readFileSync(join(file.parentPath, file.name), 'utf8');
    for (const secret of secrets) assert.ok(!text.includes(secret), `a secret is in ${file.name}`);
  }
  for (const secret of secrets) assert.ok(!(run.stdout + run.stderr).includes(secret), 'a secret is in the output');
}

export function idsWithVerdict(run: CliRun, verdict: string): string[] {
  return readReport(run)
    .requirements.filter((r) => r.verdict === verdict)
    .map((r) => r.id);
}
