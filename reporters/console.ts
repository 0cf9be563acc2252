import pc from 'picocolors';
import type { RequirementResult, TestRecord, Verdict } from './verdicts.js';

const paint: Record<Verdict, (s: string) => string> = {
  PASS: pc.green,
  FAIL: pc.red,
  WARN: pc.yellow,
  INFO: pc.cyan,
  SKIP: pc.dim,
};

/** `PASS  MUST    ACCOUNT-SUNSET-1005  statement…` — one line per requirement. */
export function requirementLine(r: RequirementResult, width = 150): string {
  const head = `${r.verdict.padEnd(5)} ${r.requirement.level.padEnd(7)} ${r.requirement.id.padEnd(32)}`;
  const tail = r.verdict === 'SKIP' ? `skipped: ${r.reason}` : r.requirement.statement;
  const room = Math.max(20, width - head.length - 1);
  const text = `${head} ${tail.length > room ? `${tail.slice(0, room - 1)}…` : tail}`;
  return paint[r.verdict](text);
}

/** Expected vs actual, counterexample, seed and curl of each broken test of a requirement. */
export function failureDetails(r: RequirementResult): string {
  return r.tests
    .filter((t) => t.outcome === 'failed')
    .map((t) => describeFailure(t))
    .join('\n\n');
}

function describeFailure(t: TestRecord): string {
  const lines = [`test: ${t.title}`, ...(t.error ?? 'failed without an error message').split('\n')];
  const last = t.wireLog.at(-1);
  if (last) lines.push(`reproduce: ${last.curl}`, `correlation: X-Conformance-Case: ${last.case}`);
  return lines.join('\n');
}

export function indent(text: string, by = '      '): string {
  return text.split('\n').map((line) => `${by}${line}`).join('\n');
}
