import { accessSync, constants, existsSync } from 'node:fs';
import { basename, delimiter, join } from 'node:path';
import { mintCertificate } from '../cert/index.js';
import { type Exchange, jsonOf, Secrets, TargetClient } from '../client/index.js';
import { Sessions } from '../fixtures/sessions.js';
import { controlPaths, type NumberState } from '../protocol/index.js';
import { type RunSettings, sideEffectsAllowed } from '../settings/runSettings.js';
import { placeholder } from '../sources/declarativeCodes.js';
import { hooksStateSource, loadHooks } from '../sources/hooksModule.js';
import { freshNumber } from '../sources/numbers.js';
import { checkReachable, loginProblem, tokenProblem } from './preflight.js';
import type { ResolvedSettings } from './resolveSettings.js';
import { UsageError } from './usageError.js';

/**
 * Everything checked before a test runs against a target we did not start: that it answers, that every configured
 * source answers (a misconfiguration is exit 2 naming the source, never a FAIL of the target), whether it takes
 * minted certificates (when not declared), and that each fixture without a state source is still in its state.
 */
export async function prepareTarget(
  resolved: ResolvedSettings & { target: string },
  say: (line: string) => void,
): Promise<RunSettings> {
  await checkReachable(resolved.target, { path: 'v1/users/login', timeoutMs: resolved.timeoutMs, transport: resolved });
  const secrets = new Secrets();
  const client = new TargetClient({ ...resolved, baseUrl: resolved.target, secrets });
  try {
    const sessions = new Sessions(client, { admin: resolved.admin, user: resolved.user });
    const session = await sessions.token('admin');
    const adminProblem = loginProblem(session, { which: 'admin', ...resolved.admin }, resolved.target);
    if (adminProblem) throw new UsageError(adminProblem);
    const userProblem =
      resolved.user &&
      loginProblem(await sessions.token('user'), { which: 'non-admin', ...resolved.user }, resolved.target);
    if (userProblem) throw new UsageError(userProblem);
    const admin = async (exchange: Omit<Parameters<TargetClient['send']>[0], 'case' | 'headers'>) =>
      client.send({ ...exchange, headers: await sessions.headers('admin'), case: 'preflight' });
    if (!resolved.admin.password && resolved.admin.token) await checkToken(resolved.target, admin);
    const stateSupports = await checkSources(resolved, admin, 'token' in session);
    const settings: RunSettings = { ...resolved, mintedCertificates: false };
    delete (settings as Partial<ResolvedSettings>).notices;
    const declared = resolved.mintedCertificates;
    if (declared === false) {
      settings.mintedCertificatesNote = '"acceptsMintedCertificates": false';
    } else if (resolved.profile !== 'legacy' || !('token' in session)) {
      // Taken at its word: the sunset profile registers nothing, and without a session there is nothing to probe with.
      settings.mintedCertificates = declared ?? false;
      settings.mintedCertificatesNote = declared
        ? undefined
        : 'token' in session
          ? 'not probed in the sunset profile'
          : `not probed: no admin session (${session.unavailable})`;
    } else if (!declared && !sideEffectsAllowed({ ...resolved, mintedCertificates: false })) {
      settings.mintedCertificatesNote = 'not probed: that would send a registration, and side effects are not allowed';
    } else {
      // One registration of a fresh number (country code 999: no phone) with a minted certificate.
      const probe = await admin({
        method: 'POST',
        path: '/v1/account',
        body: { ...freshNumber(), method: 'sms', cert: mintCertificate({ verifiedName: 'Conformance Probe' }) },
      });
      const status = probe.response?.status;
      settings.mintedCertificates = status !== undefined && status >= 200 && status < 300;
      if (declared && !settings.mintedCertificates) {
        throw new UsageError(
          `"acceptsMintedCertificates" is true, but ${resolved.target} answered ${status ?? probe.error} to a registration with a minted certificate; set it to false, or leave it out to have it probed`,
        );
      }
      settings.mintedCertificatesNote = settings.mintedCertificates
        ? undefined
        : `the target answered ${status ?? probe.error} to a minted certificate before the run`;
      if (!declared)
        say(
          `minted certificates: ${settings.mintedCertificates ? 'accepted (fresh numbers will be used)' : `refused (${settings.mintedCertificatesNote})`}`,
        );
    }
    if (resolved.profile === 'legacy' && 'token' in session) await checkFixtures(settings, admin, stateSupports);
    return settings;
  } finally {
    await client.close();
  }
}

type AdminSend = (exchange: { method: string; path: string; body?: unknown }) => Promise<Exchange>;

/** A token that was given, not issued by a login here, must be one the target takes (`tokenProblem`). */
async function checkToken(target: string, admin: AdminSend): Promise<void> {
  const problem = tokenProblem(
    (await admin({ method: 'POST', path: '/v1/account', body: {} })).response?.status,
    target,
  );
  if (problem) throw new UsageError(problem);
}

/** Each configured source answers; returns which states the state source can set. */
async function checkSources(
  s: ResolvedSettings,
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
 * Fixtures no state source can put back must still be in their state: a number an earlier run registered is a
 * configuration to mend (exit 2, naming it), not a fault of the target. Only answers that show the state are taken
 * as such (202 for a registered number, 201 for an unregistered one); any other answer is for the tests to judge.
 */
async function checkFixtures(
  s: RunSettings,
  admin: AdminSend,
  supports: (state: NumberState) => boolean,
): Promise<void> {
  const { registered, twoStep, unregistered } = s.fixtures;
  const statusOf = async (number: { cc: string; phone_number: string; cert: string }) =>
    (
      await admin({
        method: 'POST',
        path: '/v1/account',
        body: { cc: number.cc, phone_number: number.phone_number, method: 'sms', cert: number.cert },
      })
    ).response?.status;
  const mend = 'restore it on the target, or configure a state source ("stateChangeUrl" or "hooks") so the suite can';
  if (registered && !supports('registered') && (await statusOf(registered)) === 202) {
    throw new UsageError(
      `fixtures.registered (+${registered.cc} ${registered.phone_number}) is not registered on ${s.target}: it answered 202 (a code was sent); ${mend}`,
    );
  }
  if (twoStep && !supports('two-step') && (await statusOf(twoStep)) === 201) {
    throw new UsageError(
      `fixtures.twoStep (+${twoStep.cc} ${twoStep.phone_number}) is registered on ${s.target} (it answered 201), so its PIN cannot be checked; ${mend}`,
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
      `fixtures.unregistered (+${unregistered.cc} ${unregistered.phone_number}) is registered on ${s.target} (it answered 201): an earlier run's /verify registered it; ${mend}`,
    );
  }
}
