import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The Verifier's own module: pact-js's index loads its whole consumer DSL too (GraphQL, matchers, a mock server), a
// second of every run that verifies a contract.
import type { VerifierOptions } from '@pact-foundation/pact/src/dsl/verifier/types.js';
import { Verifier } from '@pact-foundation/pact/src/dsl/verifier/verifier.js';
import { packageRoot } from '../src/paths.js';
import { providerStateNamed, providerStateNames, type ProviderState } from '../src/protocol/index.js';
import type { Profile } from '../src/requirements/index.js';
import { defaultNames, type ContractNames } from './writeContracts.js';

/** How the provider states of a contract are set on the target: by the run's state and code sources. */
export interface ContractStates {
  /** Why `state` cannot be set on this run (the interaction is skipped with it), or undefined. */
  unavailable(state: ProviderState): string | undefined;
  /** Sets the state right before its interaction; the values replace the contract's example values. */
  setup(state: ProviderState, params: Record<string, string>): Promise<Record<string, string>>;
}

/** The pacts a broker selects, instead of the packaged file; results published when asked. */
export interface BrokerSource {
  url: string;
  provider?: string;
  consumerVersionSelectors: Record<string, unknown>[];
  enablePending?: boolean;
  includeWipPactsSince?: string;
  publishVerificationResults?: boolean;
  providerAppVersion?: string;
  providerBranch?: string;
  token?: string;
  username?: string;
  password?: string;
}

export interface ContractTarget {
  /** Where the verifier sends its requests: a forwarding address of the suite's own client. */
  providerBaseUrl: string;
  profile: Profile;
  states: ContractStates;
  /** The login interaction needs the admin password (only a token: it is skipped). */
  canLogIn: boolean;
  names?: ContractNames;
  broker?: BrokerSource;
}

export interface InteractionResult {
  description: string;
  result: 'OK' | 'FAILED' | 'SKIPPED';
  reason?: string;
  /** From a broker: a pending pact's failure does not fail the verification. */
  pending?: boolean;
}

export interface ContractVerification {
  ok: boolean;
  interactions: InteractionResult[];
  /** The verifier's own account, per interaction, without colours. */
  output: string;
}

interface PactFile {
  interactions: { description: string; providerStates?: { name: string; params?: Record<string, string> }[] }[];
}

export function contractFile(profile: Profile, names: ContractNames = defaultNames): string {
  return join(packageRoot, 'contracts', 'pacts', profile, `${names.consumer}-${names.provider}.json`);
}

/** Verifies the profile's contract with the Pact Verifier; interactions whose state the run cannot set are skipped. */
export async function verifyContracts(t: ContractTarget): Promise<ContractVerification> {
  process.env.PACT_DO_NOT_TRACK ??= 'true';
  if (t.broker) return verifyFromBroker(t, t.broker);
  const pact = JSON.parse(readFileSync(contractFile(t.profile, t.names), 'utf8')) as PactFile;
  const skipped: InteractionResult[] = [];
  const stateHandlers: Record<string, { setup: (params?: unknown) => Promise<Record<string, string>> }> = {};
  const runnable = pact.interactions.filter((interaction) => {
    for (const { name } of interaction.providerStates ?? []) {
      const state = providerStateNamed(name);
      const why = state ? t.states.unavailable(state) : `no state of the suite is named "${name}"`;
      if (why) {
        skipped.push({ description: interaction.description, result: 'SKIPPED', reason: `provider state "${name}": ${why}` });
        return false;
      }
      stateHandlers[name] = { setup: (params) => t.states.setup(state!, (params ?? {}) as Record<string, string>) };
    }
    if (interaction.description.startsWith('a login') && !t.canLogIn) {
      skipped.push({ description: interaction.description, result: 'SKIPPED', reason: 'needs the admin password (only a token was given)' });
      return false;
    }
    return true;
  });
  if (runnable.length === 0) return { ok: true, interactions: skipped, output: '' };
  const dir = mkdtempSync(join(tmpdir(), 'wa-pact-'));
  const file = join(dir, 'contract.json');
  writeFileSync(file, JSON.stringify({ ...pact, interactions: runnable }));
  try {
    const results = await runVerifier({
      providerBaseUrl: t.providerBaseUrl,
      pactUrls: [file],
      logLevel: 'error',
      // pact-js types state handlers as an intersection with message handlers that no object satisfies.
      stateHandlers: stateHandlers as unknown as VerifierOptions['stateHandlers'],
    });
    const interactions = [...results.interactions, ...skipped];
    const ok = interactions.every((r) => r.result !== 'FAILED') && results.interactions.length === runnable.length;
    return { ok, interactions, output: results.output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The pacts the broker selects for the provider, verified with every state the suite can set; a state this run
 * cannot set fails its interaction, naming why (the verifier fetches the pacts, so none can be left out beforehand).
 * The verifier itself publishes the results, and decides what is pending.
 */
async function verifyFromBroker(t: ContractTarget, broker: BrokerSource): Promise<ContractVerification> {
  const stateHandlers = Object.fromEntries(Object.entries(providerStateNames).map(([state, name]) => [name, {
    setup: async (params?: unknown) => {
      const why = t.states.unavailable(state as ProviderState);
      if (why) throw new Error(`provider state "${name}": ${why}`);
      return t.states.setup(state as ProviderState, (params ?? {}) as Record<string, string>);
    },
  }]));
  const credentials = broker.token ? { pactBrokerToken: broker.token } : broker.username ? { pactBrokerUsername: broker.username, pactBrokerPassword: broker.password } : {};
  const results = await runVerifier(given({
    providerBaseUrl: t.providerBaseUrl,
    provider: broker.provider ?? (t.names ?? defaultNames).provider,
    pactBrokerUrl: broker.url,
    ...credentials,
    consumerVersionSelectors: broker.consumerVersionSelectors as VerifierOptions['consumerVersionSelectors'],
    enablePending: broker.enablePending,
    includeWipPactsSince: broker.includeWipPactsSince,
    publishVerificationResult: broker.publishVerificationResults,
    providerVersion: broker.providerAppVersion,
    providerVersionBranch: broker.providerBranch,
    logLevel: 'error',
    stateHandlers: stateHandlers as unknown as VerifierOptions['stateHandlers'],
  }));
  const ok = results.result ?? results.interactions.every((r) => r.result !== 'FAILED' || r.pending);
  return { ok: ok && results.interactions.length > 0, interactions: results.interactions, output: results.output || (results.interactions.length ? '' : 'the broker selected no pact to verify') };
}

/** pact-js rejects an option that is present but unset (a token beside an undefined user name, publishing off). */
function given(options: VerifierOptions): VerifierOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined && value !== false)) as VerifierOptions;
}

/** One run of the Pact Verifier: its per-interaction results and its own account, without colours. */
async function runVerifier(options: VerifierOptions): Promise<{ result?: boolean; interactions: InteractionResult[]; output: string }> {
  let json: string;
  const restore = withoutProxyVariables();
  try {
    json = String(await new Verifier(options).verifyProvider());
  } catch (error) {
    json = String((error as Error).message);
  } finally {
    restore();
  }
  const output: string[] = [];
  type Failure = { interaction?: string };
  let results: { result?: boolean; interactionResults?: { description: string; result: string }[]; output?: string[]; errors?: Failure[]; pendingErrors?: Failure[] } = {};
  try {
    results = JSON.parse(json.slice(json.indexOf('{')));
  } catch {
    output.push(json);
  }
  // A failure is named "Verifying a pact between C and P - <description>", under errors or, pending, pendingErrors.
  const among = (failures: Failure[] | undefined, description: string) => (failures ?? []).some((f) => f.interaction?.endsWith(` - ${description}`));
  const interactions = (results.interactionResults ?? []).map((r): InteractionResult => ({
    description: r.description,
    result: r.result === 'OK' ? 'OK' : 'FAILED',
    ...(r.result !== 'OK' && among(results.pendingErrors, r.description) && !among(results.errors, r.description) ? { pending: true } : {}),
  }));
  output.push(...(results.output ?? []));
  return { result: results.result, interactions, output: output.join('\n').replace(/\u001b\[[0-9;]*m/g, '') };
}

/**
 * The verifier reaches the provider only through servers on this machine's loopback (pact-js's state proxy, the
 * suite's forwarder, whose own requests honour the proxy variables). It would send even those through a proxy
 * named in HTTP(S)_PROXY, NO_PROXY or not, and no proxy elsewhere can reach this loopback: while it runs, the
 * variables are unset.
 */
function withoutProxyVariables(): () => void {
  const names = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'ALL_PROXY', 'all_proxy'];
  const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
  for (const name of names) delete process.env[name];
  return () => {
    for (const [name, value] of Object.entries(saved)) if (value !== undefined) process.env[name] = value;
  };
}
