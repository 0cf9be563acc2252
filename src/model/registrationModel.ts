import type { Target } from '../harness/index.js';
import type { Numbers, TestNumber } from '../sources/numbers.js';
import type { ModelCoverage } from './modelCoverage.js';

/**
 * What the documentation lets a client predict, per number of the pool (by index). A client has one pending
 * registration, the latest code request: `/v1/account/verify` carries a code and no number, so it completes that
 * registration or refuses.
 */
export interface RegistrationModel {
  registered: Set<number>;
  /** Numbers that were sent a code and are not registered: the codes a VerifySentCode may send. */
  sent: Set<number>;
  /**
   * The pending registration: the number whose code request was answered 202 last. `sure` is false once a later
   * request was answered otherwise: whether that ends the pending registration is not documented.
   */
  pending: { index: number; sure: boolean } | undefined;
  pins: Map<number, string>;
  /**
   * Numbers whose two-step state is open: registered while the settings of another account changed. Whether
   * the setting is the account's or the client's (every number registered there) is not documented.
   */
  unsure: Set<number>;
  /** The account the two-step settings apply to: the number registered last. */
  current: number | undefined;
  /** A sequence that changed a two-step setting turns it off again at its end, so the run leaves none behind. */
  twoStepChanged: boolean;
  /** Commands run so far: a sequence that starts as the documented flow (a code, then /verify) meets its checks first. */
  steps: number;
  /** Registrations the run may still complete, shared by the sequences: a verification past them is not sent. */
  budget: { left: number };
}

export interface RegistrationSystem {
  target: Target;
  pool: TestNumber[];
  /** The code each number received last, read right after its request. */
  codes: Map<number, string>;
  /** Where the transitions taken are counted. */
  coverage?: ModelCoverage | undefined;
}

export const poolSize = 2;

export function newSystem(target: Target): RegistrationSystem {
  return { target, pool: newPool(target.numbers), codes: new Map() };
}

export function newModel(budget: { left: number } = { left: Number.POSITIVE_INFINITY }): RegistrationModel {
  return {
    registered: new Set(),
    sent: new Set(),
    pending: undefined,
    pins: new Map(),
    unsure: new Set(),
    current: undefined,
    twoStepChanged: false,
    steps: 0,
    budget,
  };
}

/** Fresh numbers for one sequence: the target's state outlives runs, so every sequence starts from numbers it never saw. */
export function newPool(numbers: Numbers): TestNumber[] {
  return Array.from({ length: poolSize }, (_, i) => numbers.fresh(`モデル株式会社 ${i} ✓`));
}

/**
 * What /v1/account/verify with the code #index received does, as the model predicts it: the pending registration it
 * completes (when it is that registration's code, which it is also when the target sends one code to every number),
 * or why it completes none.
 */
export function verificationOf(
  m: Readonly<RegistrationModel>,
  index: number,
  codes: ReadonlyMap<number, string>,
): { completes: { index: number; sure: boolean } } | { refused: string } {
  const pending = m.pending;
  if (pending && (pending.index === index || codes.get(pending.index) === codes.get(index)))
    return { completes: pending };
  return {
    refused: pending
      ? `the pending registration is #${pending.index}'s, the latest code request, and this code was sent to #${index}`
      : 'no registration is pending',
  };
}
