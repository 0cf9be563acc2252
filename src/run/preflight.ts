import { Secrets, TargetClient } from '../client/index.js';
import { Sessions } from '../harness/sessions.js';
import type { RunSettings } from '../settings/runSettings.js';
import { checkReachable } from './reachable.js';
import type { ResolvedSettings } from './resolveSettings.js';
import {
  type AdminSend,
  type CheckedSettings,
  checkKnownNumbers,
  checkMintedCertificates,
  checkSources,
  checkToken,
  loginProblem,
} from './targetChecks.js';
import { roundTripOf, workersFor } from './targetDistance.js';
import { UsageError } from './usageError.js';

/** What the suite starts when no target is given: it speaks the control protocol and takes minted certificates. */
export interface EmbeddedReference {
  server: { url: string };
  admin: RunSettings['admin'];
  user: RunSettings['user'];
  numbers: RunSettings['numbers'];
}

/**
 * Everything checked before a test runs, once per command: that the Pact Broker answers (when one is configured),
 * then, for a target we did not start, that it answers, that its accounts log in, that every configured source
 * answers (a misconfiguration is exit 2 naming the source, never a FAIL of the target), whether it takes minted
 * certificates (when not declared), and that each known number without a state source is still in its state.
 */
export async function preflight(
  resolved: ResolvedSettings,
  { reference, say }: { reference?: EmbeddedReference; say: (line: string) => void },
): Promise<RunSettings> {
  if (resolved.pactBroker) await checkBroker(resolved.pactBroker.url);
  // The notices were for the person who wrote the configuration; no check and no worker reads them.
  const { notices: _notices, ...settings } = resolved;
  if (reference) return embeddedSettings(settings, reference);
  if (!settings.target) throw new UsageError('no target: give --target, or run against the embedded reference');
  return prepareTarget({ ...settings, target: settings.target }, say);
}

/** The workers of a run that leaves them open, from the target's round trip; said when it is more than one. */
async function chosenWorkers(client: TargetClient, say: (line: string) => void): Promise<number> {
  const { workers, why } = workersFor(await roundTripOf(client));
  if (why) say(why);
  return workers;
}

export function checkBroker(url: string): Promise<void> {
  return checkReachable(url, { what: 'Pact Broker' });
}

function embeddedSettings(resolved: CheckedSettings, reference: EmbeddedReference): RunSettings {
  return {
    ...resolved,
    workers: resolved.workers ?? 1,
    target: reference.server.url,
    admin: reference.admin,
    user: reference.user,
    numbers: reference.numbers,
    controlProtocol: true,
    mintedCertificates: true,
  };
}

async function prepareTarget(
  resolved: CheckedSettings & { target: string },
  say: (line: string) => void,
): Promise<RunSettings> {
  await checkReachable(resolved.target, { path: 'v1/users/login', timeoutMs: resolved.timeoutMs, transport: resolved });
  const client = new TargetClient({ ...resolved, baseUrl: resolved.target, secrets: new Secrets() });
  try {
    const sessions = new Sessions(client, { admin: resolved.admin, user: resolved.user });
    const session = await sessions.token('admin');
    const adminProblem = loginProblem(session, { which: 'admin', ...resolved.admin }, resolved.target);
    if (adminProblem) throw new UsageError(adminProblem);
    const userProblem =
      resolved.user &&
      loginProblem(await sessions.token('user'), { which: 'non-admin', ...resolved.user }, resolved.target);
    if (userProblem) throw new UsageError(userProblem);
    const admin: AdminSend = async (exchange) =>
      client.send({ ...exchange, headers: await sessions.headers('admin'), case: 'preflight' });
    if (!resolved.admin.password && resolved.admin.token) await checkToken(resolved.target, admin);
    const stateSupports = await checkSources(resolved, admin, 'token' in session);
    const settings: RunSettings = {
      ...resolved,
      workers: resolved.workers ?? (await chosenWorkers(client, say)),
      ...(await checkMintedCertificates(resolved, admin, session, say)),
    };
    if (resolved.profile === 'legacy' && 'token' in session)
      return { ...settings, ...(await checkKnownNumbers(settings, admin, stateSupports)) };
    return settings;
  } finally {
    await client.close();
  }
}
