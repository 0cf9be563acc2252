// When the same request is sent again instead of its answer being judged: the target said it did not process it
// (429, 503, an error that says the service is not ready, overloaded or not the primary, 1015 on any status), or it
// cannot have seen it (a kept-alive connection the server closed as the request went out, RFC 9112 §9.3.1; a
// connection refused while it restarts).

import { addWaits, type Waits } from '../protocol/index.js';
import type { Exchange } from './exchange.js';

/** One try of a request: its answer, or why none came. */
export type Attempt = Pick<Exchange, 'response' | 'error'>;

export interface Retry {
  waitMs: number;
  /** Why, in the report's words: `429 (Retry-After: 1)`, `500 with error 1011`, `the connection closed before an answer`. */
  reason: string;
  /** The connection failed, not the service: a fresh one is tried once, at once. */
  reconnect: boolean;
  /**
   * The target answered, asking for the wait: when the waits allowed run out, the request is not judged (SKIP). A
   * refused connection asks nothing: when they run out, the failure is the target's answer to judge.
   */
  asked: boolean;
}

export interface RetryLimits {
  /** The longest wait one answer may ask for (its Retry-After); longer asks are cut to it. */
  maxWaitMs: number;
  /** Tries after the first, whatever the deadline leaves. */
  maxRetries: number;
}

export const defaultRetryLimits: RetryLimits = { maxWaitMs: 5_000, maxRetries: 6 };

/** Not ready (1011), overloaded (1016), not the primary master (1017); too many requests (1015), on any status. */
const waitCodes = new Set([1011, 1016, 1017]);
const rateLimited = 1015;

const closedBeforeAnswer = /other side closed|ECONNRESET|socket hang up|UND_ERR_SOCKET|EPIPE/;
const refused = /ECONNREFUSED/;

/**
 * The retry an attempt calls for after `retries` earlier ones, or undefined: its answer is the one to judge. Whether
 * the limits and the deadline allow it is the sender's to say (TargetClient.send).
 */
export function retryOf(
  attempt: Attempt,
  retries: number,
  limits: Pick<RetryLimits, 'maxWaitMs'> = defaultRetryLimits,
  now = Date.now(),
): Retry | undefined {
  const answer = attempt.response;
  if (!answer) {
    if (!attempt.error) return undefined;
    if (refused.test(attempt.error))
      return { waitMs: backoffMs(retries), reason: 'the connection was refused', reconnect: false, asked: false };
    // Once: a second close is the target's answer, for the checks and the circuit breaker to judge.
    return retries === 0 && closedBeforeAnswer.test(attempt.error)
      ? { waitMs: 0, reason: 'the connection closed before an answer', reconnect: true, asked: false }
      : undefined;
  }
  const code = errorCodeOf(answer);
  const asked =
    answer.status === 429 ||
    answer.status === 503 ||
    code === rateLimited ||
    (answer.status >= 500 && code !== undefined && waitCodes.has(code));
  if (!asked) return undefined;
  const header = answer.headers['retry-after'];
  const after = header === undefined ? undefined : retryAfterMs(header, now);
  const waitMs = Math.min(after ?? backoffMs(retries), limits.maxWaitMs);
  return {
    waitMs,
    reason: `${answer.status}${code !== undefined ? ` with error ${code}` : ''}${header !== undefined ? ` (Retry-After: ${header})` : ''}`,
    reconnect: false,
    asked: true,
  };
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

/** What came of a request and the retries it was allowed: the attempt to judge, the waits, and why it is not judged. */
export interface Retried {
  attempt: Attempt;
  waits?: Waits;
  /** The target kept asking the suite to wait past the deadline or the retries allowed: not an answer to judge. */
  notReady?: string;
}

/**
 * `tryOnce` until its attempt calls for no retry, the retries allowed run out, or the one deadline of `timeoutMs`
 * would pass; `previous` is the retry that called for this try (a reconnect must not meet another kept-alive connection).
 */
export async function withRetries(
  tryOnce: (remainingMs: number, previous?: Retry) => Promise<Attempt>,
  timeoutMs: number,
  limits: RetryLimits = defaultRetryLimits,
): Promise<Retried> {
  const deadline = performance.now() + timeoutMs;
  let waits: Waits | undefined;
  let previous: Retry | undefined;
  for (let retries = 0; ; retries += 1) {
    const attempt = await tryOnce(deadline - performance.now(), previous);
    const retry = retryOf(attempt, retries, limits);
    previous = retry;
    if (!retry) return { attempt, ...(waits ? { waits } : {}) };
    const pastDeadline = performance.now() + retry.waitMs >= deadline;
    if (pastDeadline || retries >= limits.maxRetries) {
      // A target that asked to be waited for is not judged on that answer; a refused connection is judged.
      const notReady = `the target asked the suite to wait (${retry.reason}) ${retries + 1} time${retries ? 's' : ''}, ${pastDeadline ? `past the request's deadline of ${timeoutMs} ms` : `more than the ${limits.maxRetries} retries allowed`}`;
      return { attempt, ...(waits ? { waits } : {}), ...(retry.asked ? { notReady } : {}) };
    }
    // A reconnect is counted, not explained: the reasons are what the target asked for.
    waits = addWaits(
      waits,
      retry.reconnect
        ? { count: 0, ms: 0, reconnects: 1, reasons: [] }
        : { count: 1, ms: retry.waitMs, reconnects: 0, reasons: [retry.reason] },
    );
    if (retry.waitMs > 0) await new Promise((resolve) => setTimeout(resolve, retry.waitMs));
  }
}
