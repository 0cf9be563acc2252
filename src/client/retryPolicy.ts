// When the same request is sent again instead of its answer being judged: the target said it did not process it
// (429, 503, an error that says the service is not ready, overloaded or not the primary, 1015 on any status), or it
// cannot have seen it (a kept-alive connection the server closed as the request went out, RFC 9112 §9.3.1).

import type { Exchange } from './exchange.js';

/** One try of a request: its answer, or why none came. */
export type Attempt = Pick<Exchange, 'response' | 'error'>;

export interface Retry {
  waitMs: number;
  /** Why, in the report's words: `429 (Retry-After: 1)`, `500 with error 1011`, `the connection closed before an answer`. */
  reason: string;
  /** The connection failed, not the service: a fresh one is tried once, at once. */
  reconnect: boolean;
}

export interface RetryLimits {
  /** The longest wait one answer may ask for (its Retry-After); longer asks are cut to it. */
  maxWaitMs: number;
  /** Tries after the first. */
  maxRetries: number;
}

export const defaultRetryLimits: RetryLimits = { maxWaitMs: 5_000, maxRetries: 6 };

/** Not ready (1011), overloaded (1016), not the primary master (1017); too many requests (1015), on any status. */
const waitCodes = new Set([1011, 1016, 1017]);
const rateLimited = 1015;

const closedBeforeAnswer = /other side closed|ECONNRESET|socket hang up|UND_ERR_SOCKET/;

/** The retry an attempt calls for after `retries` earlier ones, or undefined: its answer is the one to judge. */
export function retryOf(attempt: Attempt, retries: number, limits: RetryLimits = defaultRetryLimits, now = Date.now()): Retry | undefined {
  if (retries >= limits.maxRetries) return undefined;
  const answer = attempt.response;
  if (!answer) {
    // Once: a second close is the target's answer, for the checks and the circuit breaker to judge.
    return retries === 0 && attempt.error && closedBeforeAnswer.test(attempt.error) ? { waitMs: 0, reason: 'the connection closed before an answer', reconnect: true } : undefined;
  }
  const code = errorCodeOf(answer);
  const asked = answer.status === 429 || answer.status === 503 || code === rateLimited || (answer.status >= 500 && code !== undefined && waitCodes.has(code));
  if (!asked) return undefined;
  const header = answer.headers['retry-after'];
  const after = header === undefined ? undefined : retryAfterMs(header, now);
  const waitMs = Math.min(after ?? backoffMs(retries), limits.maxWaitMs);
  return { waitMs, reason: `${answer.status}${code !== undefined ? ` with error ${code}` : ''}${header !== undefined ? ` (Retry-After: ${header})` : ''}`, reconnect: false };
}

/** Retry-After as seconds or an HTTP date (RFC 9110 §10.2.3); undefined when it is neither. */
export function retryAfterMs(value: string, now = Date.now()): number | undefined {
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** 200 ms, doubled each time, at most 2 s. */
function backoffMs(retries: number): number {
  return Math.min(200 * 2 ** retries, 2_000);
}

/** The first error code of an error envelope, read only where a code could ask for a wait. */
function errorCodeOf({ status, body }: NonNullable<Attempt['response']>): number | undefined {
  if (!body || (status < 500 && !body.includes(String(rateLimited)))) return undefined;
  try {
    const code = (JSON.parse(body) as { errors?: { code?: unknown }[] }).errors?.[0]?.code;
    return typeof code === 'number' ? code : undefined;
  } catch {
    return undefined;
  }
}
