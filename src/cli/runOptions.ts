import { InvalidArgumentError } from 'commander';
import type { Profile } from '../requirements/index.js';
import type { BrokerOptions } from './brokerSettings.js';

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
  maxWait?: number;
  retries?: number;
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

/** `i/n` with 1 ≤ i ≤ n, as Playwright's --shard takes it. */
export function shardSpec(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  if (!match || Number(match[1]) < 1 || Number(match[1]) > Number(match[2])) {
    throw new InvalidArgumentError('shard must be i/n with 1 ≤ i ≤ n, e.g. 1/2');
  }
  return { current: Number(match[1]), total: Number(match[2]) };
}

export function integerIn(name: string, min: number, max: number): (value: string) => number {
  return (value) => {
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}`);
    }
    return Number(value);
  };
}

export function profileName(value: string): Profile {
  if (value !== 'sunset' && value !== 'legacy') throw new InvalidArgumentError('profile must be "sunset" or "legacy"');
  return value;
}
