import type { SourceKind } from '../src/protocol/index.js';
import { requirement } from '../src/requirements/index.js';
import { tagsOf } from '../src/run/requirementFilter.js';
import { correctVariants, type Mutant, mutants } from './index.js';
import { type CellResult, type MatrixCell, type MatrixRunOptions, runMatrix } from './matrixRun.js';

export type Outcome = 'killed' | 'survived' | 'caught-by-other' | 'clean' | 'false-fail' | 'false-warn' | 'broken-run';

export interface ModeResult {
  sources: SourceKind;
  outcome: Outcome;
  exitCode: number;
  failed: string[];
  warned: string[];
  /** BLOCKED requirements, each with the requirement that blocked it: never a kill. */
  blocked: string[];
}

/** One mutant in both modes: with the control protocol, and foreign (control off, another source in its place). */
export interface MutantResult {
  mutant: Mutant;
  control: ModeResult;
  foreign: ModeResult;
}

export const passing: readonly Outcome[] = ['killed', 'clean'];

const rotation: Exclude<SourceKind, 'control' | 'fixed' | 'command'>[] = ['header', 'inbox', 'hooks'];

/** The source a mutant's foreign run uses: its own choice, or the next of the rotation. */
export function foreignSources(mutant: Mutant): Exclude<SourceKind, 'control'> {
  return mutant.foreign ?? rotation[[...mutants, ...correctVariants].indexOf(mutant) % rotation.length]!;
}

/** What the verdicts of one run say of a mutant (or a correct variant). */
export function outcomeOf(mutant: Mutant, exitCode: number, failed: string[], warned: string[]): Outcome {
  if (mutant.catches.length === 0) {
    if (failed.length > 0 || exitCode !== 0) return 'false-fail';
    return warned.every((id) => mutant.departs?.includes(id)) ? 'clean' : 'false-warn';
  }
  const caught = (id: string) => (requirement(id).level === 'MUST' ? failed : warned).includes(id);
  const mustCaught = mutant.catches.some((id) => requirement(id).level === 'MUST');
  if (mutant.catches.every(caught) && (!mustCaught || exitCode === 1)) return 'killed';
  return failed.length === 0 && !mutant.catches.some(caught) ? 'survived' : 'caught-by-other';
}

/**
 * Which requirements a mutant's runs check: every one (the table in docs/development.md: what else catches it), or only those it
 * declares (the test gate: whether it is killed depends on nothing else, as a mutation tester runs only the tests
 * that cover a mutant). A correct variant is always checked against every requirement: a false FAIL can be anywhere.
 */
export type MatrixScope = 'every' | 'declared';

export interface MatrixOptions extends MatrixRunOptions {
  scope?: MatrixScope;
  only?: (m: Mutant) => boolean;
}

/** Every mutant and correct variant in both modes, each served as an emulator, in one Playwright runner (runMatrix). */
export async function runMutants(options: MatrixOptions = {}): Promise<MutantResult[]> {
  const chosen = [...mutants, ...correctVariants].filter(options.only ?? (() => true));
  const cells = chosen.flatMap((mutant) =>
    (['control', foreignSources(mutant)] as SourceKind[]).map(
      (sources): MatrixCell => ({
        name: `${mutant.id}.${sources}`,
        profile: mutant.profile,
        build: mutant.build,
        ...(mutant.serving ? { serving: mutant.serving } : {}),
        sources,
        ...(options.scope === 'declared' && mutant.catches.length ? { grep: tagsOf(mutant.catches) } : {}),
      }),
    ),
  );
  const results = await runMatrix(cells, options);
  return chosen.map((mutant, i) => ({
    mutant,
    control: modeResult(mutant, results[2 * i]!),
    foreign: modeResult(mutant, results[2 * i + 1]!),
  }));
}

function modeResult(mutant: Mutant, { cell, report, exitCode, stopped }: CellResult): ModeResult {
  const failed = report?.requirements.filter((r) => r.verdict === 'FAIL').map((r) => r.id) ?? [];
  const warned = report?.requirements.filter((r) => r.verdict === 'WARN').map((r) => r.id) ?? [];
  const blocked =
    report?.requirements
      .filter((r) => r.verdict === 'BLOCKED')
      .map((r) => `${r.id} (BLOCKED by ${(r.blockedBy ?? []).join(', ')})`) ?? [];
  // A run that stopped, or whose only problems are ERRORs, is a broken run: never a kill, never clean.
  const outcome = stopped ? 'broken-run' : outcomeOf(mutant, exitCode, failed, warned);
  return { sources: cell.sources, outcome, exitCode, failed, warned, blocked };
}

export const isPassing = (r: MutantResult) =>
  passing.includes(r.control.outcome) && passing.includes(r.foreign.outcome);

const ids = (list: string[]) => list.map((id) => `\`${id}\``).join(', ') || '—';

/** The kill matrix as a Markdown table, and the score line. */
export function killMatrix(results: MutantResult[], totalMs: number, scope: MatrixScope = 'every'): string {
  const faulty = results.filter((r) => r.mutant.catches.length > 0);
  const variants = results.filter((r) => r.mutant.catches.length === 0);
  const killed = (mode: 'control' | 'foreign') => faulty.filter((r) => r[mode].outcome === 'killed').length;
  const clean = (mode: 'control' | 'foreign') => variants.filter((r) => r[mode].outcome === 'clean').length;
  const kinds = [...new Set(results.map((r) => r.foreign.sources))].join(', ');
  const caught = (m: ModeResult) => ids([...m.failed, ...m.warned.map((id) => `${id} (WARN)`), ...m.blocked]);
  const rows = results.map(
    (r) =>
      `| \`${r.mutant.id}\` | ${r.mutant.profile} | ${ids(r.mutant.catches) === '—' ? '— (correct variant)' : ids(r.mutant.catches)} | ${caught(r.control)} | ${r.control.outcome} | ${r.foreign.sources} | ${caught(r.foreign)} | ${r.foreign.outcome} |`,
  );
  return [
    `**Mutation score: ${killed('control')}/${faulty.length} mutants killed by their declared requirement with the control protocol, ${killed('foreign')}/${faulty.length} in foreign mode (control protocol off; sources: ${kinds}); correct variants clean: ${clean('control')}/${variants.length} and ${clean('foreign')}/${variants.length}; ${results.length * 2} suite runs${scope === 'declared' ? ' (each mutant against the requirements it declares, each variant against every one)' : ''} in ${(totalMs / 1000).toFixed(0)} s.**`,
    '',
    '| mutant | profile | must be caught by | FAIL/WARN/BLOCKED with control protocol | outcome | foreign sources | FAIL/WARN/BLOCKED foreign | outcome |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
