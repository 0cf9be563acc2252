import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Verifier, type VerifierOptions } from '@pact-foundation/pact';
import type { Fixtures } from '../src/generated/types.js';
import { packageRoot } from '../src/paths.js';
import { controlPaths } from '../src/protocol/index.js';
import type { Profile } from '../src/requirements/index.js';
import type { ContractState } from './interactions.js';
import { defaultNames, type ContractNames } from './writeContracts.js';

export interface ContractTarget {
  target: string;
  profile: Profile;
  admin: { user: string; password?: string; token?: string };
  fixtures: Fixtures;
  emulator: boolean;
  /** Interactions that make a live target send a code may run. */
  sideEffects: boolean;
  names?: ContractNames;
}

export interface InteractionResult {
  description: string;
  result: 'OK' | 'FAILED' | 'SKIPPED';
  reason?: string;
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

type StateValues = Record<string, string>;
type StateSetter = (params: StateValues) => Promise<StateValues>;

/** How each kind of provider state is set on this target, or why it cannot be. */
function stateSetters(t: ContractTarget, call: (method: string, path: string, body?: unknown) => Promise<unknown>): Record<ContractState['kind'], StateSetter | string> {
  const sendsCode = 'would make the target send a registration code: allow with "sideEffects": true or --allow-side-effects';
  if (t.emulator) {
    const setState = (state: string): StateSetter => async (params) => {
      await call('POST', controlPaths.state, { state, params });
      return params;
    };
    return {
      registered: setState('registered'),
      unregistered: setState('unregistered'),
      'two-step': setState('two-step'),
      'code-sent': async (params) => {
        await call('POST', controlPaths.state, { state: 'unregistered', params });
        await call('POST', '/v1/account', { cc: params.cc, phone_number: params.phone_number, method: 'sms', cert: params.cert });
        const { code } = (await call('GET', `${controlPaths.code}?${new URLSearchParams({ cc: params.cc!, phone_number: params.phone_number! })}`)) as { code: string };
        return { code };
      },
    };
  }
  const { registered, unregistered, twoStep, verifyCode } = t.fixtures;
  return {
    registered: registered ? async () => ({ cc: registered.cc, phone_number: registered.phone_number, cert: registered.cert }) : 'needs fixtures.registered in the configuration file',
    unregistered: !unregistered ? 'needs fixtures.unregistered in the configuration file' : !t.sideEffects ? sendsCode
      : async () => ({ cc: unregistered.cc, phone_number: unregistered.phone_number, cert: unregistered.cert }),
    'two-step': twoStep ? async () => ({ cc: twoStep.cc, phone_number: twoStep.phone_number, cert: twoStep.cert, pin: twoStep.pin }) : 'needs fixtures.twoStep in the configuration file',
    'code-sent': verifyCode ? async () => ({ code: verifyCode }) : 'needs fixtures.verifyCode (the code fixtures.unregistered received) in the configuration file',
  };
}

const kindOf = (name: string): ContractState['kind'] | undefined =>
  name.startsWith('number ') && name.endsWith(' is registered') ? 'registered'
    : name.endsWith(' is not registered') ? 'unregistered'
      : name.startsWith('two-step verification is enabled') ? 'two-step'
        : name.startsWith('a registration code was sent') ? 'code-sent' : undefined;

/** Verifies the profile's contract against the target with the Pact Verifier; unsettable states are skipped. */
export async function verifyContracts(t: ContractTarget): Promise<ContractVerification> {
  process.env.PACT_DO_NOT_TRACK ??= 'true';
  const base = t.target.endsWith('/') ? t.target.slice(0, -1) : t.target;
  const basic = t.admin.password ? `Basic ${Buffer.from(`${t.admin.user}:${t.admin.password}`).toString('base64')}` : undefined;
  let token = t.admin.token;
  if (!token && basic) {
    const answer = await fetch(`${base}/v1/users/login`, { method: 'POST', headers: { authorization: basic } });
    token = ((await answer.json().catch(() => ({}))) as { users?: { token?: string }[] }).users?.[0]?.token;
  }
  const call = async (method: string, path: string, body?: unknown) => {
    const answer = await fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (answer.status >= 300 && !(path === '/v1/account' && answer.status === 202)) throw new Error(`provider state: ${method} ${path} answered ${answer.status}`);
    return answer.json().catch(() => undefined);
  };

  const pact = JSON.parse(readFileSync(contractFile(t.profile, t.names), 'utf8')) as PactFile;
  const setters = stateSetters(t, call);
  const skipped: InteractionResult[] = [];
  const stateHandlers: Record<string, { setup: (params?: unknown) => Promise<StateValues> }> = {};
  const runnable = pact.interactions.filter((interaction) => {
    for (const { name } of interaction.providerStates ?? []) {
      const kind = kindOf(name);
      const setter = kind ? setters[kind] : `no way to set the provider state "${name}"`;
      if (typeof setter === 'string') {
        skipped.push({ description: interaction.description, result: 'SKIPPED', reason: setter });
        return false;
      }
      stateHandlers[name] = { setup: (params) => setter((params ?? {}) as StateValues) };
    }
    if (interaction.description.startsWith('a login') && !basic) {
      skipped.push({ description: interaction.description, result: 'SKIPPED', reason: 'needs the admin password (only a token was given)' });
      return false;
    }
    return true;
  });
  const output: string[] = [];
  if (runnable.length === 0) return { ok: true, interactions: skipped, output: '' };
  const file = join(mkdtempSync(join(tmpdir(), 'wa-pact-')), 'contract.json');
  writeFileSync(file, JSON.stringify({ ...pact, interactions: runnable }));
  // The contract's example credentials become the target's real ones; a request without any stays without.
  const requestFilter = (req: { headers: Record<string, string | undefined> }, _res: unknown, next: () => void) => {
    const sent = req.headers.authorization ?? '';
    if (sent.startsWith('Bearer') && token) req.headers.authorization = `Bearer ${token}`;
    if (sent.startsWith('Basic') && basic) req.headers.authorization = basic;
    next();
  };
  const verifier = new Verifier({
    providerBaseUrl: base,
    pactUrls: [file],
    logLevel: 'error',
    // pact-js types state handlers as an intersection with message handlers that no object satisfies.
    stateHandlers: stateHandlers as unknown as VerifierOptions['stateHandlers'],
    requestFilter: requestFilter as VerifierOptions['requestFilter'],
  });
  let json: string;
  try {
    json = String(await verifier.verifyProvider());
  } catch (error) {
    json = String((error as Error).message);
  }
  let results: { interactionResults?: { description: string; result: string }[]; output?: string[] } = {};
  try {
    results = JSON.parse(json.slice(json.indexOf('{')));
  } catch {
    output.push(json);
  }
  const interactions: InteractionResult[] = [
    ...(results.interactionResults ?? []).map((r) => ({ description: r.description, result: r.result === 'OK' ? 'OK' as const : 'FAILED' as const })),
    ...skipped,
  ];
  output.push(...(results.output ?? []));
  const ok = interactions.every((r) => r.result !== 'FAILED') && (results.interactionResults?.length ?? 0) === runnable.length;
  return { ok, interactions, output: output.join('\n').replace(/\u001b\[[0-9;]*m/g, '') };
}
