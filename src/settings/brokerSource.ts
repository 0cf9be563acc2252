import type { PactBrokerConfig } from '../generated/types.js';

/**
 * The pacts a broker selects, instead of the packaged file; results published when asked: the configuration's
 * pactBroker with its selectors resolved, and the credentials from the environment (secrets, never printed).
 */
export interface BrokerSource extends PactBrokerConfig {
  consumerVersionSelectors: Record<string, unknown>[];
  token?: string;
  username?: string;
  password?: string;
}
