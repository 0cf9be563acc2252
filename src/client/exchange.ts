import type { Waits } from '../protocol/index.js';

/** One request and its answer, as sent and received (before redaction). */
export interface Exchange {
  /** Correlation value sent in X-Conformance-Case: requirement ID and case number. */
  case: string;
  request: {
    method: string;
    url: string;
    headers: Record<string, string>;
    body?: string;
  };
  response?: {
    status: number;
    headers: Record<string, string>;
    /** As read: a prefix when the body was larger than the cap. */
    body: string;
    truncated?: boolean;
    /** The body's size when `truncated`: its Content-Length, or what was read. */
    bytes?: number;
  };
  /** Set when no answer came: refused connection, timeout. */
  error?: string;
  /** The waits the target asked for, and the closed connections tried again, before this answer. */
  waits?: Waits;
  /** The target kept asking the suite to wait until the request's deadline: this answer is not one to judge. */
  notReady?: string;
  /**
   * The target had stopped answering since a request sent for this requirement met the first failure: this one was
   * not sent (the circuit breaker was open), or was not answered either. Blamed on that requirement, not on this.
   */
  stoppedBy?: string;
  /**
   * The first answer, a transport failure or a 5xx, did not come again when the request was resent on a fresh
   * connection: this is the resend, and `unsteady` says what happened ("500 once, 400 on resend").
   */
  unsteady?: string;
  durationMs: number;
}

/** Parsed answers: one answer is judged by several checks, and parsing a large one costs more than sending it. */
const parsedAnswers = new WeakMap<NonNullable<Exchange['response']>, unknown>();

/** The answer's body as JSON, or undefined when it is empty or not JSON. Parsed once per answer: do not change it. */
export function jsonOf(exchange: Exchange): unknown {
  const response = exchange.response;
  if (!response) return undefined;
  if (parsedAnswers.has(response)) return parsedAnswers.get(response);
  const parsed = parse(response.body);
  parsedAnswers.set(response, parsed);
  return parsed;
}

function parse(text: string): unknown {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `202 {"account":…}`, cut to a readable length, for expected-vs-actual lines. */
export function describeAnswer(exchange: Exchange, maxBody = 300): string {
  if (!exchange.response) return `no answer (${exchange.error ?? 'unknown error'})`;
  const body =
    exchange.response.body.length > maxBody ? `${prefixOf(exchange.response.body, maxBody)}…` : exchange.response.body;
  const size = exchange.response.truncated
    ? ` (a body of ${exchange.response.bytes} bytes, more than the suite reads)`
    : '';
  return `${exchange.response.status}${body ? ` ${body}` : ' (empty body)'}${size}`;
}

/** What the report shows of a body. */
const reportLimit = 8192;

/**
 * What a report keeps of an exchange: each body cut to `limit` characters; an answer's marked as cut, with its
 * size, a request's (a generated one near a size limit) with its size said at the end.
 */
export function keptForReport(exchange: Exchange, limit = reportLimit): Exchange {
  const { request, response } = exchange;
  const kept = { ...exchange };
  if (request.body !== undefined && request.body.length > limit) {
    kept.request = {
      ...request,
      body: `${prefixOf(request.body, limit)}… (cut here: ${Buffer.byteLength(request.body)} bytes were sent)`,
    };
  }
  if (response && response.body.length > limit) kept.response = answerCut(response, limit);
  return kept;
}

/**
 * What a test keeps of an exchange until its report is written: an answer's body cut a little past what the report
 * shows, so that a test does not hold megabytes per answer, and redaction (run then) still sees whole any secret the
 * report's cut goes through.
 */
export function keptForLog(exchange: Exchange): Exchange {
  const limit = reportLimit + 4096;
  return exchange.response && exchange.response.body.length > limit
    ? { ...exchange, response: answerCut(exchange.response, limit) }
    : exchange;
}

function answerCut(response: NonNullable<Exchange['response']>, limit: number): NonNullable<Exchange['response']> {
  return {
    ...response,
    body: prefixOf(response.body, limit),
    truncated: true,
    bytes: response.bytes ?? Buffer.byteLength(response.body),
  };
}

/** A copy of the first `limit` characters: V8's slice of a long string keeps the whole string alive. */
function prefixOf(text: string, limit: number): string {
  return JSON.parse(JSON.stringify(text.slice(0, limit))) as string;
}
