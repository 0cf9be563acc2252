import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The Pact verifier itself (pact-core's, over libpact_ffi), not pact-js's Verifier around it: that one adds an express
// proxy for state handlers and request filters (a third of a second of every worker's CPU to load) that logs a state
// handler's failure to stdout and goes on without the state. The states are answered by startStateChanges below.
import pactCore, { type ConsumerVersionSelector, type VerifierOptions } from '@pact-foundation/pact-core';
import { packageRoot } from '../src/paths.js';
import {
  Blocked,
  type ContractStates,
  type ContractVerification,
  type ContractVerifier,
  type ForwardedTarget,
  type InteractionResult,
  providerStateNamed,
} from '../src/protocol/index.js';
import type { Profile } from '../src/requirements/index.js';
import type { BrokerSource } from '../src/settings/brokerSource.js';
import type { RunSettings } from '../src/settings/runSettings.js';
import { type ContractNames, defaultNames } from './names.js';

export interface ContractTarget extends ForwardedTarget {
  profile: Profile;
  names?: ContractNames;
  broker?: BrokerSource;
}

/** The verifier of the profile's contract, or of the broker's pacts, for a run with these settings. */
export function contractVerifier(settings: Pick<RunSettings, 'profile' | 'pactBroker'>): ContractVerifier {
  return (target) => verifyContracts({ ...target, profile: settings.profile, broker: settings.pactBroker });
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
  const runnable = pact.interactions.filter((interaction) => {
    for (const { name } of interaction.providerStates ?? []) {
      const state = providerStateNamed(name);
      const why = state ? t.states.unavailable(state) : `no state of the suite is named "${name}"`;
      if (why) {
        skipped.push({
          description: interaction.description,
          result: 'SKIPPED',
          reason: `provider state "${name}": ${why}`,
        });
        return false;
      }
    }
    if (interaction.description.startsWith('a login') && !t.canLogIn) {
      skipped.push({
        description: interaction.description,
        result: 'SKIPPED',
        reason: 'needs the admin password (only a token was given)',
      });
      return false;
    }
    return true;
  });
  if (runnable.length === 0) return { ok: true, interactions: skipped, output: '' };
  const dir = mkdtempSync(join(tmpdir(), 'wa-pact-'));
  const file = join(dir, 'contract.json');
  writeFileSync(file, JSON.stringify({ ...pact, interactions: runnable }));
  try {
    const results = await runVerifier(t, { providerBaseUrl: t.providerBaseUrl, pactUrls: [file] });
    const interactions = [...results.interactions, ...skipped];
    const ok = interactions.every((r) => r.result !== 'FAILED') && results.interactions.length === runnable.length;
    return { ok, interactions, output: results.output, ...teardownOf(results) };
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
  const credentials = broker.token
    ? { pactBrokerToken: broker.token }
    : broker.username
      ? { pactBrokerUsername: broker.username, pactBrokerPassword: broker.password }
      : {};
  const results = await runVerifier(
    t,
    given({
      providerBaseUrl: t.providerBaseUrl,
      provider: broker.provider ?? (t.names ?? defaultNames).provider,
      pactBrokerUrl: broker.url,
      ...credentials,
      consumerVersionSelectors: broker.consumerVersionSelectors as ConsumerVersionSelector[],
      enablePending: broker.enablePending,
      includeWipPactsSince: broker.includeWipPactsSince,
      publishVerificationResult: broker.publishVerificationResults,
      providerVersion: broker.providerAppVersion,
      providerVersionBranch: broker.providerBranch,
    }),
  );
  const ok = results.result ?? results.interactions.every((r) => r.result !== 'FAILED' || r.pending);
  return {
    ok: ok && results.interactions.length > 0,
    interactions: results.interactions,
    output: results.output || (results.interactions.length ? '' : 'the broker selected no pact to verify'),
    ...teardownOf(results),
  };
}

function teardownOf(results: VerifierResults): Pick<ContractVerification, 'teardownFailed'> {
  return results.teardownFailed ? { teardownFailed: results.teardownFailed } : {};
}

/** pact-core rejects an option that is present but unset (a token beside an undefined user name, publishing off). */
function given(options: VerifierOptions): VerifierOptions {
  return Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined && value !== false),
  ) as VerifierOptions;
}

/** One run of the Pact verifier, its states set by the run: its per-interaction results and its own account, without colours. */
interface VerifierResults {
  result?: boolean;
  interactions: InteractionResult[];
  output: string;
  teardownFailed?: string;
}

async function runVerifier(t: ContractTarget, options: VerifierOptions): Promise<VerifierResults> {
  let json: string;
  const states = await startStateChanges(t.states);
  const restore = withoutProxyVariables();
  try {
    // A CommonJS module: its default export is under `default` of what an ES import gets.
    pactCore.default.logLevel('error');
    json = String(
      await pactCore.default.verifyPacts({ ...options, providerStatesSetupUrl: states.url, logLevel: 'error' }),
    );
  } catch (error) {
    json = String((error as Error).message);
  } finally {
    restore();
    await states.close();
  }
  const output: string[] = [];
  type Failure = { interaction?: string };
  let results: {
    result?: boolean;
    interactionResults?: { description: string; result: string }[];
    output?: string[];
    errors?: Failure[];
    pendingErrors?: Failure[];
  } = {};
  try {
    results = JSON.parse(json.slice(json.indexOf('{')));
  } catch {
    output.push(json);
  }
  // A failure is named "Verifying a pact between C and P - <description>", under errors or, pending, pendingErrors.
  const among = (failures: Failure[] | undefined, description: string) =>
    (failures ?? []).some((f) => f.interaction?.endsWith(` - ${description}`));
  // The verifier says only that a state change failed; the state server knows which, and why.
  const refusal = (description: string) =>
    [...states.refused].find(([name]) =>
      [...(results.errors ?? []), ...(results.pendingErrors ?? [])].some(
        (f) => f.interaction?.includes(`Given ${name}`) && f.interaction.endsWith(` - ${description}`),
      ),
    );
  const interactions = (results.interactionResults ?? []).map((r): InteractionResult => {
    const refused = r.result === 'OK' ? undefined : refusal(r.description);
    const cause = refused && states.causes.get(refused[0]);
    return {
      description: r.description,
      result: r.result === 'OK' ? 'OK' : 'FAILED',
      ...(refused ? { reason: `provider state "${refused[0]}": ${refused[1]}` } : {}),
      ...(cause === 'source' ? { sourceFailed: true } : cause ? { blockedBy: cause.blockedBy } : {}),
      ...(r.result !== 'OK' && among(results.pendingErrors, r.description) && !among(results.errors, r.description)
        ? { pending: true }
        : {}),
    };
  });
  output.push(...(results.output ?? []));
  return {
    result: results.result,
    interactions,
    output: output.join('\n').replace(/\u001b\[[0-9;]*m/g, ''),
    ...(states.teardownFailed.length ? { teardownFailed: states.teardownFailed[0] } : {}),
  };
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

type SetupCause = 'source' | { blockedBy: string };

/**
 * The verifier's provider-state change URL on loopback: it POSTs {state, params, action} before an interaction (and
 * after, to tear down); a setup answers the values the state gave, which replace the contract's examples. A state
 * this run cannot set is refused with why, so the verifier fails the interaction naming it and sends nothing. A
 * teardown that fails is answered as done, so the verifier does not fail an interaction it has judged already: the
 * run is told (`teardownFailed`), as a test is told when its states cannot be torn down after it.
 */
async function startStateChanges(states: ContractStates): Promise<{
  url: string;
  refused: Map<string, string>;
  causes: Map<string, SetupCause>;
  teardownFailed: string[];
  close(): Promise<void>;
}> {
  const refused = new Map<string, string>();
  const teardownFailed: string[] = [];
  // Why a state that could have been set was not: its source failed, or the target broke a requirement on the way.
  const causes = new Map<string, SetupCause>();
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      void (async () => {
        const change = JSON.parse(body || '{}') as { state?: string; params?: Record<string, string>; action?: string };
        const state = change.state === undefined ? undefined : providerStateNamed(change.state);
        // An interaction without a state is announced too, with none named.
        if (!change.state) return {};
        if (change.action === 'teardown') {
          await states.teardown().catch((error: unknown) => {
            teardownFailed.push(
              `tearing down "${change.state}": ${error instanceof Error ? error.message : String(error)}`,
            );
          });
          return {};
        }
        if (change.action !== 'setup') return {};
        const why = state ? states.unavailable(state) : 'no state of the suite has this name';
        if (why) {
          refused.set(change.state, why);
          throw new Error(`provider state "${change.state}": ${why}`);
        }
        try {
          return await states.setup(state!, change.params ?? {});
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          refused.set(change.state, message);
          causes.set(change.state, error instanceof Blocked ? { blockedBy: error.by } : 'source');
          throw error;
        }
      })().then(
        (values) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(values)),
        (error: unknown) =>
          res
            .writeHead(500, { 'content-type': 'text/plain' })
            .end(error instanceof Error ? error.message : String(error)),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    refused,
    causes,
    teardownFailed,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
