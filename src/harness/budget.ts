import { readBudget, shareOf } from '../protocol/index.js';
import type { RunSettings } from '../settings/runSettings.js';

/**
 * Until when (on performance.now()'s clock) the property starting now may send generated cases past the ones every
 * run sends: its share of what is left of the run's --budget. Without a budget, none: it sends all its runs.
 */
export function budgetDeadline(
  settings: Pick<RunSettings, 'budgetSeconds' | 'runDir' | 'workers'>,
): number | undefined {
  if (!settings.budgetSeconds || !settings.runDir) return undefined;
  const state = readBudget(settings.runDir);
  return state && performance.now() + shareOf(state, settings.workers);
}

/**
 * The values with those every run sends first: the `examples` (the first values), then the first of each category
 * and field the coverage table counts, then the rest in their order. `minimum`: how many come before the rest.
 */
export function minimumFirst<T>(
  values: readonly T[],
  examples: number,
  tagOf: (value: T) => string | undefined,
): { values: T[]; minimum: number } {
  const seen = new Set<string>();
  const first: T[] = values.slice(0, examples);
  const rest: T[] = [];
  for (const value of values.slice(examples)) {
    const tag = tagOf(value);
    if (tag !== undefined && !seen.has(tag)) {
      seen.add(tag);
      first.push(value);
    } else rest.push(value);
  }
  return { values: [...first, ...rest], minimum: first.length };
}
