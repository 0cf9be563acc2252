import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../src/paths.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  reportDir: string;
}

const main = join(packageRoot, 'dist', 'src', 'cli', 'main.js');

/** Runs the built CLI as a user would, in its own report directory. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const reportDir = mkdtempSync(join(tmpdir(), 'wa-conformance-'));
  // `contracts` writes no report; the run and `merge` do.
  const hasReportDir = args.includes('--report-dir') || args[0] === 'contracts';
  const child = spawn(process.execPath, [main, ...args, ...(hasReportDir ? [] : ['--report-dir', reportDir])], {
    env: { ...process.env, ...env, FORCE_COLOR: '0', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr, reportDir })));
}

export interface ReportRequirement {
  id: string;
  verdict: string;
  reason?: string;
  tests: { outcome: string; error?: string }[];
}

export function readReport(run: CliRun): { summary: Record<string, number>; requirements: ReportRequirement[]; seed: number } {
  return JSON.parse(readFileSync(join(run.reportDir, 'report.json'), 'utf8'));
}

export function idsWithVerdict(run: CliRun, verdict: string): string[] {
  return readReport(run).requirements.filter((r) => r.verdict === verdict).map((r) => r.id);
}
