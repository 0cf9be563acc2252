import { join } from 'node:path';
import type { Dispatcher } from 'undici';
import { AnswerReader } from './answerReader.js';
import type { Exchange } from './exchange.js';
import type { Secrets } from './secrets.js';
import { CircuitBreaker } from './circuitBreaker.js';
import { addWaits } from '../protocol/index.js';
import { retryOf, type Attempt, type RetryLimits } from './retryPolicy.js';
import { dispatcherFor, type Transport } from './transport.js';

export interface TargetClientOptions extends Transport {
  baseUrl: string;
  /** The whole request, answer body included: a server that drips bytes cannot stretch it. */
  timeoutMs: number;
  secrets: Secrets;
  /** At most this many bytes of a body are read (default 1 MiB); the rest is not waited for. */
  maxBodyBytes?: number;
  /** The run's own directory, where it keeps its circuit breaker's state (shared by its processes); without it, this client's alone. */
  runDir?: string;
  /** How long and how often the target may ask the suite to wait (retryPolicy.ts). */
  retryLimits?: RetryLimits;
}

export const defaultMaxBodyBytes = 1024 * 1024;

export interface OutgoingRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string is sent as it is (for malformed bodies). */
  body?: unknown;
  /** The body's Content-Type: application/json unless told; null sends none. */
  contentType?: string | null;
  case: string;
}

export const caseHeader = 'x-conformance-case';

/** The one HTTP client of the suite: keep-alive connections to the target and nothing else. */
export class TargetClient {
  private readonly agent: Dispatcher;
  private readonly base: URL;
  private readonly breaker: CircuitBreaker;

  constructor(private readonly options: TargetClientOptions) {
    this.base = new URL(options.baseUrl);
    this.breaker = new CircuitBreaker(options.runDir && join(options.runDir, 'breaker.json'));
    this.agent = dispatcherFor(options, { timeoutMs: options.timeoutMs, connections: 8, keepAliveTimeout: 10_000 });
  }

  get secrets(): Secrets {
    return this.options.secrets;
  }

  /** Sends a request; a refused connection or a timeout comes back as an exchange with `error`, not a throw. */
  async send(outgoing: OutgoingRequest): Promise<Exchange> {
    const address = new URL(outgoing.path.replace(/^\//, ''), this.base.href.endsWith('/') ? this.base : `${this.base.href}/`);
    const url = address.href;
    const headers: Record<string, string> = { accept: 'application/json', ...outgoing.headers, [caseHeader]: outgoing.case };
    let body: string | undefined;
    if (outgoing.body !== undefined) {
      body = typeof outgoing.body === 'string' ? outgoing.body : JSON.stringify(outgoing.body);
      if (outgoing.contentType !== null) headers['content-type'] = outgoing.contentType ?? headers['content-type'] ?? 'application/json';
    }
    const exchange: Exchange = { case: outgoing.case, request: { method: outgoing.method, url, headers, body }, durationMs: 0 };
    const path = `${outgoing.method} ${outgoing.path.split('?')[0]}`;
    const stopped = this.breaker.open(path);
    if (stopped) return { ...exchange, error: stopped };
    const started = performance.now();
    // Every try and every wait the target asks for fit in the request's one deadline.
    const deadline = started + this.options.timeoutMs;
    let attempt: Attempt;
    for (let retries = 0; ; retries += 1) {
      attempt = await this.once(address, outgoing.method, headers, body, deadline - performance.now());
      const retry = retryOf(attempt, retries, this.options.retryLimits);
      if (!retry) break;
      if (performance.now() + retry.waitMs >= deadline) {
        exchange.notReady = `the target asked the suite to wait (${retry.reason}) ${retries + 1} time${retries ? 's' : ''}, past the request's deadline of ${this.options.timeoutMs} ms`;
        break;
      }
      // A reconnect is counted, not explained: the reasons are what the target asked for.
      exchange.waits = addWaits(exchange.waits, retry.reconnect ? { count: 0, ms: 0, reconnects: 1, reasons: [] } : { count: 1, ms: retry.waitMs, reconnects: 0, reasons: [retry.reason] });
      if (retry.waitMs > 0) await new Promise((resolve) => setTimeout(resolve, retry.waitMs));
    }
    Object.assign(exchange, attempt);
    if (exchange.error) this.breaker.failed(path, exchange.error);
    else this.breaker.answered(path);
    exchange.durationMs = performance.now() - started;
    return exchange;
  }

  /** One try: the answer (read up to the cap) or why none came. */
  private async once(address: URL, method: string, headers: Record<string, string>, body: string | undefined, remainingMs: number): Promise<Attempt> {
    const timeoutMs = Math.max(1, Math.round(remainingMs));
    const reader = new AnswerReader(this.options.maxBodyBytes ?? defaultMaxBodyBytes, timeoutMs);
    try {
      this.agent.dispatch({
        origin: address.origin,
        path: address.pathname + address.search,
        method: method as Dispatcher.HttpMethod,
        headers,
        body,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      }, reader);
    } catch (error) {
      reader.fail(error as Error);
    }
    try {
      const read = await reader.answer;
      const response: NonNullable<Exchange['response']> = { status: read.status, headers: read.headers, body: read.text };
      if (read.truncated) {
        const declared = Number(read.headers['content-length']);
        Object.assign(response, { truncated: true, bytes: Number.isSafeInteger(declared) && declared > read.bytes ? declared : read.bytes });
      }
      return { response };
    } catch (error) {
      return { error: describeNetworkError(error) };
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

export function describeNetworkError(error: unknown): string {
  const e = error as { name?: string; code?: unknown; message?: string; cause?: { code?: string; message?: string } };
  // The whole-request deadline (AnswerReader's, or AbortSignal.timeout's DOMException, whose numeric code means nothing).
  if (e.name === 'TimeoutError') return `TimeoutError: no complete answer within the request deadline (${e.message ?? 'timed out'})`;
  const code = e.cause?.code ?? e.code;
  const message = e.cause?.message ?? e.message ?? String(error);
  return typeof code === 'string' && !message.includes(code) ? `${code}: ${message}` : message;
}
