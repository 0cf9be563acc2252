import { randomInt } from 'node:crypto';
import { resolve } from 'node:path';
import type { ConformanceConfig } from '../generated/types.js';
import type { RunSettings } from '../settings/runSettings.js';
import type { RunOptions } from './runOptions.js';
import { readExpectedFailures } from './expectedFailuresFile.js';
import { UsageError } from './usageError.js';

export const secretVariables = {
  password: 'WA_CONFORMANCE_PASSWORD',
  token: 'WA_CONFORMANCE_TOKEN',
  userPassword: 'WA_CONFORMANCE_USER_PASSWORD',
} as const;

/** Flags override the environment, which overrides the config file, which overrides the defaults. */
export function resolveSettings(flags: RunOptions, config: ConformanceConfig, env: NodeJS.ProcessEnv): Omit<RunSettings, 'target'> & { target?: string } {
  const target = flags.target ?? config.target;
  if (target !== undefined) checkTarget(target);
  const adminPassword = flags.password ?? env[secretVariables.password] ?? config.auth?.admin?.password;
  const adminToken = flags.token ?? env[secretVariables.token] ?? config.auth?.admin?.token;
  const nonAdminName = flags.nonAdmin ?? config.auth?.user?.user;
  const nonAdminPassword = flags.nonAdminPassword ?? env[secretVariables.userPassword] ?? config.auth?.user?.password;
  if (nonAdminName && !nonAdminPassword) {
    throw new UsageError(`the non-admin account "${nonAdminName}" needs a password: --non-admin-password or ${secretVariables.userPassword}`);
  }
  if (target !== undefined && !adminPassword && !adminToken) {
    throw new UsageError(`no admin credentials for ${target}: give --password (or ${secretVariables.password}) or --token (or ${secretVariables.token})`);
  }
  return {
    target,
    profile: flags.profile ?? config.profile ?? 'sunset',
    seed: flags.seed ?? config.seed ?? randomInt(2 ** 31 - 1),
    runs: flags.runs ?? config.runs ?? 200,
    timeoutMs: flags.timeout ?? config.timeout ?? 10_000,
    insecure: flags.insecure ?? config.insecure ?? false,
    admin: { user: flags.user ?? config.auth?.admin?.user ?? 'admin', password: adminPassword, token: adminToken },
    user: nonAdminName && nonAdminPassword ? { user: nonAdminName, password: nonAdminPassword } : undefined,
    reportDir: resolve(flags.reportDir ?? config.reportDir ?? 'conformance-report'),
    fixtures: config.fixtures ?? {},
    sideEffects: flags.allowSideEffects ?? config.sideEffects ?? false,
    emulator: config.emulator ?? false,
    expectedFailures: flags.expectedFailures ? readExpectedFailures(flags.expectedFailures) : [],
  };
}

function checkTarget(target: string): void {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new UsageError(`target "${target}" is not a URL (expected e.g. http://127.0.0.1:8080)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`target "${target}" must be http:// or https://`);
}
