import type { RequirementReport, TestRecord } from '../src/generated/types.js';

/** Expected vs actual, counterexample, replay and curl of one failed test, as lines. */
export function failureLines(test: TestRecord): string[] {
  const f = test.failure;
  if (!f) return [`test: ${test.title}`, 'failed without an error message'];
  const lines = [`test: ${test.title}`];
  if (f.expected !== undefined) lines.push(`expected: ${f.expected}`, `actual:   ${f.actual}`);
  else lines.push(...f.message.split('\n'));
  if (f.counterexample) lines.push(`counterexample: ${f.counterexample}`);
  if (f.replay) lines.push(`replay: ${f.replay}`);
  if (f.curl) lines.push(`reproduce: ${f.curl}`);
  if (f.correlation) lines.push(`correlation: X-Conformance-Case: ${f.correlation}`);
  return lines;
}

/** A broken requirement's first line: what was expected and what came back, from its first failed test. */
export function failureHeadline(r: RequirementReport): string | undefined {
  const f = r.tests.find((t) => t.outcome === 'failed')?.failure;
  if (!f) return undefined;
  return f.expected !== undefined
    ? `expected ${f.expected}; came back ${f.actual ?? 'nothing'}`
    : f.message.split('\n')[0];
}

/** The failure text of every failed test of a requirement. */
export function failureDetails(r: RequirementReport): string {
  return r.tests
    .filter((t) => t.outcome === 'failed')
    .map((t) => failureLines(t).join('\n'))
    .join('\n\n');
}

/** Why each test of a requirement that was not judged (ERROR, BLOCKED) could not judge it, with its source calls. */
export function unjudgedDetails(r: RequirementReport): string {
  return r.tests
    .filter((t) => t.outcome === 'error' || t.outcome === 'blocked')
    .map((t) =>
      [
        `test: ${t.title}`,
        t.outcome === 'blocked'
          ? `blocked by ${t.blockedBy}: fix that requirement first`
          : "not judged: the suite's own setup failed (a source, not the target)",
        ...(t.skipReason ? [t.skipReason] : []),
        ...(t.sourceCalls ?? [])
          .filter((c) => !c.ok)
          .map((c) => `source call: ${c.source}: ${c.call} -> ${c.answer} (${c.ms} ms)`),
      ].join('\n'),
    )
    .join('\n\n');
}
