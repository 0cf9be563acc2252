import { InvalidArgumentError } from 'commander';
import type { Profile } from '../requirements/index.js';

/** The run command's flags as commander parses them. */
export interface RunOptions {
  target?: string;
  profile?: Profile;
  user?: string;
  password?: string;
  token?: string;
  nonAdmin?: string;
  nonAdminPassword?: string;
  config?: string;
  reportDir?: string;
  seed?: number;
  runs?: number;
  list?: boolean;
  grep?: string;
  insecure?: boolean;
  timeout?: number;
  allowSideEffects?: boolean;
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
