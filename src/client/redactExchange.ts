import type { Exchange } from './exchange.js';
import type { Secrets } from './secrets.js';

/**
 * The exchange as it may be shown or stored: every secret in its strings replaced by its variable name. Strings
 * only: redacting the serialised JSON also hit the digits of `durationMs` when a PIN happened to be among them, and
 * broke the JSON (and with it the wire log).
 */
export function redactExchange(exchange: Exchange, secrets: Secrets): Exchange {
  return redactStrings(exchange, secrets);
}

function redactStrings<T>(value: T, secrets: Secrets): T {
  if (typeof value === 'string') return secrets.redact(value) as T;
  if (Array.isArray(value)) return value.map((item) => redactStrings(item, secrets)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactStrings(item, secrets)])) as T;
  }
  return value;
}
