import { Agent, request as send } from 'undici';
import type { Exchange } from './exchange.js';
import type { Secrets } from './secrets.js';

export interface TargetClientOptions {
  baseUrl: string;
  timeoutMs: number;
  insecure: boolean;
  secrets: Secrets;
}

export interface OutgoingRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string is sent as it is (for malformed bodies). */
  body?: unknown;
  case: string;
}

export const caseHeader = 'x-conformance-case';

/** The one HTTP client of the suite: keep-alive connections to the target and nothing else. */
export class TargetClient {
  private readonly agent: Agent;
  private readonly base: URL;

  constructor(private readonly options: TargetClientOptions) {
    this.base = new URL(options.baseUrl);
    this.agent = new Agent({
      keepAliveTimeout: 10_000,
      connections: 8,
      connect: { rejectUnauthorized: !options.insecure, timeout: options.timeoutMs },
    });
  }

  get secrets(): Secrets {
    return this.options.secrets;
  }

  /** Sends a request; a refused connection or a timeout comes back as an exchange with `error`, not a throw. */
  async send(outgoing: OutgoingRequest): Promise<Exchange> {
    const url = new URL(outgoing.path.replace(/^\//, ''), this.base.href.endsWith('/') ? this.base : `${this.base.href}/`).href;
    const headers: Record<string, string> = { accept: 'application/json', ...outgoing.headers, [caseHeader]: outgoing.case };
    let body: string | undefined;
    if (outgoing.body !== undefined) {
      body = typeof outgoing.body === 'string' ? outgoing.body : JSON.stringify(outgoing.body);
      headers['content-type'] ??= 'application/json';
    }
    const exchange: Exchange = { case: outgoing.case, request: { method: outgoing.method, url, headers, body }, durationMs: 0 };
    const started = performance.now();
    try {
      const answer = await send(url, {
        method: outgoing.method as 'POST',
        headers,
        body,
        dispatcher: this.agent,
        headersTimeout: this.options.timeoutMs,
        bodyTimeout: this.options.timeoutMs,
      });
      const text = await answer.body.text();
      exchange.response = { status: answer.statusCode, headers: flatten(answer.headers), body: text };
    } catch (error) {
      exchange.error = describeNetworkError(error);
    }
    exchange.durationMs = performance.now() - started;
    return exchange;
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

function flatten(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

export function describeNetworkError(error: unknown): string {
  const e = error as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e.cause?.code ?? e.code;
  const message = e.cause?.message ?? e.message ?? String(error);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}
