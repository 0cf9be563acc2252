import type { ExpectedFailure, KnownNumbers } from '../generated/types.js';
import type { Profile } from '../requirements/index.js';
import type { SourceSettings } from '../sources/openSources.js';
import type { BrokerSource } from './brokerSource.js';

/** Everything a run needs, resolved by the CLI and handed to the Playwright workers. */
export interface RunSettings extends SourceSettings {
  target: string;
  profile: Profile;
  seed: number;
  runs: number;
  /** Generated requests in flight at once for a property whose checks are independent. */
  concurrency: number;
  /** Playwright workers (the registration specs run in one of them, one at a time). */
  workers: number;
  timeoutMs: number;
  admin: { user: string; password?: string; token?: string };
  user?: { user: string; password: string };
  reportDir: string;
  /** Numbers in known states on the target. */
  numbers: KnownNumbers;
  /** Tests that make a non-loopback target send a code or change a PIN may run. */
  sideEffects: boolean;
  /** The target takes minted, unsigned certificates: fresh numbers can be used (declared, or probed before the run). */
  mintedCertificates: boolean;
  /** Why not, when not: shown by the tests that need them. */
  mintedCertificatesNote?: string;
  /** numbers.registered answered 202 before the run, which can register a number of its own instead: why it is not used. */
  staleRegistered?: string;
  /**
   * A directory of the run's own, removed when it ends (set by runSuite): the circuit breaker's state, shared by the
   * run's processes, and Playwright's own output go there.
   */
  runDir?: string;
  /** The whole run's deadline, in seconds. */
  maxTimeSeconds?: number;
  /** The time the run's generated cases are scaled to fit, in seconds (--budget): none, every property sends all its runs. */
  budgetSeconds?: number;

  /** The most bad logins the run sends (login probes past it are not tried). */
  authProbes: number;
  /** The most registrations the run completes (--registrations): each restarts Coreapp on a real cluster. */
  registrations: number;
  /** What a client the target's answers break counts as (--interop): reported apart, or a WARN too. */
  interop: 'report' | 'strict';

  /** At most this many bytes of an answer are read. */
  maxBodyBytes?: number;
  /** Requirements known to FAIL on this target, with the reason. */
  expectedFailures: ExpectedFailure[];
  /** The pacts to verify come from this broker, not from the package (contracts verify, CONTRACT-HONOURED). */
  pactBroker?: BrokerSource;
}

/** 127.0.0.0/8, ::1 and localhost as written; any other spelling counts as remote, so it asks for the opt-in. */
export function isLoopback(target: string): boolean {
  const host = new URL(target).hostname;
  return host === 'localhost' || host === '[::1]' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Whether a test may make the target send a code or change a PIN: allowed, or no phone can be reached (loopback,
 * a target that speaks the control protocol, or one that takes unsigned certificates: none of them is a live client).
 */
export function sideEffectsAllowed(
  settings: Pick<RunSettings, 'sideEffects' | 'controlProtocol' | 'mintedCertificates' | 'target'>,
): boolean {
  return settings.sideEffects || settings.controlProtocol || settings.mintedCertificates || isLoopback(settings.target);
}

// One variable, passed in the child's environment: never on a command line, where `ps` would show secrets.
export const settingsVariable = 'WA_CONFORMANCE_SETTINGS';

export function settingsToEnv(settings: RunSettings): Record<string, string> {
  return { [settingsVariable]: JSON.stringify(settings) };
}

/** The profile of the run this process takes part in; none where the specs are only listed. */
export function runProfile(env: NodeJS.ProcessEnv = process.env): Profile | undefined {
  return env[settingsVariable] ? settingsFromEnv(env).profile : undefined;
}

export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): RunSettings {
  const raw = env[settingsVariable];
  if (!raw) {
    throw new Error(
      `${settingsVariable} is not set: run the suite with the wa-account-conformance command, not playwright directly`,
    );
  }
  return JSON.parse(raw) as RunSettings;
}
