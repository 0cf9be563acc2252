// The named checks the preflight makes on a target we did not start: each throws a UsageError naming the
// configuration to mend, or leaves the question to the tests.
import { accessSync, constants, existsSync } from 'node:fs';
import { basename, delimiter, join } from 'node:path';
import { mintCertificate } from '../cert/index.js';
import { type Exchange, jsonOf } from '../client/index.js';
import { isSuccess } from '../harness/answers.js';
import { loginPath, type SessionResult } from '../harness/sessions.js';
import { controlPaths, type NumberState, type PhoneNumber } from '../protocol/index.js';
import { type RunSettings, sideEffectsAllowed } from '../settings/runSettings.js';
import { placeholder } from '../sources/declarativeCodes.js';
import { hooksStateSource, loadHooks } from '../sources/hooksModule.js';
import { freshNumber } from '../sources/numbers.js';
import { checkReachable } from './reachable.js';
import type { ResolvedSettings } from './resolveSettings.js';
import { UsageError } from './usageError.js';

/**
 * Why the run cannot go on with the login it tried for an account, or undefined. Credentials the target refuses are
 * the configuration's fault, not the target's: no test would mean anything. A login that takes them and issues no
 * token is the target's (LOGIN-TOKEN, `blockedBy`): the tests judge it. So is an account without a password.
 */
export function loginProblem(
  tried: SessionResult,
  account: { which: string; user: string; password?: string },
  target: string,
): string | undefined {
  if (!account.password || !('unavailable' in tried) || tried.blockedBy) return undefined;
  if (tried.status === 404)
    return `POST ${loginPath} answered 404 on ${target}: no login there; check the target URL (a client under a path prefix is https://host/prefix)`;
  if (tried.status === 429)
    return `the ${account.which} account "${account.user}" cannot log in on ${target} now: the login answered 429, as a client does past 30 failed logins an hour from one address; wait before the next run, or send fewer bad logins per run (--auth-probes)`;
  return `the ${account.which} account "${account.user}" cannot log in on ${target} (${tried.unavailable}): check its user name and password`;
}

/**
 * Why a token that was given, not issued by a login here, cannot be used: a registration without its parameters (it
 * cannot register anything) answered 401 says the target does not take it, and every test would fail on that alone.
 */
export function tokenProblem(status: number | undefined, target: string): string | undefined {
  if (status !== 401) return undefined;
  return `the admin token (--token or WA_CONFORMANCE_TOKEN) is refused by ${target}: POST /v1/account answered 401; give a current token, or the admin password to log in with`;
}

/** The settings the checks read: resolved from flags, environment and file, before the target was looked at. */
export type CheckedSettings = Omit<ResolvedSettings, 'notices'>;

export type AdminSend = (exchange: { method: string; path: string; body?: unknown }) => Promise<Exchange>;

/** A token that was given, not issued by a login here, must be one the target takes (`tokenProblem`). */
export async function checkToken(target: string, admin: AdminSend): Promise<void> {
  const problem = tokenProblem(
    (await admin({ method: 'POST', path: '/v1/account', body: {} })).response?.status,
    target,
  );
  if (problem) throw new UsageError(problem);
}

/**
 * Whether the target takes minted certificates, when the configuration does not say: one registration of a fresh
 * number (country code 999: no phone) with one, in the legacy profile, where side effects are allowed.
 */
export async function checkMintedCertificates(
  resolved: CheckedSettings & { target: string },
  admin: AdminSend,
  loggedIn: SessionResult,
  say: (line: string) => void,
): Promise<Pick<RunSettings, 'mintedCertificates' | 'mintedCertificatesNote'>> {
  const declared = resolved.mintedCertificates;
  if (declared === false)
    return { mintedCertificates: false, mintedCertificatesNote: '"acceptsMintedCertificates": false' };
  // Taken at its word: the sunset profile registers nothing, and without a session there is nothing to probe with.
  if (resolved.profile !== 'legacy' || !('token' in loggedIn)) {
    return {
      mintedCertificates: declared ?? false,
      mintedCertificatesNote: declared
        ? undefined
        : 'token' in loggedIn
          ? 'not probed in the sunset profile'
          : `not probed: no admin session (${loggedIn.unavailable})`,
    };
  }
  if (!declared && !sideEffectsAllowed({ ...resolved, mintedCertificates: false }))
    return {
      mintedCertificates: false,
      mintedCertificatesNote: 'not probed: that would send a registration, and side effects are not allowed',
    };
  const { exchange: probe, accepted } = await mintedRegistration(admin);
  const status = probe.response?.status;
  if (declared && !accepted) {
    throw new UsageError(
      `"acceptsMintedCertificates" is true, but ${resolved.target} answered ${status ?? probe.error} to a registration with a minted certificate; set it to false, or leave it out to have it probed`,
    );
  }
  const note = accepted
    ? undefined
    : `the target answered ${status ?? probe.error} to a minted certificate before the run`;
  if (!declared)
    say(`minted certificates: ${accepted ? 'accepted (fresh numbers will be used)' : `refused (${note})`}`);
  return { mintedCertificates: accepted, mintedCertificatesNote: note };
}

/**
 * One registration of a fresh number (country code 999: no phone) with a minted certificate, the only request of the
 * preflight and of `init` that may register anything: whether the target takes such certificates.
 */
export async function mintedRegistration(
  admin: AdminSend,
): Promise<{ number: PhoneNumber; exchange: Exchange; accepted: boolean }> {
  const number = freshNumber();
  const exchange = await admin({
    method: 'POST',
    path: '/v1/account',
    body: { ...number, method: 'sms', cert: mintCertificate({ verifiedName: 'Conformance Probe' }) },
  });
  return { number, exchange, accepted: isSuccess(exchange) };
}

/** Each configured source answers; returns which states the state source can set. */
export async function checkSources(
  s: CheckedSettings,
  admin: AdminSend,
  loggedIn: boolean,
): Promise<(state: NumberState) => boolean> {
  let supports: (state: NumberState) => boolean = () => false;
  if (s.controlProtocol && loggedIn) {
    const answer = await admin({ method: 'GET', path: controlPaths.code });
    const codes = (jsonOf(answer) as { codes?: unknown } | undefined)?.codes;
    if (answer.response?.status !== 200 || !Array.isArray(codes)) {
      throw new UsageError(
        `the control protocol ("controlProtocol", or "emulator": true) does not answer on ${s.target}: GET ${controlPaths.code} answered ${answer.response?.status ?? answer.error}; remove it from the configuration, or give a state or code source the target has`,
      );
    }
    supports = () => true;
  }
  if (s.stateChangeUrl) {
    await checkReachable(s.stateChangeUrl, {
      what: 'the state-change URL',
      timeoutMs: s.sourceTimeoutMs ?? 5_000,
      transport: s,
    });
    supports = () => true;
  }
  if (s.hooks) {
    let hooks;
    try {
      hooks = await loadHooks(s.hooks);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const state = hooksStateSource(s.hooks, hooks);
    if (state) supports = (wanted) => state.supports(wanted);
  }
  const code = s.codeSource;
  if (code?.type === 'inbox') {
    await checkReachable(new URL(code.url!.replace(placeholder, '0')).origin, {
      what: 'the inbox of codeSource',
      timeoutMs: s.sourceTimeoutMs ?? 5_000,
      transport: s,
    });
  }
  if (code?.type === 'command' && !runnable(code.argv![0]!)) {
    throw new UsageError(
      `the command of codeSource, ${JSON.stringify(code.argv![0])}, is not an executable file, nor found on PATH`,
    );
  }
  const script = code?.type === 'command' ? scriptOf(code.argv!) : undefined;
  if (script && !existsSync(script)) {
    throw new UsageError(
      `the script of codeSource's command, ${JSON.stringify(script)}, does not exist (from ${process.cwd()}): ${JSON.stringify(code!.argv![0])} would exit at once`,
    );
  }
  return supports;
}

const interpreters = /^(node|nodejs|python3?|ruby|perl|bash|sh|zsh|php)(\.exe)?$/;

/** The script an interpreter is given as its first argument (`node inbox-code.mjs`), if that is what argv is. */
function scriptOf([program, first]: string[]): string | undefined {
  return interpreters.test(basename(program!)) && first !== undefined && !first.startsWith('-') ? first : undefined;
}

function runnable(program: string): boolean {
  const candidates = program.includes('/')
    ? [program]
    : (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, program));
  return candidates.some((file) => {
    try {
      accessSync(file, constants.X_OK);
      return existsSync(file);
    } catch {
      return false;
    }
  });
}

/**
 * Whether the run may register a fresh number itself, unattended: minted certificates and a code source that may tell
 * any number's code (a hooks module is only known to when a worker loads it; one that cannot is an ERROR there).
 */
function mayRegisterItself(s: RunSettings): boolean {
  const code = s.codeSource;
  const declared = code !== undefined && code.type !== 'prompt' && !(code.type === 'fixed' && code.code === undefined);
  return s.mintedCertificates && (s.controlProtocol || declared || s.hooks !== undefined);
}

/**
 * KnownNumbers no state source can put back must still be in their state: a number an earlier run registered is a
 * configuration to mend (exit 2, naming it), not a fault of the target — unless the run can register a number itself,
 * which then stands in for numbers.registered (`staleRegistered` says why). Only answers that show the state are taken
 * as such (202 for a registered number, 201 for an unregistered one); any other answer is for the tests to judge.
 */
export async function checkKnownNumbers(
  s: RunSettings,
  admin: AdminSend,
  supports: (state: NumberState) => boolean,
): Promise<{ staleRegistered?: string }> {
  const { registered, twoStep, unregistered } = s.numbers;
  const statusOf = async (number: { cc: string; phone_number: string; cert: string }) =>
    (
      await admin({
        method: 'POST',
        path: '/v1/account',
        body: { cc: number.cc, phone_number: number.phone_number, method: 'sms', cert: number.cert },
      })
    ).response?.status;
  const mend = 'restore it on the target, or configure a state source ("stateChangeUrl" or "hooks") so the suite can';
  let staleRegistered: string | undefined;
  if (registered && !supports('registered') && (await statusOf(registered)) === 202) {
    const stale = `numbers.registered (+${registered.cc} ${registered.phone_number}) is not registered on ${s.target}: it answered 202 (a code was sent); ${mend}`;
    // A run that can register a number itself judges the target on that one instead: 202 for it is the target's fault.
    if (!mayRegisterItself(s)) throw new UsageError(stale);
    staleRegistered = stale;
  }
  if (twoStep && !supports('two-step') && (await statusOf(twoStep)) === 201) {
    throw new UsageError(
      `numbers.twoStep (+${twoStep.cc} ${twoStep.phone_number}) is registered on ${s.target} (it answered 201), so its PIN cannot be checked; ${mend}`,
    );
  }
  if (
    unregistered &&
    !s.mintedCertificates &&
    !supports('unregistered') &&
    sideEffectsAllowed(s) &&
    (await statusOf(unregistered)) === 201
  ) {
    throw new UsageError(
      `numbers.unregistered (+${unregistered.cc} ${unregistered.phone_number}) is registered on ${s.target} (it answered 201): an earlier run's /verify registered it; ${mend}`,
    );
  }
  return staleRegistered ? { staleRegistered } : {};
}
