import type { ConformanceReport, ExpectedFailure, InteropTally, TestRecord } from '../src/generated/types.js';
import { type CoverageRow, CoverageTally } from '../src/protocol/index.js';
import { catalogue } from '../src/requirements/index.js';
import { depthOf } from './depth.js';
import { interopOf } from './interop.js';
import { countVerdicts, requirementReports } from './verdicts.js';

export type RunInfo = Pick<
  ConformanceReport,
  'target' | 'profile' | 'seed' | 'startedAt' | 'finishedAt' | 'shards' | 'errors' | 'tool' | 'settings'
>;

/** The report of a run (or of merged shards) from its test records: one function, so merging cannot drift. */
export function buildReport(
  info: RunInfo,
  records: TestRecord[],
  expectedFailures: ExpectedFailure[] = [],
  /** What the tests saw of the interop catalogue, and whether a broken client is a WARN (--interop strict). */
  interop: { tallies: InteropTally[]; strict: boolean } = {
    tallies: records.flatMap((r) => r.interop ?? []),
    strict: false,
  },
): ConformanceReport {
  const requirements = requirementReports(catalogue, records, expectedFailures);
  const interopReport = interopOf(interop.tallies, interop.strict);
  const summary = countVerdicts(requirements);
  if (interop.strict) summary.warn += interopReport.entries.filter((e) => e.verdict === 'breaks').length;
  const requests = records.reduce((sum, r) => sum + (r.property?.requests ?? 0), 0);
  const registered = records.flatMap((r) => (r.registrations ? [r.registrations] : []));
  const ms = records.reduce((sum, r) => sum + (r.property?.ms ?? 0), 0);
  return {
    ...info,
    summary,
    property: {
      requests,
      ms: Math.round(ms),
      requestsPerSecond: ms > 0 ? Math.round(requests / (ms / 1000)) : 0,
      coverage: coverageOf(records),
    },
    ...(registered.length
      ? {
          registrations: {
            completed: registered.reduce((sum, r) => sum + r.completed, 0),
            restarts: registered.reduce((sum, r) => sum + r.restarts, 0),
            restartMs: registered.reduce((sum, r) => sum + r.restartMs, 0),
          },
        }
      : {}),
    depth: depthOf(requirements),
    interop: interopReport,
    requirements,
  };
}

/** The report of a run that stopped before any test (exit 2): nothing judged, and the one-line reason it printed. */
export function stoppedReport(
  info: Omit<RunInfo, 'finishedAt' | 'shards' | 'errors'>,
  reason: string,
): ConformanceReport {
  return {
    ...buildReport({ ...info, finishedAt: new Date().toISOString(), shards: [], errors: [] }, []),
    stopped: reason,
  };
}

/** Generated requests per category and field over all tests, by category then field. */
function coverageOf(records: TestRecord[]): CoverageRow[] {
  const tally = new CoverageTally();
  for (const { category, field, requests } of records.flatMap((r) => r.property?.coverage ?? []))
    tally.add(category, field, requests);
  return tally.rows();
}
