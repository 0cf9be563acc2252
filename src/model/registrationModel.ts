import type { Numbers, TestNumber } from '../sources/numbers.js';
import type { Target } from '../fixtures/index.js';

/** What the documentation lets a client predict, per number of the pool (by index). */
export interface RegistrationModel {
  registered: Set<number>;
  pending: Set<number>;
  pins: Map<number, string>;
  /** The account the two-step settings apply to: the number registered last. */
  current: number | undefined;
  /** The number whose code was asked for last. */
  lastRequested: number | undefined;
}

export interface RegistrationSystem {
  target: Target;
  pool: TestNumber[];
  /** The code each number received last, read right after its request. */
  codes: Map<number, string>;
}

export const poolSize = 2;

export function newSystem(target: Target): RegistrationSystem {
  return { target, pool: newPool(target.numbers), codes: new Map() };
}

export function newModel(): RegistrationModel {
  return { registered: new Set(), pending: new Set(), pins: new Map(), current: undefined, lastRequested: undefined };
}

/** Fresh numbers for one sequence: the target's state outlives runs, so every sequence starts from numbers it never saw. */
export function newPool(numbers: Numbers): TestNumber[] {
  return Array.from({ length: poolSize }, (_, i) => numbers.fresh(`モデル株式会社 ${i} ✓`));
}
