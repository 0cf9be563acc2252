import { randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { defaultRetryLimits } from '../client/index.js';
import type { CodeSourceConfig, ConformanceConfig, KnownNumbers } from '../generated/types.js';
import type { RunSettings } from '../settings/runSettings.js';
import { placeholder, templateKeys, unknownPlaceholders } from '../sources/declarativeCodes.js';
import { resolveBroker } from './brokerSettings.js';
import { readExpectedFailures } from './expectedFailuresFile.js';
import { defaultAuthProbes, defaultRegistrations, type RunOptions } from './runOptions.js';
import { UsageError } from './usageError.js';

export const secretVariables = {
  password: 'WA_CONFORMANCE_PASSWORD',
  token: 'WA_CONFORMANCE_TOKEN',
  userPassword: 'WA_CONFORMANCE_USER_PASSWORD',
} as const;

/** The most generated requests in flight at once, when neither --concurrency nor the config file says: measured with `npm run bench` against a target 40 ms away. */
export const defaultConcurrency = 64;

/** The settings before the target was looked at: whether it takes minted certificates may still be open. */
export type ResolvedSettings = Omit<RunSettings, 'target' | 'mintedCertificates' | 'workers'> & {
  target?: string;
  /** Given by --workers or the configuration; undefined: chosen by the target's round trip (targetDistance.ts). */
  workers?: number;
  /** Declared in the configuration; undefined: probe it. */
  mintedCertificates?: boolean;
  /** One line each, for renamed configuration keys: printed, never fatal. */
  notices: string[];
};

/** The secrets a run is given: from a flag, else the environment, else the configuration file. */
export function credentialsOf(
  flags: Pick<RunOptions, 'password' | 'token' | 'nonAdminPassword'>,
  config: ConformanceConfig,
  env: NodeJS.ProcessEnv,
): { adminPassword?: string; adminToken?: string; nonAdminPassword?: string } {
  return {
    adminPassword: flags.password ?? env[secretVariables.password] ?? config.auth?.admin?.password,
    adminToken: flags.token ?? env[secretVariables.token] ?? config.auth?.admin?.token,
    nonAdminPassword: flags.nonAdminPassword ?? env[secretVariables.userPassword] ?? config.auth?.user?.password,
  };
}

/** Flags override the environment, which overrides the config file, which overrides the defaults. */
export function resolveSettings(
  flags: RunOptions,
  config: ConformanceConfig,
  env: NodeJS.ProcessEnv,
  configPath?: string,
): ResolvedSettings {
  const target = flags.target ?? config.target;
  if (target !== undefined) checkTarget(target);
  const { adminPassword, adminToken, nonAdminPassword } = credentialsOf(flags, config, env);
  const nonAdminName = flags.nonAdmin ?? config.auth?.user?.user;
  if (nonAdminName && !nonAdminPassword) {
    throw new UsageError(
      `the non-admin account "${nonAdminName}" needs a password: --non-admin-password or ${secretVariables.userPassword}`,
    );
  }
  if (target !== undefined && !adminPassword && !adminToken) {
    throw new UsageError(
      `no admin credentials for ${target}: give --password (or ${secretVariables.password}) or --token (or ${secretVariables.token})`,
    );
  }
  const notices: string[] = [];
  if (config.numbers && config.fixtures)
    throw new UsageError('the configuration has both "numbers" and "fixtures" (its old name): keep "numbers" only');
  const numbersKey = config.fixtures ? 'fixtures' : 'numbers';
  if (config.fixtures) notices.push('"fixtures" is now "numbers" (the same object: numbers in known states)');
  const { verifyCode, ...numbers } = config.numbers ?? config.fixtures ?? {};
  const codeSource =
    config.codeSource ??
    (verifyCode !== undefined ? legacyVerifyCode(verifyCode, numbers, `${numbersKey}.verifyCode`, notices) : undefined);
  if (codeSource) checkCodeSource(codeSource);
  if (config.emulator !== undefined) {
    notices.push(
      `"emulator": ${config.emulator} is now "controlProtocol": ${config.emulator} and "acceptsMintedCertificates": ${config.emulator} (two capabilities, each stated alone)`,
    );
  }
  const stateChangeUrl = flags.stateChangeUrl ?? config.stateChangeUrl;
  if (stateChangeUrl !== undefined) checkUrl(stateChangeUrl, 'the state-change URL');
  // A file named on the command line is relative to where the command runs; one in the file, to the file.
  const fileFrom = (
    flag: string | undefined,
    configured: string | undefined,
    what: string,
    mustExist = true,
  ): string | undefined => {
    const path = flag
      ? resolve(flag)
      : configured
        ? resolve(configPath ? dirname(configPath) : '.', configured)
        : undefined;
    if (path && mustExist && !existsSync(path)) throw new UsageError(`${what} ${path} does not exist`);
    return path;
  };
  const hooks = fileFrom(flags.hooks, config.hooks, 'the hooks module', false);
  const expectedFailures = fileFrom(
    flags.expectedFailures,
    config.expectedFailures,
    'the expected-failures file',
    false,
  );
  const clientCert = fileFrom(flags.clientCert, config.clientCert, 'the client certificate');
  const clientKey = fileFrom(flags.clientKey, config.clientKey, 'the client certificate key');
  if (!clientCert !== !clientKey)
    throw new UsageError('a client certificate needs both --client-cert and --client-key (clientCert and clientKey)');
  return {
    target,
    profile: flags.profile ?? config.profile ?? 'sunset',
    seed: flags.seed ?? config.seed ?? randomInt(2 ** 31 - 1),
    runs: flags.runs ?? config.runs ?? 200,
    concurrency: flags.concurrency ?? config.concurrency ?? defaultConcurrency,
    workers: flags.workers ?? config.workers,
    timeoutMs: flags.timeout ?? config.timeout ?? 10_000,
    insecure: flags.insecure ?? config.insecure ?? false,
    ca: fileFrom(flags.ca, config.ca, 'the certificate authority file (--ca)'),
    clientCert,
    clientKey,
    maxBodyBytes: flags.maxBodyBytes ?? config.maxBodyBytes,
    authProbes: flags.authProbes ?? config.authProbes ?? defaultAuthProbes,
    registrations: flags.registrations ?? config.registrations ?? defaultRegistrations,
    interop: flags.interop ?? config.interop ?? 'report',
    maxTimeSeconds: flags.maxTime ?? config.maxTime,
    budgetSeconds: flags.budget ?? config.budget,
    retryLimits: {
      maxWaitMs: (flags.maxWait ?? config.maxWait ?? defaultRetryLimits.maxWaitMs / 1000) * 1000,
      maxRetries: flags.retries ?? config.retries ?? defaultRetryLimits.maxRetries,
    },
    admin: { user: flags.user ?? config.auth?.admin?.user ?? 'admin', password: adminPassword, token: adminToken },
    user: nonAdminName && nonAdminPassword ? { user: nonAdminName, password: nonAdminPassword } : undefined,
    reportDir: resolve(flags.reportDir ?? config.reportDir ?? 'conformance-report'),
    numbers,
    sideEffects: flags.allowSideEffects ?? config.sideEffects ?? false,
    controlProtocol: config.controlProtocol ?? config.emulator ?? false,
    mintedCertificates: config.acceptsMintedCertificates ?? config.emulator,
    stateChangeUrl,
    hooks,
    codeSource,
    sourceTimeoutMs: config.sourceTimeout,
    expectedFailures: expectedFailures ? readExpectedFailures(expectedFailures) : [],
    pactBroker: resolveBroker(flags, config.pactBroker, env),
    notices,
  };
}

// Today's fixed code: the one numbers.verifyCode named, for the number it was meant for.
function legacyVerifyCode(code: string, numbers: KnownNumbers, key: string, notices: string[]): CodeSourceConfig {
  const number = numbers.unregistered;
  const source: CodeSourceConfig = number
    ? { type: 'fixed', codes: [{ cc: number.cc, phone_number: number.phone_number, code }] }
    : { type: 'fixed', code };
  notices.push(`${key} is now "codeSource": ${JSON.stringify(withoutCodes(source))}`);
  return source;
}

/** The source as a notice may show it: every code replaced, wherever else its digits occur. */
export function withoutCodes(source: CodeSourceConfig): CodeSourceConfig {
  return {
    ...source,
    ...(source.code !== undefined ? { code: '…' } : {}),
    ...(source.codes ? { codes: source.codes.map((c) => ({ ...c, code: '…' })) as CodeSourceConfig['codes'] } : {}),
  };
}

const needed: Record<CodeSourceConfig['type'], (keyof CodeSourceConfig)[]> = {
  fixed: [],
  header: ['header'],
  inbox: ['url'],
  command: ['argv'],
  prompt: [],
};

function checkCodeSource(source: CodeSourceConfig): void {
  for (const key of needed[source.type]) {
    if (source[key] === undefined) throw new UsageError(`codeSource of type "${source.type}" needs codeSource.${key}`);
  }
  if (source.type === 'fixed' && source.code === undefined && source.codes === undefined)
    throw new UsageError('codeSource of type "fixed" needs codeSource.code or codeSource.codes');
  if (source.type === 'inbox') {
    const unknown = unknownPlaceholders(source.url!);
    if (unknown.length) {
      throw new UsageError(
        `codeSource.url "${source.url}" has the placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `{${k}}`).join(', ')}, which the suite does not fill in; it knows ${templateKeys.map((k) => `{${k}}`).join(', ')}`,
      );
    }
    checkUrl(source.url!.replace(placeholder, 'x'), 'codeSource.url');
  }
}

function checkUrl(url: string, what: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`${what} "${url}" is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new UsageError(`${what} "${url}" must be http:// or https://`);
}

function checkTarget(target: string): void {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new UsageError(`target "${target}" is not a URL (expected e.g. http://127.0.0.1:8080)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`target "${target}" must be http:// or https://`);
}
