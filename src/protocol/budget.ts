// The run's budget (--budget) as its processes share it: the reporter, which sees every test start and end, keeps in
// the run's directory when the budget ends and how many properties have yet to run; each property reads it as it
// starts and takes its share of what is left.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The tag of a test whose cases are generated: what the budget is shared among. */
export const generatedTag = '@generated';

export interface BudgetState {
  /** When the budget ends (ms since the epoch). */
  endsAt: number;
  /** Properties that have not ended yet. */
  left: number;
}

const budgetFile = (runDir: string) => join(runDir, 'budget.json');

export function writeBudget(runDir: string, state: BudgetState): void {
  // Written whole, then moved: a reader never meets half a file.
  const file = budgetFile(runDir);
  writeFileSync(`${file}.tmp`, JSON.stringify(state));
  renameSync(`${file}.tmp`, file);
}

export function readBudget(runDir: string): BudgetState | undefined {
  try {
    return JSON.parse(readFileSync(budgetFile(runDir), 'utf8')) as BudgetState;
  } catch {
    return undefined;
  }
}

/**
 * The milliseconds a property starting now may spend on generated cases beyond its minimum: what is left, shared by
 * the properties still to run, `workers` of them at a time.
 */
export function shareOf(state: BudgetState, workers: number, now = Date.now()): number {
  const left = Math.max(0, state.endsAt - now);
  return Math.min(left, (left * Math.max(1, workers)) / Math.max(1, state.left));
}
