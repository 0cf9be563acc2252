import { request, type Dispatcher } from 'undici';
import { describeNetworkError, dispatcherFor, type Transport } from '../client/index.js';
import { SourceError } from './source.js';

export interface SourceAnswer {
  status: number;
  body: unknown;
}

/** The HTTP a source sends to the URL it was given (never the target's client: it carries no target credentials). */
export class SourceHttp {
  private readonly agent: Dispatcher;

  constructor(private readonly timeoutMs: number, transport: Transport) {
    this.agent = dispatcherFor(transport, { timeoutMs });
  }

  async send(method: 'GET' | 'POST', url: string, body?: unknown): Promise<SourceAnswer> {
    try {
      const answer = await request(url, {
        method,
        dispatcher: this.agent,
        headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = await answer.body.text();
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = text;
      }
      return { status: answer.statusCode, body: parsed };
    } catch (error) {
      throw new SourceError(`${method} ${url}: ${describeNetworkError(error)}`);
    }
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}
