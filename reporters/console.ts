import pc from 'picocolors';
import type { ConformanceReport, RequirementReport } from '../src/generated/types.js';
import { coverageByCategory, fieldsLine, modelCoverage } from './coverage.js';
import { shallowRows } from './depth.js';
import { failureDetails, failureHeadline, unjudgedDetails } from './failureText.js';
import { clientsLine, evidenceLine } from './interop.js';
import {
  byUrgency,
  expectedFailureText,
  registrationsLine,
  shownVerdict,
  slowest,
  summaryLine,
  sumOfWaits,
  toFix,
  type Verdict,
  waitsLine,
} from './verdicts.js';

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

/** `FAIL    MUST    ACCOUNT-SUNSET-1005  expected …; came back …` — a line per requirement; what to act on is never cut. */
export function requirementLine(r: RequirementReport, width = consoleWidth()): string {
  const verdict = shownVerdict(r);
  const head = `${verdict.padEnd(7)} ${r.level.padEnd(7)} ${r.id.padEnd(32)}`;
  const tail =
    r.verdict === 'SKIP'
      ? `skipped: ${r.reason}`
      : r.verdict === 'ERROR' || r.verdict === 'BLOCKED'
        ? (r.reason ?? r.statement)
        : r.expectedFailure
          ? expectedFailureText(r.expectedFailure)
          : r.verdict === 'FAIL' || (r.verdict === 'WARN' && !r.reason)
            ? (failureHeadline(r) ?? r.statement)
            : r.observed?.length
              ? `observed: ${r.observed.join('; ')}`
              : (r.reason ?? r.statement);
  const room = Math.max(40, width - head.length - 1);
  // What to act on (a failure, what a SKIP lacks) is wrapped in full; a PASS keeps to its one line.
  const text =
    verdict === 'PASS' || verdict === 'INFO'
      ? `${head} ${tail.length > room ? `${tail.slice(0, room - 1)}…` : tail}`
      : `${head} ${wrapped(tail, room, ' '.repeat(head.length + 1))}`;
  return r.expectedFailure?.stale ? pc.red(text) : paint[r.verdict](text);
}

/** The console's width, or 150 where output goes to a file or a CI log. */
function consoleWidth(): number {
  return process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : 150;
}

/** Text in lines of at most `room` characters, broken at spaces, the lines after the first indented. */
export function wrapped(text: string, room: number, indentBy: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > room) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join(`\n${indentBy}`);
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
  const ordered = byUrgency(report.requirements);
  for (const r of ordered) log(requirementLine(r));
  // The details in the same order: what to fix first is read first.
  for (const r of ordered.filter((x) => toFix(x) || x.verdict === 'XFAIL')) {
    const details = r.verdict === 'ERROR' || r.verdict === 'BLOCKED' ? unjudgedDetails(r) : failureDetails(r);
    log(`\n${requirementLine(r)}\n${indent(`requirement: ${r.statement}\n${details}`)}`);
  }
  const waited = report.requirements.filter((r) => r.waits);
  if (waited.length) {
    log(`\nwaits (reported, never judged): ${waitsLine(sumOfWaits(waited.map((r) => r.waits!))!)}`);
    for (const r of waited) log(`  ${r.id.padEnd(32)} ${waitsLine(r.waits!)}`);
  }
  const registrations = registrationsLine(report);
  if (registrations) log(`\n${registrations}`);
  for (const line of interopLines(report)) log(line);
  for (const error of report.errors) log(`\nerror outside any test: ${error}`);
  const { requests, ms, requestsPerSecond } = report.property;
  log(
    `\nproperty phase: ${requests} generated requests in ${(ms / 1000).toFixed(2)} s (${requestsPerSecond} requests/s)${inFlightLine(report)}${budgetLine(report)}`,
  );
  for (const c of coverageByCategory(report.property.coverage))
    log(`  ${c.category.padEnd(24)} ${String(c.requests).padStart(5)}  ${fieldsLine(c)}`);
  for (const r of report.requirements) {
    for (const { property } of r.tests) {
      const paced = property?.concurrency;
      if (!paced || paced.lowest >= paced.from) continue;
      const again = paced.to > paced.lowest ? `, then raised again to ${paced.to}` : '';
      log(
        `  ${r.id}: requests in flight lowered from ${paced.from} to ${paced.lowest}, the target having asked the suite to wait${again}`,
      );
    }
  }
  const model = modelCoverage(report);
  if (model) {
    log(model.line);
    for (const { transition, count } of model.transitions) log(`  ${String(count).padStart(5)}  ${transition}`);
    for (const transition of model.unreached) log(`  ${'none'.padStart(5)}  ${transition}`);
  }
  const slow = slowest(report.requirements);
  if (slow.length) log(`slowest: ${slow.map((r) => `${r.id} ${(r.ms / 1000).toFixed(1)} s`).join(', ')}`);
  log(`\n${report.depth.line}`);
  for (const row of shallowRows(report.depth)) {
    const head = `  ${(row.depth === 'partly' ? 'partly' : 'SKIP').padEnd(7)} ${row.id.padEnd(32)} `;
    log(`${head}${wrapped(row.why.join('; '), Math.max(40, consoleWidth() - head.length), ' '.repeat(head.length))}`);
  }
  log(`seed: ${report.seed} (replay with --seed ${report.seed})`);
  log(`report: ${files.join(', ')}`);
  log(summaryLine(report.summary));
}

/** The requests in flight the properties reached, of the most the run allowed. */
function inFlightLine(report: ConformanceReport): string {
  const paced = report.requirements.flatMap((r) => r.tests.flatMap((t) => t.property?.concurrency ?? []));
  if (!paced.length) return '';
  const reached = Math.max(...paced.map((p) => p.reached));
  const most = report.settings ? ` (at most ${report.settings.concurrency})` : '';
  return `; up to ${reached} in flight${most}`;
}

/** What --budget left unsent, when it did. */
function budgetLine(report: ConformanceReport): string {
  const notSent = report.requirements.reduce(
    (sum, r) => sum + r.tests.reduce((n, t) => n + (t.property?.notSent ?? 0), 0),
    0,
  );
  const budget = report.settings?.budgetSeconds;
  if (budget === undefined) return '';
  return notSent
    ? `; --budget ${budget} s: ${notSent} generated cases not sent, every category kept`
    : `; --budget ${budget} s: every generated case sent`;
}

/** The Interop section: per entry of the catalogue, whether the clients it names work with what the target did. */
function interopLines(report: ConformanceReport): string[] {
  const entries = report.interop?.entries ?? [];
  if (!entries.length) return [];
  const broken = entries.filter((e) => e.verdict === 'breaks').length;
  const head = `\ninterop (real clients, reported apart${report.interop!.strict ? '; --interop strict: each broken one a WARN' : ''}): ${broken} of ${entries.length} entries break their clients`;
  return [
    head,
    ...entries.map((e) => {
      const mark = e.verdict === 'breaks' ? (report.interop!.strict ? 'WARN' : 'breaks') : e.verdict;
      const evidence =
        e.verdict === 'breaks' ? `\n            ${e.breaksOn}; seen: ${evidenceLine(e) ?? 'no exchange kept'}` : '';
      return `  ${mark.padEnd(8)} ${e.id.padEnd(28)} ${clientsLine(e)}${evidence}`;
    }),
  ];
}
