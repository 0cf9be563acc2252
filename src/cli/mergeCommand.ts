import { join, resolve } from 'node:path';
import { buildReport } from '../../reporters/buildReport.js';
import { printReport } from '../../reporters/console.js';
import { writeReportFiles } from '../../reporters/reportFiles.js';
import type { ConformanceReport, TestRecord } from '../generated/types.js';
import { readExpectedFailures } from '../run/expectedFailuresFile.js';
import { readJsonFile } from '../run/jsonFile.js';
import { exitCodeOf } from '../run/runSuite.js';
import { UsageError } from '../run/usageError.js';

/** `merge DIR...`: the shards' test records, judged again together, into the same report files. */
export function mergeCommand(dirs: string[], options: { reportDir?: string; expectedFailures?: string }): number {
  const reports = dirs.map((dir) =>
    readJsonFile<ConformanceReport>(join(dir, 'report.json'), 'conformance-report', 'report'),
  );
  const first = reports[0]!;
  for (const [i, report] of reports.entries()) {
    if (report.stopped)
      throw new UsageError(`${dirs[i]} is the report of a run that stopped before any test: ${report.stopped}`);
    if (report.profile !== first.profile)
      throw new UsageError(`${dirs[i]} checked the ${report.profile} profile, ${dirs[0]} the ${first.profile} profile`);
    if (report.seed !== first.seed)
      throw new UsageError(
        `${dirs[i]} ran with seed ${report.seed}, ${dirs[0]} with ${first.seed}: run every shard with the same --seed`,
      );
  }
  // A test appears under each requirement it names, and in one shard only: keep one record per test ID.
  const records = new Map<string, TestRecord>();
  for (const report of reports) for (const r of report.requirements) for (const t of r.tests) records.set(t.id, t);
  const report = buildReport(
    {
      tool: first.tool,
      target: [...new Set(reports.map((r) => r.target))].join(', '),
      profile: first.profile,
      seed: first.seed,
      startedAt: reports.map((r) => r.startedAt).sort()[0]!,
      finishedAt: reports
        .map((r) => r.finishedAt)
        .sort()
        .at(-1)!,
      shards: reports.flatMap((r) => r.shards),
      errors: reports.flatMap((r) => r.errors),
      ...(first.settings ? { settings: first.settings } : {}),
    },
    [...records.values()],
    options.expectedFailures ? readExpectedFailures(options.expectedFailures) : [],
    // The probes judge no requirement: what the shards saw of the interop catalogue is summed from their reports.
    {
      tallies: reports.flatMap((r) =>
        (r.interop?.entries ?? []).map(({ id, works, breaks, evidence }) => ({
          id,
          works,
          breaks,
          ...(evidence ? { evidence } : {}),
        })),
      ),
      strict: reports.some((r) => r.interop?.strict),
    },
  );
  printReport(report, writeReportFiles(report, resolve(options.reportDir ?? 'conformance-report')));
  return exitCodeOf(report);
}
