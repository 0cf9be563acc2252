import type { ExpectedFailure, RequirementReport, TestRecord, VerdictCounts } from '../src/generated/types.js';
import type { Level, Requirement } from '../src/requirements/index.js';

export type Verdict = RequirementReport['verdict'];

const brokenVerdict: Record<Level, Verdict> = { MUST: 'FAIL', SHOULD: 'WARN', INFO: 'INFO' };

/** Why a test that ran judged no answer: what it saw instead, most frequent first. */
export function nothingJudged({ notJudged = [] }: Pick<TestRecord, 'notJudged'>): string {
  const seen = [...notJudged].sort((a, b) => b.answers - a.answers).map((n) => `${n.reason} (${n.answers})`);
  return `no answer this requirement describes came back${seen.length ? `: ${seen.join('; ')}` : ''}`;
}

/**
 * The verdict of a requirement over all tests that name it: a failed test breaks it (FAIL for MUST, WARN for
 * SHOULD), all skipped makes it SKIP, an INFO requirement is never more than INFO. A FAIL listed as expected is
 * XFAIL; a listed requirement that no longer fails is stale.
 */
export function requirementReport(requirement: Requirement, tests: TestRecord[], expected?: ExpectedFailure): RequirementReport {
  const { id, level, statement, citation, evidence } = requirement;
  const judged = tests.reduce((sum, t) => sum + (t.judged ?? 0), 0);
  const notJudged = mergedNotJudged(tests);
  const base = { id, level, statement, citation, ...(evidence ? { evidence } : {}), judged, ...(notJudged.length ? { notJudged } : {}), tests };
  const ran = tests.filter((t) => t.outcome !== 'skipped');
  if (ran.length === 0) {
    return { ...base, verdict: 'SKIP', reason: tests.find((t) => t.skipReason)?.skipReason ?? 'no test ran' };
  }
  let verdict: Verdict = ran.some((t) => t.outcome === 'failed') ? brokenVerdict[level] : level === 'INFO' ? 'INFO' : 'PASS';
  if (!expected) return { ...base, verdict };
  if (verdict === 'FAIL') verdict = 'XFAIL';
  return { ...base, verdict, expectedFailure: { reason: expected.reason, stale: verdict !== 'XFAIL' } };
}

function mergedNotJudged(tests: TestRecord[]): { reason: string; answers: number }[] {
  const byReason = new Map<string, number>();
  for (const { reason, answers } of tests.flatMap((t) => t.notJudged ?? [])) byReason.set(reason, (byReason.get(reason) ?? 0) + answers);
  return [...byReason].map(([reason, answers]) => ({ reason, answers }));
}

/** Reports in catalogue order, for the requirements some test of the run names. */
export function requirementReports(catalogue: readonly Requirement[], records: TestRecord[], expectedFailures: ExpectedFailure[] = []): RequirementReport[] {
  const expected = new Map(expectedFailures.map((e) => [e.id, e]));
  return catalogue
    .map((requirement) => ({ requirement, tests: records.filter((r) => r.requirementIds.includes(requirement.id)) }))
    .filter(({ tests }) => tests.length > 0)
    .map(({ requirement, tests }) => requirementReport(requirement, tests, expected.get(requirement.id)));
}

export function countVerdicts(reports: RequirementReport[]): VerdictCounts {
  const counts: VerdictCounts = { pass: 0, fail: 0, warn: 0, info: 0, skip: 0, xfail: 0, stale: 0 };
  for (const r of reports) {
    counts[r.verdict.toLowerCase() as 'pass'] += 1;
    if (r.expectedFailure?.stale) counts.stale += 1;
  }
  return counts;
}

/** A run fails on any FAIL and on any stale expected-failure entry. */
export function runFailed(counts: VerdictCounts): boolean {
  return counts.fail > 0 || counts.stale > 0;
}

/** The closing line CI reads: `N passed, N failed`, then the other tiers. */
export function summaryLine(counts: VerdictCounts): string {
  const known = counts.xfail || counts.stale ? `, ${counts.xfail} expected failures, ${counts.stale} stale` : '';
  return `${counts.pass} passed, ${counts.fail} failed, ${counts.skip} skipped, ${counts.warn} warned, ${counts.info} info${known}`;
}
