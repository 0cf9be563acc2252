import type { Profile } from '../requirements/index.js';
import type { BrokerOptions } from './brokerSettings.js';

/**
 * Bad logins a run sends when neither --auth-probes nor the file says. The client answers 429 to every login, good
 * ones too, past 30 failed ones an hour from one address: three runs an hour send 27, and their own logins still work.
 */
/**
 * The most registrations a run completes, when neither --registrations nor the config file says: the fewest a default
 * legacy run needs to judge every requirement (5 for the requirements' own flows, 5 for the stateful model's chosen
 * sequences). Each restarts Coreapp on a real cluster.
 */
export const defaultRegistrations = 10;

export const defaultAuthProbes = 9;

/** The run command's flags as commander parses them (and `contracts verify`'s, with its broker flags). */
export interface RunOptions extends BrokerOptions {
  target?: string;
  profile?: Profile;
  user?: string;
  password?: string;
  token?: string;
  nonAdmin?: string;
  nonAdminPassword?: string;
  config?: string;
  stateChangeUrl?: string;
  hooks?: string;
  reportDir?: string;
  seed?: number;
  runs?: number;
  concurrency?: number;
  list?: boolean;
  grep?: string;
  insecure?: boolean;
  ca?: string;
  clientCert?: string;
  clientKey?: string;
  maxBodyBytes?: number;
  maxTime?: number;
  budget?: number;
  maxWait?: number;
  retries?: number;
  authProbes?: number;
  registrations?: number;
  interop?: 'report' | 'strict';
  timeout?: number;
  allowSideEffects?: boolean;
  expectedFailures?: string;
  shard?: Shard;
  workers?: number;
}

/** Part `current` of `total`, as Playwright's runner takes a shard. */
export interface Shard {
  current: number;
  total: number;
}
