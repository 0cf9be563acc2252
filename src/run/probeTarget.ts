// What `init` learns of a target before it writes a configuration: each probe is a request that changes nothing
// (a login, a GET of the control protocol, an unknown provider state), except the one registration of a fresh
// number with a minted certificate, sent only where side effects are allowed, as the preflight sends it.
import { randomUUID } from 'node:crypto';
import { type Exchange, jsonOf, Secrets, TargetClient } from '../client/index.js';
import type { CodeSourceConfig } from '../generated/types.js';
import { loginPath, Sessions } from '../harness/sessions.js';
import { controlPaths, type PhoneNumber } from '../protocol/index.js';
import type { Profile } from '../requirements/index.js';
import { sideEffectsAllowed } from '../settings/runSettings.js';
import { freshNumber } from '../sources/numbers.js';
import { checkReachable } from './reachable.js';
import { type AdminSend, type CheckedSettings, loginProblem, mintedRegistration } from './targetChecks.js';
import { UsageError } from './usageError.js';

/** What the probes found, each with how it was found: the configuration `init` writes, and what it says. */
export interface Findings {
  target: string;
  profile?: Profile;
  controlProtocol: boolean;
  stateChangeUrl?: string;
  acceptsMintedCertificates?: boolean;
  codeSource?: CodeSourceConfig;
  /** One line per probe: what was asked and what it showed. */
  found: string[];
}

/** Where an API under a path prefix tends to be, tried when the login is not at the URL given. */
const prefixes = ['api', 'whatsapp', 'wa', 'onprem'];

/** Where a Pact provider-state change endpoint tends to be, on the target itself. */
export const stateChangePaths = [
  '/_pact/provider-states',
  '/_pact/provider_states',
  '/provider-states',
  '/provider_states',
  '/pact/provider-states',
  '/_pact/state-change',
];

/** Where a test inbox of the codes sent tends to be: `{cc}` and `{phone_number}` filled in by the code source. */
const inboxPaths = ['/_inbox/{cc}/{phone_number}', '/_inbox/{cc}{phone_number}', '/inbox/{cc}/{phone_number}'];

const codeLike = /^\d{3}-?\d{3}$/;

/** `declaredProfile`: the profile the flags or the file give; without one, the target's answers tell it. */
export async function probeTarget(
  settings: CheckedSettings & { target: string },
  declaredProfile?: Profile,
): Promise<Findings> {
  const found: string[] = [];
  const target = await loginTarget(settings, found);
  const client = new TargetClient({ ...settings, baseUrl: target, secrets: new Secrets() });
  try {
    const sessions = new Sessions(client, settings);
    const session = await sessions.token('admin');
    const problem = loginProblem(session, { which: 'admin', ...settings.admin }, target);
    if (problem) throw new UsageError(problem);
    if (!('token' in session))
      throw new UsageError(`the admin login gave no token on ${target}: ${session.unavailable}`);
    const admin: AdminSend = async (exchange) =>
      client.send({ ...exchange, headers: await sessions.headers('admin'), case: 'init' });
    found.push(`login: ${settings.admin.user} logs in on ${target}`);

    const control = await admin({ method: 'GET', path: controlPaths.code });
    const controlProtocol =
      control.response?.status === 200 && Array.isArray((jsonOf(control) as { codes?: unknown })?.codes);
    found.push(
      `control protocol: ${controlProtocol ? 'served' : `not served (GET ${controlPaths.code} answered ${answerOf(control)})`}`,
    );
    const stateChangeUrl =
      settings.stateChangeUrl ??
      (controlProtocol || settings.hooks ? undefined : await findStateChange(client, target, found));

    const profile = declaredProfile ?? (await profileOf(admin, found));
    const findings: Findings = {
      target,
      profile,
      controlProtocol,
      found,
      ...(stateChangeUrl ? { stateChangeUrl } : {}),
    };
    if (profile !== 'legacy') return findings;
    // The one probe that registers: a fresh number (country code 999, no phone) with a minted certificate.
    if (settings.mintedCertificates !== undefined)
      return { ...findings, acceptsMintedCertificates: settings.mintedCertificates };
    if (!sideEffectsAllowed({ ...settings, target, mintedCertificates: false, controlProtocol })) {
      found.push(
        'minted certificates: not probed (that sends a registration: allowed on loopback, or with --allow-side-effects)',
      );
      return findings;
    }
    const { number, exchange: registration, accepted } = await mintedRegistration(admin);
    found.push(`minted certificates: ${accepted ? 'accepted' : `refused (${answerOf(registration)})`}`);
    const codeSource =
      settings.codeSource ??
      (controlProtocol || settings.hooks || !accepted
        ? undefined
        : await findCodeSource(client, target, registration, number, found));
    return { ...findings, acceptsMintedCertificates: accepted, ...(codeSource ? { codeSource } : {}) };
  } finally {
    await client.close();
  }
}

/** The URL the login answers at: as given (cut before `/v1/` when an endpoint was pasted), or under a prefix. */
async function loginTarget(settings: CheckedSettings & { target: string }, found: string[]): Promise<string> {
  const given = new URL(settings.target);
  const cut = given.pathname.indexOf('/v1/');
  const base = cut >= 0 ? `${given.origin}${given.pathname.slice(0, cut)}` : settings.target.replace(/\/+$/, '');
  if (cut >= 0) found.push(`target: ${base} (the URL given names an endpoint: the API's base is before /v1/)`);
  await checkReachable(base, { path: loginPath.slice(1), timeoutMs: settings.timeoutMs, transport: settings });
  const client = new TargetClient({ ...settings, baseUrl: base, secrets: new Secrets() });
  try {
    const at = async (prefix: string) =>
      (await client.send({ method: 'POST', path: `${prefix}${loginPath}`, case: 'init' })).response?.status;
    if ((await at('')) !== 404) return base;
    for (const prefix of prefixes) {
      if ((await at(`/${prefix}`)) !== 404) {
        found.push(`path prefix: the login is under /${prefix}, not at ${base}${loginPath}`);
        return `${base}/${prefix}`;
      }
    }
    return base;
  } finally {
    await client.close();
  }
}

/**
 * A state-change endpoint at a conventional path: one that answers an unknown provider state with anything but 404
 * (a state it does not know changes nothing). Only where an unknown path is 404: a server that answers every path
 * says nothing by answering this one.
 */
async function findStateChange(client: TargetClient, base: string, found: string[]): Promise<string | undefined> {
  const ask = (path: string) =>
    client.send({
      method: 'POST',
      path,
      body: { state: 'wa-account-conformance init: is this a state-change URL?', params: {}, action: 'setup' },
      case: 'init',
    });
  const unknown = await ask(`/wa-account-conformance-${randomUUID()}`);
  if (unknown.response?.status !== 404) {
    found.push(`state-change URL: not looked for (an unknown path answered ${answerOf(unknown)}, not 404)`);
    return undefined;
  }
  for (const path of stateChangePaths) {
    const answer = await ask(path);
    const status = answer.response?.status;
    if (status !== undefined && status !== 404 && status !== 405) {
      const url = `${base}${path}`;
      found.push(`state-change URL: ${url} (an unknown state answered ${status})`);
      return url;
    }
  }
  found.push(`state-change URL: none at ${stateChangePaths.join(', ')}`);
  return undefined;
}

/**
 * The profile a registration shows whose certificate cannot be decoded (so no code can be sent): the sunset refuses
 * it with the blocked 1005, whether it validates first or not; a legacy client refuses the certificate.
 */
async function profileOf(admin: AdminSend, found: string[]): Promise<Profile | undefined> {
  const answer = await admin({
    method: 'POST',
    path: '/v1/account',
    body: { ...freshNumber(), method: 'sms', cert: 'Cg==' },
  });
  const errors = (jsonOf(answer) as { errors?: { code?: unknown }[] } | undefined)?.errors;
  const code = Array.isArray(errors) ? errors[0]?.code : undefined;
  const status = answer.response?.status;
  if (code === 1005) {
    found.push('profile: sunset (a registration was answered with the blocked 1005)');
    return 'sunset';
  }
  if (status !== undefined && status >= 400 && status < 500) {
    found.push(
      `profile: legacy (a registration with a certificate that cannot be decoded was answered ${status}${code === undefined ? '' : ` with ${code}`}, not the sunset 1005)`,
    );
    return 'legacy';
  }
  found.push(`profile: not told by the target (a registration with a bad certificate answered ${answerOf(answer)})`);
  return undefined;
}

/** After a 202: the code in a header of it, or in a test inbox at a conventional path. */
async function findCodeSource(
  client: TargetClient,
  base: string,
  registration: Exchange,
  number: PhoneNumber,
  found: string[],
): Promise<CodeSourceConfig | undefined> {
  const header = Object.entries(registration.response?.headers ?? {}).find(([, value]) => codeLike.test(value))?.[0];
  if (header) {
    found.push(`codes: in the response header ${header} of a 202`);
    return { type: 'header', header };
  }
  for (const template of inboxPaths) {
    const path = template.replace('{cc}', number.cc).replace('{phone_number}', number.phone_number);
    const answer = await client.send({ method: 'GET', path, case: 'init' });
    const body = jsonOf(answer) as Record<string, unknown> | Record<string, unknown>[] | undefined;
    const message = Array.isArray(body) ? body[0] : body;
    if (answer.response?.status === 200 && typeof message?.code === 'string' && codeLike.test(message.code)) {
      const pointer = Array.isArray(body) ? '/0' : '';
      found.push(`codes: in a test inbox at ${template}`);
      return {
        type: 'inbox',
        url: `${base}${template}`,
        pointer: `${pointer}/code`,
        ...(typeof message.sentAt === 'string' ? { sentAtPointer: `${pointer}/sentAt` } : {}),
      };
    }
  }
  found.push('codes: none found (no header of the 202 holds one, no test inbox at the usual paths)');
  return undefined;
}

function answerOf(exchange: Exchange): string {
  return exchange.response ? String(exchange.response.status) : `no answer: ${exchange.error}`;
}
