import type { Exchange } from '../client/index.js';
import { isClientError } from './answers.js';
import { expectation } from './expectations.js';
import { otherCase } from './otherCase.js';
import { basicAuthorization, loginPath, tokenOf } from './sessions.js';
import type { Target } from './target.js';

/** Which check sends it: LOGIN-BAD-CREDENTIALS, LOGIN-CREDENTIALS-PERTURBED, LOGIN-USER-NAME-CASE, RESPONSE-JSON. */
export type LoginProbeKind = 'wrong-password' | 'perturbed' | 'user-case' | 'refusal-format';

/** A login sent with credentials the target must refuse (or, for the user name's case, may accept). */
export interface LoginProbe {
  kind: LoginProbeKind;
  /** What was changed, in the report's words. */
  name: string;
  authorization: string;
  /** Derived from the password: redacted in every output under this variable. */
  secret?: { variable: string; value: string };
}

const base64 = (text: string) => Buffer.from(text).toString('base64');

function basic(kind: LoginProbeKind, name: string, user: string, password: string, variable?: string): LoginProbe {
  const authorization = basicAuthorization(user, password);
  return { kind, name, authorization, ...(variable ? { secret: { variable, value: authorization.slice(6) } } : {}) };
}

/**
 * The bad logins a run may send, in the order it sends them: the first `--auth-probes` are sent, the rest not tried,
 * so a run never sends more than it says (the client answers 429 past 30 failed logins an hour). The first is
 * LOGIN-BAD-CREDENTIALS'; then each part of the admin's credentials changed alone, and malformed headers
 * (LOGIN-CREDENTIALS-PERTURBED); the user name's case (LOGIN-USER-NAME-CASE), which a target may accept; last a
 * wrong password whose refusal RESPONSE-JSON reads.
 * A change that leaves the credentials as they were (a password without letters has no other case) is left out.
 */
export function loginProbes(admin: { user: string; password?: string }, otherUser?: string): LoginProbe[] {
  const { user, password } = admin;
  const wrong = basic('wrong-password', 'a wrong password', user, 'Wrong-Password-1!');
  const refusal = basic('refusal-format', 'a wrong password', user, 'Wrong-Password-1!');
  if (!password) return [wrong, refusal];
  const other = otherUser ?? `${user}-nobody`;
  const prefix = password.slice(0, -1);
  const probes: (LoginProbe | false)[] = [
    wrong,
    basic(
      'perturbed',
      `another user name (${other}) with the admin's password`,
      other,
      password,
      'WA_CONFORMANCE_OTHER_USER_BASIC',
    ),
    basic('perturbed', 'an empty password', user, ''),
    prefix.length > 0 &&
      basic(
        'perturbed',
        'the password without its last character',
        user,
        prefix,
        'WA_CONFORMANCE_PASSWORD_PREFIX_BASIC',
      ),
    otherCase(password) !== password &&
      basic(
        'perturbed',
        "the password's case changed",
        user,
        otherCase(password),
        'WA_CONFORMANCE_PASSWORD_CASE_BASIC',
      ),
    {
      kind: 'perturbed',
      name: 'an Authorization header without the colon between user and password',
      authorization: `Basic ${base64(`${user}${password}`)}`,
      secret: { variable: 'WA_CONFORMANCE_NO_COLON_BASIC', value: base64(`${user}${password}`) },
    },
    { kind: 'perturbed', name: 'an Authorization header that is not base64', authorization: 'Basic %not*base64%' },
    {
      kind: 'perturbed',
      name: 'the credentials under another scheme',
      authorization: `Token ${base64(`${user}:${password}`)}`,
    },
    otherCase(user) !== user &&
      basic(
        'user-case',
        `the user name's case changed (${otherCase(user)})`,
        otherCase(user),
        password,
        'WA_CONFORMANCE_USER_CASE_BASIC',
      ),
    refusal,
  ];
  return probes.filter((p): p is LoginProbe => p !== false);
}

/**
 * This check's probes within the run's budget (`--auth-probes`: the first N of `loginProbes`), and the names of
 * those past it, which are not sent.
 */
export function budgetedProbes(target: Target, kind: LoginProbeKind): { sent: LoginProbe[]; notSent: string[] } {
  const { admin, user, authProbes } = target.settings;
  const all = loginProbes(admin, user?.user).map((probe, index) => ({ probe, index }));
  const mine = all.filter(({ probe }) => probe.kind === kind);
  return {
    sent: mine.filter(({ index }) => index < authProbes).map(({ probe }) => probe),
    notSent: mine.filter(({ index }) => index >= authProbes).map(({ probe }) => probe.name),
  };
}

/** One bad login, sent once (a retry would be one more the target counts), its derived credentials redacted. */
export async function sendProbe(target: Target, probe: LoginProbe): Promise<Exchange> {
  if (probe.secret) target.client.secrets.add(probe.secret.variable, probe.secret.value);
  const answer = await target.post(loginPath, undefined, {
    as: 'anonymous',
    headers: { authorization: probe.authorization },
    once: true,
  });
  target.sessions.refusedLogins.set(probe.kind, answer);
  return answer;
}

/** The target limits bad logins (429, or asked to wait): no more are sent, so as never to lock the admin out. */
export function rateLimited(answer: Exchange): boolean {
  return answer.response?.status === 429 || answer.notReady !== undefined;
}

export const refusedWithoutToken = expectation(
  'a 4xx refusal with no token',
  (answer) => isClientError(answer) && tokenOf(answer) === undefined,
);
