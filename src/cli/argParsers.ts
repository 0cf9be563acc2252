// What commander turns an argument into, or the one line it prints when it cannot.
import { InvalidArgumentError } from 'commander';
import type { Profile } from '../requirements/index.js';
import type { Shard } from '../run/runOptions.js';

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

/** `--consumer-version-selectors '[{"branch": "main"}]'`: a JSON array of objects. */
export function selectorsArgument(value: string): Record<string, unknown>[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new InvalidArgumentError('not JSON: expected an array of selectors, e.g. \'[{"mainBranch": true}]\'');
  }
  if (!Array.isArray(parsed) || !parsed.every((s) => s && typeof s === 'object' && !Array.isArray(s))) {
    throw new InvalidArgumentError('expected a JSON array of selector objects, e.g. \'[{"mainBranch": true}]\'');
  }
  return parsed as Record<string, unknown>[];
}
