import type { Depth, DepthRow, RequirementReport } from '../src/generated/types.js';

/**
 * How deep a run went, per requirement: judged with every test run, judged with some skipped for what the run
 * lacked (or another reason), not judged (ERROR, BLOCKED), or skipped — for the other profile, for a missing
 * source, or otherwise. A test skipped because it judges the requirement in the other profile takes nothing away.
 */
export function depthOf(requirements: readonly RequirementReport[]): Depth {
  const rows = requirements.map(depthRow);
  return { line: depthLine(rows), rows };
}

function depthRow(r: RequirementReport): DepthRow {
  const lacking = r.tests.filter((t) => t.outcome === 'skipped' && !t.otherProfile);
  const why = [
    ...new Set(
      lacking.flatMap((t) => (t.missing?.length ? t.missing.map((m) => m.reason) : [t.skipReason ?? 'skipped'])),
    ),
  ];
  if (r.verdict === 'ERROR' || r.verdict === 'BLOCKED')
    return { id: r.id, depth: 'not-judged', why: [r.reason ?? r.verdict] };
  if (r.verdict !== 'SKIP') return { id: r.id, depth: why.length ? 'partly' : 'full', why };
  if (r.tests.every((t) => t.otherProfile))
    return { id: r.id, depth: 'other-profile', why: [r.reason ?? 'another profile'] };
  return { id: r.id, depth: lacking.some((t) => t.missing?.length) ? 'missing' : 'skipped', why };
}

/** The rows each report tabulates: judged partly, or SKIP for what the run lacked — those a configuration can mend. */
export function shallowRows(depth: Depth): DepthRow[] {
  return depth.rows.filter((r) => r.depth === 'partly' || r.depth === 'missing');
}

const phrases: [DepthRow['depth'], string][] = [
  ['partly', 'judged partly'],
  ['not-judged', 'not judged (ERROR, BLOCKED)'],
  ['missing', 'skipped for a missing source or number'],
  ['skipped', 'skipped for another reason'],
];

/** `depth: 30 of 36 requirements of this profile judged at full depth, 2 judged partly, 4 skipped for a missing source or number; 12 apply to the other profile only` */
function depthLine(rows: DepthRow[]): string {
  const count = (depth: DepthRow['depth']) => rows.filter((r) => r.depth === depth).length;
  const inProfile = rows.length - count('other-profile');
  const parts = phrases.filter(([depth]) => count(depth) > 0).map(([depth, phrase]) => `${count(depth)} ${phrase}`);
  const other = count('other-profile');
  return `depth: ${count('full')} of ${inProfile} requirements of this profile judged at full depth${parts.length ? `, ${parts.join(', ')}` : ''}${other ? `; ${other} apply to the other profile only` : ''}`;
}
