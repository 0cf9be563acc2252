import { join } from 'node:path';
import type { Dispatcher } from 'undici';
import { AnswerReader } from './answerReader.js';
import { CircuitBreaker } from './circuitBreaker.js';
import type { Exchange } from './exchange.js';
import { Pace } from './pace.js';
import {
  type Attempt,
  defaultRetryLimits,
  type Retried,
  type Retry,
  type RetryLimits,
  retryOf,
  withRetries,
} from './retryPolicy.js';
import type { Secrets } from './secrets.js';
import { dispatcherFor, freshDispatcher, type Transport } from './transport.js';
import { dispatchTarget } from './undici.js';

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
  /** The most independent requests in flight at once (`--concurrency`): the ceiling of the pace; 1 unless told. */
  concurrency?: number;
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
  /** The requirement whose test sent it: a failure it meets is blamed on it. None: the suite's own (a login, a source). */
  requirement?: string;
  /** On a connection of its own, opened for it: a resend that must not meet a kept-alive connection. */
  fresh?: boolean;
  /** Sent once, whatever comes back: a bad login sent again is one more the target counts against the admin. */
  once?: boolean;
}

/**
 * A body longer than this was made huge on purpose (past a server's body limit): a server may cut it off, so its
 * failure does not count toward the circuit breaker.
 */
const oversizedBody = 64 * 1024;

export const caseHeader = 'x-conformance-case';

const verifyPath = '/v1/account/verify';
/** The client's health endpoint: what a readiness probe asks for. */
const healthPath = '/v1/health';
const readyCase = 'ready';
/** How often a restart's end is asked for. */
const readyPollMs = 100;

/** The one HTTP client of the suite: keep-alive connections to the target and nothing else. */
export class TargetClient {
  private readonly agent: Dispatcher;
  private readonly base: URL;
  private readonly breaker: CircuitBreaker;
  /** A registration completed since the target was last seen ready: Coreapp restarts after one. */
  private restartDue = false;
  /** The one readiness probe after a registration, which every request sent meanwhile waits for. */
  private readying: Promise<void> | undefined;
  /** Registrations this client saw completed (a /verify answered 2xx), and the restarts its probes waited out. */
  readonly registrations = { completed: 0, restarts: 0, restartMs: 0 };
  /** How many independent requests this target takes at once, learned from its answers. */
  readonly pace: Pace;

  constructor(private readonly options: TargetClientOptions) {
    this.base = new URL(options.baseUrl);
    this.breaker = new CircuitBreaker(options.runDir && join(options.runDir, 'breaker.json'));
    this.pace = new Pace(options.concurrency ?? 1);
    // A connection for each lane the pace may open, and a few for what runs beside them (sources, logins).
    const connections = Math.max(8, this.pace.ceiling + 2);
    this.agent = dispatcherFor(options, { timeoutMs: options.timeoutMs, connections, keepAliveTimeout: 10_000 });
  }

  get secrets(): Secrets {
    return this.options.secrets;
  }

  /** Sends a request; a refused connection or a timeout comes back as an exchange with `error`, not a throw. */
  async send(outgoing: OutgoingRequest): Promise<Exchange> {
    // After a registration the target restarts: one probe waits it out, not every request on its own.
    if (outgoing.case !== readyCase) await this.ready();
    const address = new URL(
      outgoing.path.replace(/^\//, ''),
      this.base.href.endsWith('/') ? this.base : `${this.base.href}/`,
    );
    const url = address.href;
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...outgoing.headers,
      [caseHeader]: outgoing.case,
    };
    let body: string | undefined;
    if (outgoing.body !== undefined) {
      body = typeof outgoing.body === 'string' ? outgoing.body : JSON.stringify(outgoing.body);
      if (outgoing.contentType !== null)
        headers['content-type'] = outgoing.contentType ?? headers['content-type'] ?? 'application/json';
    }
    const exchange: Exchange = {
      case: outgoing.case,
      request: { method: outgoing.method, url, headers, body },
      durationMs: 0,
    };
    const path = `${outgoing.method} ${outgoing.path.split('?')[0]}`;
    const stopped = this.breaker.open(path);
    if (stopped) return { ...exchange, error: stopped.reason, ...(stopped.by ? { stoppedBy: stopped.by } : {}) };
    const started = performance.now();
    const fresh: Dispatcher[] = [];
    const agentFor = (previous?: Retry) => {
      if (!outgoing.fresh && !previous?.reconnect) return this.agent;
      fresh.push(freshDispatcher(this.options, this.options.timeoutMs));
      return fresh.at(-1)!;
    };
    let retried: Retried;
    try {
      retried = await withRetries(
        (remainingMs, previous) => this.once(agentFor(previous), address, outgoing.method, headers, body, remainingMs),
        this.options.timeoutMs,
        outgoing.once
          ? { ...(this.options.retryLimits ?? defaultRetryLimits), maxRetries: 0 }
          : this.options.retryLimits,
      );
    } finally {
      for (const agent of fresh) void agent.close();
    }
    const { attempt, waits, notReady } = retried;
    if (waits) exchange.waits = waits;
    if (notReady) exchange.notReady = notReady;
    Object.assign(exchange, attempt);
    if (exchange.error && !(body && body.length > oversizedBody)) {
      const blamed = this.breaker.failed(path, exchange.error, outgoing.requirement);
      if (blamed && blamed !== outgoing.requirement) exchange.stoppedBy = blamed;
    } else if (exchange.response) this.breaker.answered(path);
    exchange.durationMs = performance.now() - started;
    const status = exchange.response?.status ?? 0;
    if (outgoing.method === 'POST' && address.pathname.endsWith(verifyPath) && status >= 200 && status < 300) {
      this.registrations.completed += 1;
      this.restartDue = true;
    }
    return exchange;
  }

  /**
   * After a registration, until the target answers again as a request to it would wait (a restart answers 1011, then
   * refuses connections): for what reaches the target's state without this client, a hooks module or a state-change
   * URL, which would fail where the suite's own requests wait. Any answer will do; none is judged.
   */
  ready(): Promise<void> {
    if (this.restartDue) {
      this.restartDue = false;
      const started = performance.now();
      this.readying = this.untilAnswering().then((restarted) => {
        this.readying = undefined;
        if (!restarted) return;
        this.registrations.restarts += 1;
        this.registrations.restartMs += performance.now() - started;
      });
    }
    return this.readying ?? Promise.resolve();
  }

  /**
   * Asks the health endpoint every `readyPollMs` until an answer does not ask to wait (a restart answers 1011, then
   * refuses connections): the end of a restart is met within a poll, where backing off would overshoot it by seconds.
   * Single tries, past the circuit breaker, which would count a restart's refused connections against the target.
   * Whether it had to wait.
   */
  private async untilAnswering(): Promise<boolean> {
    const { maxRetries } = this.options.retryLimits ?? defaultRetryLimits;
    const deadline = performance.now() + this.options.timeoutMs * (maxRetries + 1);
    const address = new URL(healthPath.slice(1), this.base.href.endsWith('/') ? this.base : `${this.base.href}/`);
    const headers = { accept: 'application/json', [caseHeader]: readyCase };
    for (let waited = false; ; waited = true) {
      const attempt = await this.once(this.agent, address, 'GET', headers, undefined, this.options.timeoutMs);
      if (!retryOf(attempt, 0) || performance.now() > deadline) return waited;
      await new Promise((resolve) => setTimeout(resolve, readyPollMs));
    }
  }

  /** One try: the answer (read up to the cap) or why none came. */
  private async once(
    agent: Dispatcher,
    address: URL,
    method: string,
    headers: Record<string, string>,
    body: string | undefined,
    remainingMs: number,
  ): Promise<Attempt> {
    const timeoutMs = Math.max(1, Math.round(remainingMs));
    const reader = new AnswerReader(this.options.maxBodyBytes ?? defaultMaxBodyBytes, timeoutMs);
    try {
      agent.dispatch(
        {
          ...dispatchTarget(address),
          method: method as Dispatcher.HttpMethod,
          headers,
          body,
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
        },
        reader,
      );
    } catch (error) {
      reader.fail(error as Error);
    }
    try {
      const read = await reader.answer;
      const response: NonNullable<Exchange['response']> = {
        status: read.status,
        headers: read.headers,
        body: read.text,
      };
      if (read.truncated) {
        const declared = Number(read.headers['content-length']);
        Object.assign(response, {
          truncated: true,
          bytes: Number.isSafeInteger(declared) && declared > read.bytes ? declared : read.bytes,
        });
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
  if (e.name === 'TimeoutError')
    return `TimeoutError: no complete answer within the request deadline (${e.message ?? 'timed out'})`;
  const code = e.cause?.code ?? e.code;
  const message = e.cause?.message ?? e.message ?? String(error);
  return typeof code === 'string' && !message.includes(code) ? `${code}: ${message}` : message;
}
