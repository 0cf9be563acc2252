import type { Level, Requirement } from '../src/requirements/index.js';

export type Verdict = 'PASS' | 'FAIL' | 'WARN' | 'INFO' | 'SKIP';

/** One exchange of a test's wire log, already redacted by the worker. */
export interface LoggedExchange {
  case: string;
  request: { method: string; url: string; headers: Record<string, string>; body?: string };
  response?: { status: number; headers: Record<string, string>; body: string };
  error?: string;
  durationMs: number;
  curl: string;
}

/** What the reporter keeps of one finished test. */
export interface TestRecord {
  title: string;
  requirementIds: string[];
  outcome: 'passed' | 'failed' | 'skipped';
  skipReason?: string;
  error?: string;
  wireLog: LoggedExchange[];
  property?: { runs: number; requests: number; ms: number };
}

export interface RequirementResult {
  requirement: Requirement;
  verdict: Verdict;
  /** Why it was skipped, for SKIP. */
  reason?: string;
  tests: TestRecord[];
}

const brokenVerdict: Record<Level, Verdict> = { MUST: 'FAIL', SHOULD: 'WARN', INFO: 'INFO' };

/**
 * The verdict of a requirement over all tests that name it: a failed test breaks it (FAIL for MUST, WARN for
 * SHOULD), all skipped makes it SKIP, and an INFO requirement is never more than INFO.
 */
export function verdictOf(requirement: Requirement, tests: TestRecord[]): RequirementResult {
  const ran = tests.filter((t) => t.outcome !== 'skipped');
  if (ran.length === 0) {
    return { requirement, verdict: 'SKIP', reason: tests.find((t) => t.skipReason)?.skipReason ?? 'no test ran', tests };
  }
  if (ran.some((t) => t.outcome === 'failed')) return { requirement, verdict: brokenVerdict[requirement.level], tests };
  return { requirement, verdict: requirement.level === 'INFO' ? 'INFO' : 'PASS', tests };
}

/** Verdicts in catalogue order, for the requirements some test of this run names. */
export function verdicts(catalogue: readonly Requirement[], records: TestRecord[]): RequirementResult[] {
  return catalogue
    .map((requirement) => ({ requirement, tests: records.filter((r) => r.requirementIds.includes(requirement.id)) }))
    .filter(({ tests }) => tests.length > 0)
    .map(({ requirement, tests }) => verdictOf(requirement, tests));
}

export type Counts = Record<'pass' | 'fail' | 'warn' | 'info' | 'skip', number>;

export function countVerdicts(results: RequirementResult[]): Counts {
  const counts: Counts = { pass: 0, fail: 0, warn: 0, info: 0, skip: 0 };
  for (const r of results) counts[r.verdict.toLowerCase() as keyof Counts] += 1;
  return counts;
}

/** The closing line CI reads: `N passed, N failed`, then the other tiers. */
export function summaryLine(counts: Counts): string {
  return `${counts.pass} passed, ${counts.fail} failed, ${counts.skip} skipped, ${counts.warn} warned, ${counts.info} info`;
}
