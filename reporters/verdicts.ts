import type {
  ConformanceReport,
  ExpectedFailure,
  RequirementReport,
  ShownSettings,
  TestRecord,
  VerdictCounts,
} from '../src/generated/types.js';
import { addWaits, type Waits } from '../src/protocol/index.js';
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
 * SHOULD), all skipped makes it SKIP, an INFO requirement is never more than INFO. A test that could not judge it
 * makes it ERROR (the suite's own setup, a source, failed) or BLOCKED (the target broke another requirement on the
 * way), unless another test of it failed: a requirement is PASS only when every test that ran passed. A failure
 * that did not happen again when sent again is a WARN, whatever the level (a FAIL reproduces). A broken
 * requirement listed as expected is XFAIL; a listed one that no longer fails is stale.
 */
export function requirementReport(
  requirement: Requirement,
  tests: TestRecord[],
  expected?: ExpectedFailure,
): RequirementReport {
  const { id, level, statement, citation, evidence } = requirement;
  const judged = tests.reduce((sum, t) => sum + (t.judged ?? 0), 0);
  const notJudged = mergedNotJudged(tests);
  const observed = [...new Set(tests.flatMap((t) => t.observed ?? []))];
  const waits = sumOfWaits(tests.flatMap((t) => (t.waits ? [t.waits] : [])));
  const base = {
    id,
    level,
    statement,
    citation,
    ...(evidence ? { evidence } : {}),
    judged,
    ...(notJudged.length ? { notJudged } : {}),
    ...(observed.length ? { observed } : {}),
    ...(waits ? { waits } : {}),
    tests,
  };
  const ran = tests.filter((t) => t.outcome !== 'skipped');
  if (ran.length === 0) {
    return { ...base, verdict: 'SKIP', reason: tests.find((t) => t.skipReason)?.skipReason ?? 'no test ran' };
  }
  const broken = ran.some((t) => t.outcome === 'failed' && !t.flaky);
  const errored = ran.filter((t) => t.outcome === 'error');
  const blocked = ran.filter((t) => t.outcome === 'blocked');
  if (!broken && errored.length > 0)
    return { ...base, verdict: 'ERROR', reason: errored[0]!.skipReason ?? "not judged: the suite's own setup failed" };
  if (!broken && blocked.length > 0) {
    const blockedBy = [...new Set(blocked.flatMap((t) => (t.blockedBy ? [t.blockedBy] : [])))];
    return { ...base, verdict: 'BLOCKED', reason: blocked[0]!.skipReason ?? 'blocked', blockedBy };
  }
  // A failure that did not happen again when sent again is a WARN: a FAIL reproduces.
  const flaky = !broken && ran.some((t) => t.flaky);
  const verdict: Verdict = broken ? brokenVerdict[level] : level === 'INFO' ? 'INFO' : flaky ? 'WARN' : 'PASS';
  const flakyAnswer = ran.find((t) => t.flakyAnswer)?.flakyAnswer;
  if (!expected)
    return {
      ...base,
      verdict,
      ...(flaky
        ? { reason: `flaky: ${flakyAnswer ?? 'it failed once, and answered as expected when sent again'}` }
        : {}),
    };
  return { ...base, verdict: broken ? 'XFAIL' : verdict, expectedFailure: { reason: expected.reason, stale: !broken } };
}

/** Waits summed; undefined when there were none. */
export function sumOfWaits(all: Waits[]): Waits | undefined {
  return all.reduce<Waits | undefined>(addWaits, undefined);
}

/** `the target asked the suite to wait 14 times, 3.2 s in all (429 (Retry-After: 1)); 2 connections were closed by it and tried again` */
export function waitsLine(waits: Waits): string {
  const parts = [
    ...(waits.count
      ? [
          `the target asked the suite to wait ${waits.count} time${waits.count === 1 ? '' : 's'}, ${(waits.ms / 1000).toFixed(1)} s in all (${waits.reasons.join('; ')})`,
        ]
      : []),
    ...(waits.reconnects
      ? [
          `${waits.reconnects} request${waits.reconnects === 1 ? ' was' : 's were'} sent again on a fresh connection, the server having closed the kept-alive one`,
        ]
      : []),
  ];
  return parts.join('; ');
}

function mergedNotJudged(tests: TestRecord[]): { reason: string; answers: number }[] {
  const byReason = new Map<string, number>();
  for (const { reason, answers } of tests.flatMap((t) => t.notJudged ?? []))
    byReason.set(reason, (byReason.get(reason) ?? 0) + answers);
  return [...byReason].map(([reason, answers]) => ({ reason, answers }));
}

/** Reports in catalogue order, for the requirements some test of the run names. */
export function requirementReports(
  catalogue: readonly Requirement[],
  records: TestRecord[],
  expectedFailures: ExpectedFailure[] = [],
): RequirementReport[] {
  const expected = new Map(expectedFailures.map((e) => [e.id, e]));
  return catalogue
    .map((requirement) => ({ requirement, tests: records.filter((r) => r.requirementIds.includes(requirement.id)) }))
    .filter(({ tests }) => tests.length > 0)
    .map(({ requirement, tests }) => requirementReport(requirement, tests, expected.get(requirement.id)));
}

export function countVerdicts(reports: RequirementReport[]): VerdictCounts {
  const counts: VerdictCounts = {
    pass: 0,
    fail: 0,
    warn: 0,
    info: 0,
    skip: 0,
    xfail: 0,
    stale: 0,
    error: 0,
    blocked: 0,
  };
  for (const r of reports) {
    counts[r.verdict.toLowerCase() as 'pass'] += 1;
    if (r.expectedFailure?.stale) counts.stale += 1;
  }
  return counts;
}

/**
 * A run fails on any FAIL, on any stale expected-failure entry, and on a requirement BLOCKED by the target (the
 * requirement that blocked it is broken, even when this run did not select it).
 */
export function runFailed(counts: VerdictCounts): boolean {
  return counts.fail > 0 || counts.stale > 0 || counts.blocked > 0;
}

/** A run whose only problems are requirements the suite could not judge (ERROR): its setup is to mend, exit 2. */
export function runErrored(counts: VerdictCounts): boolean {
  return counts.error > 0 && !runFailed(counts);
}

/** The closing line CI reads: `N passed, N failed`, then the other tiers. */
export function summaryLine(counts: VerdictCounts): string {
  const known = counts.xfail || counts.stale ? `, ${counts.xfail} expected failures, ${counts.stale} stale` : '';
  const unjudged = counts.error || counts.blocked ? `, ${counts.error} errors, ${counts.blocked} blocked` : '';
  return `${counts.pass} passed, ${counts.fail} failed, ${counts.skip} skipped, ${counts.warn} warned, ${counts.info} info${known}${unjudged}`;
}

/** Requirement ID → the requirements it BLOCKED: one root cause, shown once with what it kept from the target. */
export function dependantsOf(requirements: readonly RequirementReport[]): Map<string, string[]> {
  const dependants = new Map<string, string[]>();
  for (const r of requirements.filter((x) => x.verdict === 'BLOCKED')) {
    for (const by of r.blockedBy ?? []) dependants.set(by, [...(dependants.get(by) ?? []), r.id]);
  }
  return dependants;
}

/** The verdict a report shows: STALE for an expected failure that no longer fails (it fails the gate). */
export function shownVerdict(r: RequirementReport): RequirementReport['verdict'] | 'STALE' {
  return r.expectedFailure?.stale ? 'STALE' : r.verdict;
}

/** What every report says of an expected failure: what to do with a stale entry, or that it is known. */
export function expectedFailureText(expected: NonNullable<RequirementReport['expectedFailure']>): string {
  return `${expected.stale ? 'listed as expected to fail, but it passes: remove the entry' : 'expected failure'} (${expected.reason})`;
}

const urgency: Record<ReturnType<typeof shownVerdict>, number> = {
  FAIL: 0,
  STALE: 0,
  ERROR: 1,
  BLOCKED: 2,
  WARN: 3,
  PASS: 4,
  INFO: 4,
  XFAIL: 4,
  SKIP: 4,
};

/** What to fix first: FAIL (and stale entries), ERROR, BLOCKED, WARN, then the rest as they came (catalogue order). */
export function byUrgency<R extends RequirementReport>(requirements: readonly R[]): R[] {
  return [...requirements].sort((a, b) => urgency[shownVerdict(a)] - urgency[shownVerdict(b)]);
}

/** Whether a report leads with it: it is to fix, or it could not be judged. */
export function toFix(r: RequirementReport): boolean {
  return urgency[shownVerdict(r)] < urgency.PASS;
}

/** The requirements that took longest, with their tests' time summed: where a slow run's time went. */
export function slowest(requirements: readonly RequirementReport[], count = 5): { id: string; ms: number }[] {
  return requirements
    .map((r) => ({ id: r.id, ms: Math.round(r.tests.reduce((sum, t) => sum + (t.durationMs ?? 0), 0)) }))
    .filter((r) => r.ms > 0)
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count);
}

/** `sources: the control protocol; numbers: fresh numbers (…)`: what decides how deep a run can go. */
export function settingsLine(settings: ShownSettings): string {
  const registrations =
    settings.registrations === undefined
      ? ''
      : `; at most ${settings.registrations} registrations (--registrations): on a real cluster each restarts Coreapp`;
  return `sources: ${settings.sources.length ? settings.sources.join(', ') : 'none'}; numbers: ${settings.numbers}${registrations}`;
}

/** What the run's registrations cost: how many it completed, of how many allowed, and the restarts it waited out. */
export function registrationsLine(report: ConformanceReport): string | undefined {
  const done = report.registrations;
  const most = report.settings?.registrations;
  if (!done && most === undefined) return undefined;
  const { completed = 0, restarts = 0, restartMs = 0 } = done ?? {};
  const restarted = restarts
    ? `the target restarted ${restarts} time${restarts === 1 ? '' : 's'} after them, ${(restartMs / 1000).toFixed(1)} s in all, each waited for once`
    : 'no restart seen after them';
  return `registrations: ${completed} completed${most === undefined ? '' : ` of at most ${most} (--registrations)`}; ${restarted}`;
}
