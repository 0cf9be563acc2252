import type { ConformanceReport, LoggedExchange, RequirementReport, TestRecord } from '../src/generated/types.js';
import { sectionHeading } from '../src/requirements/index.js';
import { coverageByCategory, modelCoverage } from './coverage.js';
import { shallowRows } from './depth.js';
import { failureHeadline } from './failureText.js';
import { escapeMarkup as escape } from './markup.js';
import {
  byUrgency,
  expectedFailureText,
  shownVerdict,
  slowest,
  summaryLine,
  sumOfWaits,
  toFix,
  waitsLine,
} from './verdicts.js';

const verdicts = ['PASS', 'FAIL', 'ERROR', 'BLOCKED', 'WARN', 'INFO', 'SKIP', 'XFAIL', 'STALE'] as const;

function exchangeText(e: LoggedExchange): string {
  const request = [
    `${e.request.method} ${e.request.url}`,
    ...Object.entries(e.request.headers).map(([k, v]) => `${k}: ${v}`),
    '',
    e.request.body ?? '',
  ];
  const response = e.response
    ? [
        `HTTP ${e.response.status}`,
        ...Object.entries(e.response.headers).map(([k, v]) => `${k}: ${v}`),
        '',
        e.response.body,
      ]
    : [`no answer: ${e.error ?? 'unknown'}`];
  return [...request, '', ...response].join('\n');
}

function testDetails(t: TestRecord): string {
  const f = t.failure;
  const rows: string[] = [`<h4>${escape(t.title)}</h4>`];
  if (f) {
    if (f.expected !== undefined)
      rows.push(
        `<dl class="ea"><dt>expected</dt><dd class="expected">${escape(f.expected)}</dd><dt>actual</dt><dd class="actual">${escape(f.actual ?? '')}</dd></dl>`,
      );
    else rows.push(`<pre class="message">${escape(f.message)}</pre>`);
    if (f.counterexample)
      rows.push(`<p>counterexample: <code class="counterexample">${escape(f.counterexample)}</code></p>`);
    if (f.replay) rows.push(`<p>replay: <code>${escape(f.replay)}</code></p>`);
    if (f.curl) rows.push(`<p>reproduce:</p><pre class="curl">${escape(f.curl)}</pre>`);
    if (f.correlation) rows.push(`<p>X-Conformance-Case: <code>${escape(f.correlation)}</code></p>`);
  }
  if (t.outcome === 'blocked' || t.outcome === 'error')
    rows.push(`<p class="reason">${escape(t.skipReason ?? '')}</p>`);
  if (t.sourceCalls?.length) {
    rows.push(
      `<details class="wire"><summary>source calls (${t.sourceCalls.length})</summary><pre>${t.sourceCalls.map((c) => escape(`${c.ok ? 'ok    ' : 'FAILED'} ${c.source}: ${c.call} -> ${c.answer} (${c.ms} ms)`)).join('\n')}</pre></details>`,
    );
  }
  if (t.wireLog.length) {
    rows.push(
      `<details class="wire"><summary>wire log (${t.wireLog.length} exchanges, last kept)</summary>${t.wireLog.map((e) => `<pre>${escape(exchangeText(e))}</pre>`).join('')}</details>`,
    );
  }
  return rows.join('\n');
}

function totalWaits(report: ConformanceReport): string {
  const waits = sumOfWaits(report.requirements.flatMap((r) => (r.waits ? [r.waits] : [])));
  return waits ? `\n<p class="waits" id="waits">waits (reported, never judged): ${escape(waitsLine(waits))}</p>` : '';
}

/** What the collapsed row says beside the statement: why it was not judged, or what was seen. */
function summaryNote(r: RequirementReport): string {
  // A failure's first line, visible without opening it: what was expected and what came back.
  const headline = r.verdict === 'FAIL' || r.verdict === 'WARN' ? (r.reason ?? failureHeadline(r)) : undefined;
  if (headline) return `<br><span class="headline">${escape(headline)}</span>`;
  const note =
    r.verdict === 'SKIP'
      ? `skipped: ${r.reason ?? ''}`
      : r.verdict === 'BLOCKED'
        ? `blocked by ${(r.blockedBy ?? []).join(', ')}`
        : r.verdict === 'ERROR'
          ? `not judged: ${r.reason ?? ''}`
          : r.observed?.length
            ? `observed: ${r.observed.join('; ')}`
            : '';
  return note ? ` <span class="why">— ${escape(note)}</span>` : '';
}

/** The run's settings, at the head of the report: what it ran against and with what. */
function settingsList(report: ConformanceReport): string {
  const s = report.settings;
  const rows: [string, string][] = [
    ['target', report.target],
    ['profile', report.profile],
    ...(s
      ? ([
          ['sources', s.sources.length ? s.sources.join('; ') : 'none'],
          ['numbers', s.numbers],
          [
            'run',
            `${s.runs} generated requests per property, ${s.concurrency} in flight, ${s.workers} worker${s.workers === 1 ? '' : 's'}, at most ${s.authProbes} bad logins${s.sideEffects ? ', side effects allowed' : ''}${s.nonAdmin ? ', a non-admin account' : ''}${s.maxTimeSeconds ? `, deadline ${s.maxTimeSeconds} s` : ''}`,
          ],
        ] as [string, string][])
      : []),
    ['seed', `${report.seed} (replay with --seed ${report.seed})`],
    ['suite', `${report.tool.name} ${report.tool.version}`],
    ['time', `${report.startedAt} → ${report.finishedAt}`],
    ...(report.shards.length ? ([['shards', report.shards.join(', ')]] as [string, string][]) : []),
  ];
  return `<dl class="settings" id="settings">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${escape(v)}</dd>`).join('')}</dl>`;
}

function depthTable(report: ConformanceReport): string {
  const shallow = shallowRows(report.depth);
  if (!shallow.length) return '';
  return `\n<details class="depth" id="depth-table"><summary>not judged at full depth: what each lacked (${shallow.length})</summary>
<table><thead><tr><th>requirement</th><th>depth</th><th>needs</th></tr></thead><tbody>
${shallow.map((r) => `<tr><td><a href="#${escape(r.id)}">${escape(r.id)}</a></td><td>${r.depth === 'partly' ? 'judged partly' : 'SKIP'}</td><td>${r.why.map(escape).join('<br>')}</td></tr>`).join('\n')}
</tbody></table></details>`;
}

function slowestList(report: ConformanceReport): string {
  const slow = slowest(report.requirements);
  if (!slow.length) return '';
  return `\n<p id="slowest">slowest: ${slow.map((r) => `<a href="#${escape(r.id)}">${escape(r.id)}</a> ${(r.ms / 1000).toFixed(1)} s`).join(', ')}</p>`;
}

function requirementRow(r: RequirementReport, open = false): string {
  const verdict = shownVerdict(r);
  const note =
    r.verdict === 'SKIP'
      ? `<p class="reason">skipped: ${escape(r.reason ?? '')}</p>`
      : r.verdict === 'BLOCKED'
        ? `<p class="reason">blocked by ${(r.blockedBy ?? []).map((id) => `<a href="#${escape(id)}">${escape(id)}</a>`).join(', ')}: fix that first</p>`
        : r.verdict === 'ERROR'
          ? `<p class="reason">not judged: the suite's own setup failed (a source, not the target)</p>`
          : r.observed?.length
            ? `<p class="reason">observed: ${escape(r.observed.join('; '))}</p>`
            : r.expectedFailure
              ? `<p class="reason">${escape(expectedFailureText(r.expectedFailure))}</p>`
              : '';
  const failed = r.tests.filter((t) => t.outcome === 'failed' || t.outcome === 'blocked' || t.outcome === 'error');
  const judged = `<p class="judged">judged ${r.judged} answer${r.judged === 1 ? '' : 's'}${r.notJudged?.length ? `; not judged: ${r.notJudged.map((n) => `${escape(n.reason)} (${n.answers})`).join('; ')}` : ''}</p>`;
  const waited = r.waits ? `<p class="waits">waits (reported, never judged): ${escape(waitsLine(r.waits))}</p>` : '';
  const body = `<p class="statement">${escape(r.statement)}</p>${note}${judged}${waited}
<p class="cite">${escape(r.citation.section)}: 「${escape(r.citation.quote)}」 <a href="${escape(r.citation.url)}">${escape(r.citation.url)}</a>${r.evidence ? `<br>evidence: ${escape(r.evidence)}` : ''}</p>
${failed.map(testDetails).join('\n')}`;
  return `<details class="req" id="${escape(r.id)}" data-verdict="${verdict}"${open ? ' open' : ''}>
<summary><span class="chip ${verdict}">${verdict}</span> <span class="level">${r.level}</span> <code class="id">${escape(r.id)}</code> <span class="title">${escape(r.statement)}</span>${summaryNote(r)}</summary>
<div class="body">${body}</div>
</details>`;
}

function coverageTable(report: ConformanceReport): string {
  const rows = coverageByCategory(report.property.coverage).flatMap((c) =>
    c.fields.map(
      (f, i) =>
        `<tr>${i === 0 ? `<th rowspan="${c.fields.length}" scope="rowgroup">${escape(c.category)} <span class="total">${c.requests}</span></th>` : ''}<td>${escape(f.field)}</td><td class="n">${f.requests}</td></tr>`,
    ),
  );
  if (!rows.length) return '';
  return `<details class="coverage" id="coverage"><summary>generated requests by category and field</summary>
<table><thead><tr><th>category</th><th>field</th><th>requests</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></details>`;
}

function modelTable(report: ConformanceReport): string {
  const model = modelCoverage(report);
  if (!model) return '';
  const rows = [
    ...model.transitions.map(({ transition, count }) => [transition, String(count)]),
    ...model.unreached.map((transition) => [transition, 'none']),
  ].map(([transition, count]) => `<tr><td>${escape(transition!)}</td><td class="n">${count}</td></tr>`);
  return `<details class="coverage" id="model"><summary>${escape(model.line)}</summary>
<table><thead><tr><th>transition</th><th>reached</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></details>`;
}

/** Per interop entry: the clients it names (linked to their source), whether they work with what the target did, and the exchange that broke them. */
function interopSection(report: ConformanceReport): string {
  const interop = report.interop;
  if (!interop?.entries.length) return '';
  const broken = interop.entries.filter((e) => e.verdict === 'breaks').length;
  const rows = interop.entries.map((e) => {
    const mark = e.verdict === 'breaks' && interop.strict ? 'WARN' : e.verdict;
    // The chips' colours: a broken client as a WARN or an INFO, one that works as a PASS, one not seen as a SKIP.
    const chip = { breaks: interop.strict ? 'WARN' : 'INFO', works: 'PASS', 'not-seen': 'SKIP' }[e.verdict];
    const clients = e.clients
      .map((c) => `<a href="${escape(c.repository)}">${escape(c.name)}</a> <code>${escape(c.file)}</code>`)
      .join('<br>');
    const evidence = e.evidence
      ? `<details><summary>the exchange</summary><pre>${escape(exchangeText(e.evidence as LoggedExchange))}</pre></details>`
      : '';
    return `<tr class="${escape(e.verdict)}"><td><span class="chip ${chip}">${escape(mark)}</span></td><td><code>${escape(e.id)}</code><br>${escape(e.title)}</td><td>${clients}</td><td>${escape(e.verdict === 'breaks' ? e.breaksOn : e.why)}${evidence}</td></tr>`;
  });
  return `<div id="interop"><h2>Interop: real clients</h2>
<p>Read in the clients' sources; reported apart from the requirements${interop.strict ? ' (--interop strict: each broken client is a WARN)' : ', never changing the verdict'}: ${broken} of ${interop.entries.length} entries break their clients.</p>
<table class="interop"><thead><tr><th></th><th>entry</th><th>clients</th><th>what breaks them</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></div>`;
}

/** report.html: one self-contained file (inline style and script, nothing fetched), requirements grouped by section. */
export function reportHtml(report: ConformanceReport): string {
  // What to fix leads, the first of it open; the rest follows by section of the page.
  const first = byUrgency(report.requirements.filter(toFix));
  const sections = new Map<string, RequirementReport[]>();
  for (const r of report.requirements.filter((x) => !toFix(x)))
    sections.set(r.citation.section, [...(sections.get(r.citation.section) ?? []), r]);
  const counts = Object.fromEntries(
    verdicts.map((v) => [v, report.requirements.filter((r) => shownVerdict(r) === v).length]),
  );
  const filters = verdicts
    .map(
      (v) =>
        `<label class="chip ${v}"><input type="checkbox" data-filter="${v}" checked> ${v} <span id="count-${v.toLowerCase()}">${counts[v]}</span></label>`,
    )
    .join(' ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>wa-account-conformance: ${escape(report.profile)} against ${escape(report.target)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px/1.45 system-ui,-apple-system,'Segoe UI','Noto Sans','Noto Sans CJK JP','Source Han Sans JP','Hiragino Sans','Yu Gothic','Meiryo','WenQuanYi Micro Hei','Droid Sans Fallback',sans-serif;margin:1.5rem;color:#1b1b1b}
h1{font-size:1.3rem} h2{font-size:1.05rem;margin-top:1.5rem;border-bottom:1px solid #ddd}
.chip{display:inline-block;padding:0 .45em;border-radius:.3em;font-weight:600;font-size:.85em;color:#fff}
.PASS{background:#2e7d32}.FAIL{background:#c62828}.WARN{background:#ef6c00}.INFO{background:#0277bd}.SKIP{background:#757575}.XFAIL{background:#6a1b9a}.STALE{background:#ad1457}.ERROR{background:#4e342e}.BLOCKED{background:#5d4037}
label.chip{cursor:pointer;margin-right:.3em}
details.req{border:1px solid #e0e0e0;border-radius:.3em;margin:.25rem 0;padding:.3rem .5rem}
details.req>summary{cursor:pointer}.level{font-size:.8em;color:#555;width:4.5em;display:inline-block}
.id{font-weight:600}.body{padding:.3rem 0 .3rem 1rem}.cite{color:#555;font-size:.9em}
pre{background:#f6f6f6;padding:.5rem;overflow:auto;white-space:pre-wrap;word-break:break-all}
dl.ea{display:grid;grid-template-columns:6em 1fr;gap:.2em}dl.ea dt{font-weight:600}dl.ea dd{margin:0;font-family:monospace}
.summary{font-size:1.05rem;font-weight:600}dl.settings{display:grid;grid-template-columns:6em 1fr;gap:.1em .5em;font-size:.9em;color:#333}dl.settings dt{font-weight:600}dl.settings dd{margin:0}#to-fix h2{color:#c62828}.headline{font-family:monospace;color:#c62828}.stopped{font-size:1.1rem;font-weight:600;color:#c62828}
.coverage table{border-collapse:collapse;margin:.4rem 0}.coverage th,.coverage td{border:1px solid #e0e0e0;padding:.1rem .5rem;text-align:left}
.coverage td.n,.total{text-align:right;font-variant-numeric:tabular-nums}.total{color:#555;font-weight:400}.judged{color:#555;font-size:.9em}.why{color:#666;font-style:italic}
</style></head>
<body>
<h1>wa-account-conformance — ${escape(report.profile)} profile</h1>
${report.stopped ? `<p class="stopped" id="stopped">Stopped before any test (exit 2): ${escape(report.stopped)}</p>` : ''}
<p class="summary" id="summary">${escape(summaryLine(report.summary))}</p>
${first.length ? `<section id="to-fix"><h2>To fix first</h2>\n${first.map((r, i) => requirementRow(r, i === 0)).join('\n')}</section>` : ''}
${settingsList(report)}
<p class="depth" id="depth">${escape(report.depth.line)}</p>${depthTable(report)}${slowestList(report)}${totalWaits(report)}
<p>property phase: ${report.property.requests} generated requests (${report.property.requestsPerSecond} requests/s)</p>
${coverageTable(report)}
${modelTable(report)}
${interopSection(report)}
${report.errors.length ? `<pre class="errors">${escape(report.errors.join('\n'))}</pre>` : ''}
<p id="filters">${filters}</p>
${[...sections].map(([section, rs]) => `<section><h2>${escape(sectionHeading(section))}</h2>\n${rs.map((r) => requirementRow(r)).join('\n')}</section>`).join('\n')}
<script>
for (const box of document.querySelectorAll('[data-filter]')) box.addEventListener('change', () => {
  const shown = new Set([...document.querySelectorAll('[data-filter]:checked')].map((b) => b.dataset.filter));
  for (const row of document.querySelectorAll('details.req')) row.hidden = !shown.has(row.dataset.verdict);
  for (const s of document.querySelectorAll('section')) s.hidden = ![...s.querySelectorAll('details.req')].some((r) => !r.hidden);
});
</script>
</body></html>
`;
}
