// What two layers must agree on without importing each other: a leaf that imports nothing.
export { Blocked } from './blocked.js';
export { type BudgetState, generatedTag, readBudget, shareOf, writeBudget } from './budget.js';
export type {
  ContractStates,
  ContractVerification,
  ContractVerifier,
  ForwardedTarget,
  InteractionResult,
} from './contracts.js';
export { type CoverageRow, CoverageTally } from './coverage.js';
export { blockedError, type PhoneNumber, type SourceKind, sourceKinds } from './documented.js';
export { NotReady } from './notReady.js';
export {
  type NumberState,
  numberStates,
  type ProviderState,
  providerStateNamed,
  providerStateNames,
} from './states.js';
export { addWaits, type Waits } from './waits.js';

/** The conformance control protocol an emulator serves (README): the code a phone would show, a number's state. */
export const controlPaths = { code: '/_conformance/code', state: '/_conformance/state' } as const;

/** What the harness attaches to or annotates on a test result, for the conformance reporter to read. */
export const resultNames = {
  requirement: 'requirement',
  /** Which of the requirement's tests this is, when it has several. */
  case: 'case',
  /** The profiles the test judges its requirement in, when fewer than the requirement's. */
  profiles: 'profiles',
  wireLog: 'wire-log',
  failure: 'failure',
  property: 'property',
  /** What the stateful model's sequences reached. */
  model: 'model',
  /** Registrations the test completed, and the restarts after them the suite waited out. */
  registrations: 'registrations',
  /** What the test's answers showed of the interop catalogue. */
  interop: 'interop',
  /** The interop entry a probe of the request kind is for. */
  interopProbe: 'interop-probe',
  judged: 'judged',
  /** A test not judged: the suite's own setup (a source) failed. */
  error: 'not-judged',
  /** A test not judged: the target broke the requirement named ({by, reason}). */
  blocked: 'blocked',
  sourceCalls: 'source-calls',
  /** A failure that did not happen again when its request was sent again. */
  flaky: 'flaky',
  /** The test was cut short: the target kept asking the suite to wait. */
  notReady: 'not-ready',
  /** The waits the target asked for, summed over the test's requests. */
  waits: 'waits',
  /** What the target was seen to do where the documentation leaves the choice. */
  observed: 'observed',
  /** Skipped: the test judges its requirement in the other profile. */
  otherProfile: 'other-profile',
  /** Skipped: what the run lacked for it, each need with the configuration that would meet it ([{need, reason}]). */
  missing: 'missing',
} as const;

/** The requirement IDs a test's annotations name, each once. */
export function requirementIdsIn(annotations: readonly { type: string; description?: string }[]): string[] {
  return [
    ...new Set(
      annotations.filter((a) => a.type === resultNames.requirement && a.description).map((a) => a.description!),
    ),
  ];
}
