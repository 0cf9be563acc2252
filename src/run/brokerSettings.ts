import type { PactBrokerConfig } from '../generated/types.js';
import type { BrokerSource } from '../settings/brokerSource.js';
import { UsageError } from './usageError.js';

/** The broker flags of `contracts verify`, as commander parses them. */
export interface BrokerOptions {
  brokerUrl?: string;
  brokerToken?: string;
  brokerUsername?: string;
  brokerPassword?: string;
  provider?: string;
  consumerVersionSelectors?: Record<string, unknown>[];
  branch?: string;
  mainBranch?: boolean;
  deployedOrReleased?: boolean;
  enablePending?: boolean;
  includeWipPactsSince?: string;
  publishVerificationResults?: boolean;
  providerAppVersion?: string;
  providerBranch?: string;
}

/** The broker's credentials: the flags, else PACT_BROKER_TOKEN / _USERNAME / _PASSWORD; a user name needs its password. */
export function brokerCredentials(
  flags: Pick<BrokerOptions, 'brokerToken' | 'brokerUsername' | 'brokerPassword'>,
  env: NodeJS.ProcessEnv,
): Pick<BrokerSource, 'token' | 'username' | 'password'> {
  const credentials = {
    token: flags.brokerToken ?? env.PACT_BROKER_TOKEN,
    username: flags.brokerUsername ?? env.PACT_BROKER_USERNAME,
    password: flags.brokerPassword ?? env.PACT_BROKER_PASSWORD,
  };
  if (credentials.username && !credentials.password)
    throw new UsageError('--broker-username needs --broker-password (or PACT_BROKER_PASSWORD)');
  return credentials;
}

/** The selectors Pact recommends for a provider's own pipeline: its consumers' main branch and what is deployed. */
export const defaultSelectors = [{ mainBranch: true }, { deployedOrReleased: true }];

/**
 * Flags over the configuration's pactBroker; the shortcuts (--branch, --main-branch, --deployed-or-released) add to
 * --consumer-version-selectors. Credentials: the flags, else PACT_BROKER_TOKEN / _USERNAME / _PASSWORD.
 */
export function resolveBroker(
  flags: BrokerOptions,
  config: PactBrokerConfig | undefined,
  env: NodeJS.ProcessEnv,
): BrokerSource | undefined {
  const url = flags.brokerUrl ?? config?.url;
  const given = Object.entries(flags)
    .filter(([key, value]) => key !== 'brokerUrl' && brokerFlags.has(key) && value !== undefined)
    .map(([key]) => key);
  if (!url) {
    if (given.length)
      throw new UsageError(`--${kebab(given[0]!)} needs --broker-url (or pactBroker.url in the configuration)`);
    return undefined;
  }
  const shortcuts = [
    ...(flags.mainBranch ? [{ mainBranch: true }] : []),
    ...(flags.branch ? [{ branch: flags.branch }] : []),
    ...(flags.deployedOrReleased ? [{ deployedOrReleased: true }] : []),
  ];
  const fromFlags = [...(flags.consumerVersionSelectors ?? []), ...shortcuts];
  const settings: BrokerSource = {
    url,
    provider: flags.provider ?? config?.provider,
    consumerVersionSelectors: fromFlags.length
      ? fromFlags
      : ((config?.consumerVersionSelectors as Record<string, unknown>[] | undefined) ?? defaultSelectors),
    enablePending: flags.enablePending ?? config?.enablePending ?? false,
    includeWipPactsSince: flags.includeWipPactsSince ?? config?.includeWipPactsSince,
    publishVerificationResults: flags.publishVerificationResults ?? config?.publishVerificationResults ?? false,
    providerAppVersion: flags.providerAppVersion ?? config?.providerAppVersion,
    providerBranch: flags.providerBranch ?? config?.providerBranch,
    ...brokerCredentials(flags, env),
  };
  try {
    new URL(url);
  } catch {
    throw new UsageError(`the Pact Broker URL "${url}" is not a URL`);
  }
  if (settings.publishVerificationResults && !settings.providerAppVersion) {
    throw new UsageError(
      '--publish-verification-results needs --provider-app-version: the broker records results against a provider version',
    );
  }
  if (settings.includeWipPactsSince && !settings.enablePending) {
    throw new UsageError(
      '--include-wip-pacts-since needs --enable-pending: work-in-progress pacts are verified as pending',
    );
  }
  if (settings.includeWipPactsSince && Number.isNaN(Date.parse(settings.includeWipPactsSince))) {
    throw new UsageError(`--include-wip-pacts-since "${settings.includeWipPactsSince}" is not a date (YYYY-MM-DD)`);
  }
  return settings;
}

const brokerFlags = new Set([
  'brokerToken',
  'brokerUsername',
  'brokerPassword',
  'provider',
  'consumerVersionSelectors',
  'branch',
  'mainBranch',
  'deployedOrReleased',
  'enablePending',
  'includeWipPactsSince',
  'publishVerificationResults',
  'providerAppVersion',
  'providerBranch',
]);
const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
