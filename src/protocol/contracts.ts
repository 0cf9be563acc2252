// What the harness and the contract verifier (contracts/) exchange: the harness sets the states and forwards the
// requests, the verifier judges the interactions.
import type { ProviderState } from './states.js';

/** How the provider states of a contract are set on the target: by the run's state and code sources. */
export interface ContractStates {
  /** Why `state` cannot be set on this run (the interaction is skipped with it), or undefined. */
  unavailable(state: ProviderState): string | undefined;
  /** Sets the state right before its interaction; the values replace the contract's example values. */
  setup(state: ProviderState, params: Record<string, string>): Promise<Record<string, string>>;
  /** Tears down, last first, every state set since the last teardown: after each interaction, when the verifier asks. */
  teardown(): Promise<void>;
}

/** The target as the verifier reaches it: through the suite's client, its states through the run's sources. */
export interface ForwardedTarget {
  /** Where the verifier sends its requests: a forwarding address of the suite's own client. */
  providerBaseUrl: string;
  states: ContractStates;
  /** The login interaction needs the admin password (only a token: it is skipped). */
  canLogIn: boolean;
}

export interface InteractionResult {
  description: string;
  result: 'OK' | 'FAILED' | 'SKIPPED';
  reason?: string;
  /** From a broker: a pending pact's failure does not fail the verification. */
  pending?: boolean;
  /** Its provider state could not be set because a source failed: the suite's own setup, not the target. */
  sourceFailed?: boolean;
  /** Its provider state could not be set because the target broke this requirement on the way. */
  blockedBy?: string;
}

export interface ContractVerification {
  ok: boolean;
  interactions: InteractionResult[];
  /** The verifier's own account, per interaction, without colours. */
  output: string;
  /** Why a state could not be torn down after its interaction (the first such): the suite's sources, not the target. */
  teardownFailed?: string;
}

/** The profile's contract (or a broker's pacts) verified against a forwarded target: contracts/ gives one. */
export type ContractVerifier = (target: ForwardedTarget) => Promise<ContractVerification>;
