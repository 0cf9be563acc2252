import pc from 'picocolors';
import type { ConformanceReport, RequirementReport } from '../src/generated/types.js';
import { coverageByCategory, fieldsLine } from './coverage.js';
import { failureDetails, unjudgedDetails } from './failureText.js';
import { expectedFailureText, shownVerdict, summaryLine, sumOfWaits, type Verdict, waitsLine } from './verdicts.js';

const paint: Record<Verdict, (s: string) => string> = {
  PASS: pc.green,
  FAIL: pc.red,
  WARN: pc.yellow,
  INFO: pc.cyan,
  SKIP: pc.dim,
  XFAIL: pc.magenta,
  ERROR: (text) => pc.bold(pc.red(text)),
  BLOCKED: pc.magenta,
};

/** `PASS  MUST    ACCOUNT-SUNSET-1005  statement…` — one line per requirement. */
export function requirementLine(r: RequirementReport, width = 150): string {
  const verdict = shownVerdict(r);
  const head = `${verdict.padEnd(7)} ${r.level.padEnd(7)} ${r.id.padEnd(32)}`;
  const tail =
    r.verdict === 'SKIP'
      ? `skipped: ${r.reason}`
      : r.verdict === 'ERROR' || r.verdict === 'BLOCKED'
        ? (r.reason ?? r.statement)
        : r.observed?.length
          ? `observed: ${r.observed.join('; ')}`
          : r.expectedFailure
            ? expectedFailureText(r.expectedFailure)
            : r.statement;
  const room = Math.max(20, width - head.length - 1);
  const text = `${head} ${tail.length > room ? `${tail.slice(0, room - 1)}…` : tail}`;
  return r.expectedFailure?.stale ? pc.red(text) : paint[r.verdict](text);
}

function indent(text: string, by = '      '): string {
  return text
    .split('\n')
    .map((line) => `${by}${line}`)
    .join('\n');
}

/** The whole console report: lines, details of what broke, the property rate, the seed, the closing line. */
export function printReport(
  report: ConformanceReport,
  files: string[],
  log: (line: string) => void = console.log,
): void {
  for (const r of report.requirements) log(requirementLine(r));
  for (const r of report.requirements.filter(
    (x) => x.verdict === 'FAIL' || x.verdict === 'WARN' || x.verdict === 'XFAIL',
  )) {
    log(`\n${requirementLine(r)}\n${indent(failureDetails(r))}`);
  }
  for (const r of report.requirements.filter((x) => x.verdict === 'ERROR' || x.verdict === 'BLOCKED')) {
    log(`\n${requirementLine(r)}\n${indent(unjudgedDetails(r))}`);
  }
  const waited = report.requirements.filter((r) => r.waits);
  if (waited.length) {
    log(`\nwaits (reported, never judged): ${waitsLine(sumOfWaits(waited.map((r) => r.waits!))!)}`);
    for (const r of waited) log(`  ${r.id.padEnd(32)} ${waitsLine(r.waits!)}`);
  }
  for (const error of report.errors) log(`\nerror outside any test: ${error}`);
  const { requests, ms, requestsPerSecond } = report.property;
  log(
    `\nproperty phase: ${requests} generated requests in ${(ms / 1000).toFixed(2)} s (${requestsPerSecond} requests/s)`,
  );
  for (const c of coverageByCategory(report.property.coverage))
    log(`  ${c.category.padEnd(24)} ${String(c.requests).padStart(5)}  ${fieldsLine(c)}`);
  for (const r of report.requirements) {
    for (const t of r.tests.filter((x) => x.property?.concurrency)) {
      log(
        `  ${r.id}: requests in flight lowered from ${t.property!.concurrency!.from} to ${t.property!.concurrency!.to}, the target having asked the suite to wait`,
      );
    }
  }
  log(`seed: ${report.seed} (replay with --seed ${report.seed})`);
  log(`report: ${files.join(', ')}`);
  log(summaryLine(report.summary));
}
