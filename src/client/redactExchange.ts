import type { Exchange } from './exchange.js';
import type { Secrets } from './secrets.js';

/** The exchange as it may be shown or stored: every secret replaced by its variable name. */
export function redactExchange(exchange: Exchange, secrets: Secrets): Exchange {
  return JSON.parse(secrets.redact(JSON.stringify(exchange))) as Exchange;
}
