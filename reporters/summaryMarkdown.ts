import type { ConformanceReport } from '../src/generated/types.js';
import { coverageByCategory, fieldsLine, modelCoverage } from './coverage.js';
import { shallowRows } from './depth.js';
import { failureHeadline, failureLines, unjudgedDetails } from './failureText.js';
import { clientsLine, evidenceLine } from './interop.js';
import {
  byUrgency,
  dependantsOf,
  registrationsLine,
  settingsLine,
  shownVerdict,
  slowest,
  summaryLine,
  sumOfWaits,
  waitsLine,
} from './verdicts.js';

const icon: Record<string, string> = {
  PASS: '✅',
  FAIL: '❌',
  WARN: '⚠️',
  INFO: 'ℹ️',
  SKIP: '⏭️',
  XFAIL: '🟣',
  STALE: '❗',
  ERROR: '🛠️',
  BLOCKED: '⛔',
};

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** summary.md, for a CI step summary: counts, then a row per requirement, then what broke. */
export function summaryMarkdown(report: ConformanceReport): string {
  if (report.stopped)
    return `## wa-account-conformance: stopped before any test (exit 2)\n\n**${cell(report.stopped)}**\n\nNothing was judged: ${report.profile} profile against ${report.target}, ${report.tool.name} ${report.tool.version}.\n`;
  const settings = report.settings;
  const lines = [
    `## wa-account-conformance: ${report.profile} profile against ${report.target}`,
    '',
    `**${summaryLine(report.summary)}** · seed ${report.seed} · ${report.tool.name} ${report.tool.version}`,
    '',
    ...(settings ? [cell(settingsLine(settings)), ''] : []),
    cell(report.depth.line),
    '',
    '| | requirement | level | statement |',
    '|---|---|---|---|',
    ...byUrgency(report.requirements).map((r) => {
      const verdict = shownVerdict(r);
      const text =
        r.verdict === 'SKIP'
          ? `skipped: ${r.reason}`
          : r.verdict === 'ERROR' || r.verdict === 'BLOCKED'
            ? `${r.reason}`
            : r.verdict === 'FAIL'
              ? `${r.statement} **${failureHeadline(r) ?? ''}**`
              : r.observed?.length
                ? `${r.statement} Observed: ${r.observed.join('; ')}`
                : r.statement;
      return `| ${icon[verdict]} ${verdict} | \`${r.id}\` | ${r.level} | ${cell(text)} |`;
    }),
  ];
  const shallow = shallowRows(report.depth);
  if (shallow.length) {
    lines.push(
      '',
      '<details><summary>Not judged at full depth: what each lacked</summary>',
      '',
      '| requirement | depth | needs |',
      '|---|---|---|',
    );
    for (const r of shallow)
      lines.push(`| \`${r.id}\` | ${r.depth === 'partly' ? 'judged partly' : 'SKIP'} | ${cell(r.why.join('; '))} |`);
    lines.push('', '</details>');
  }
  const slow = slowest(report.requirements);
  if (slow.length)
    lines.push('', `Slowest: ${slow.map((r) => `\`${r.id}\` ${(r.ms / 1000).toFixed(1)} s`).join(', ')}`);
  const waited = report.requirements.filter((r) => r.waits);
  if (waited.length) {
    lines.push(
      '',
      `**Waits** (reported, never judged): ${cell(waitsLine(sumOfWaits(waited.map((r) => r.waits!))!))}`,
      '',
    );
    for (const r of waited) lines.push(`- \`${r.id}\`: ${cell(waitsLine(r.waits!))}`);
  }
  const registrations = registrationsLine(report);
  if (registrations) lines.push('', `**Registrations**: ${cell(registrations.replace(/^registrations: /, ''))}`);
  const interop = report.interop?.entries ?? [];
  if (interop.length) {
    const broken = interop.filter((e) => e.verdict === 'breaks');
    lines.push(
      '',
      `**Interop** (real clients, reported apart${report.interop!.strict ? '; --interop strict: each broken one a WARN' : ''}): ${broken.length} of ${interop.length} entries break their clients`,
      '',
      '| entry | clients | verdict | on |',
      '|---|---|---|---|',
    );
    for (const e of interop)
      lines.push(
        `| \`${e.id}\` | ${cell(clientsLine(e))} | ${e.verdict} | ${cell(e.verdict === 'breaks' ? (evidenceLine(e) ?? e.breaksOn) : '')} |`,
      );
  }
  const coverage = coverageByCategory(report.property.coverage);
  if (coverage.length) {
    lines.push(
      '',
      '<details><summary>Generated requests by category</summary>',
      '',
      '| category | requests | fields |',
      '|---|---:|---|',
    );
    for (const c of coverage) lines.push(`| ${c.category} | ${c.requests} | ${cell(fieldsLine(c))} |`);
    lines.push('', '</details>');
  }
  const model = modelCoverage(report);
  if (model) {
    lines.push('', `<details><summary>${cell(model.line)}</summary>`, '', '| transition | reached |', '|---|---:|');
    for (const { transition, count } of model.transitions) lines.push(`| ${cell(transition)} | ${count} |`);
    for (const transition of model.unreached) lines.push(`| ${cell(transition)} | none |`);
    lines.push('', '</details>');
  }
  // One root cause, once: a BLOCKED requirement is a row above and a line under what blocked it, not a section.
  const dependants = dependantsOf(report.requirements);
  const blockedLine = (id: string) => {
    const blocked = dependants.get(id);
    return blocked ? ['', `Blocked by it (not judged): ${blocked.map((b) => `\`${b}\``).join(', ')}`] : [];
  };
  for (const r of byUrgency(report.requirements).filter(
    (x) => x.verdict === 'FAIL' || x.verdict === 'WARN' || x.verdict === 'ERROR',
  )) {
    lines.push('', `### ${r.verdict} \`${r.id}\``, '');
    if (r.verdict === 'ERROR') lines.push('```', ...unjudgedDetails(r).split('\n'), '```');
    else {
      lines.push(`> ${r.citation.section}: 「${r.citation.quote}」 ${r.citation.url}`);
      for (const t of r.tests.filter((x) => x.outcome === 'failed')) lines.push('', '```', ...failureLines(t), '```');
    }
    lines.push(...blockedLine(r.id));
  }
  return `${lines.join('\n')}\n`;
}
