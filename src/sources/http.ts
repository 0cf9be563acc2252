import type { Dispatcher } from 'undici';
import {
  type Attempt,
  describeNetworkError,
  dispatcherFor,
  dispatchTarget,
  freshDispatcher,
  type RetryLimits,
  type Transport,
  withRetries,
} from '../client/index.js';
import { SourceError } from './source.js';

export interface SourceAnswer {
  status: number;
  body: unknown;
}

/**
 * The HTTP a source sends to the URL it was given (never the target's client: it carries no target credentials).
 * A source is often served by the target itself: it waits as the client does while the target restarts or sheds load.
 */
export class SourceHttp {
  private readonly agent: Dispatcher;

  constructor(
    private readonly timeoutMs: number,
    private readonly transport: Transport,
    private readonly retryLimits?: RetryLimits,
  ) {
    this.agent = dispatcherFor(transport, { timeoutMs });
  }

  async send(method: 'GET' | 'POST', url: string, body?: unknown): Promise<SourceAnswer> {
    const { attempt, notReady } = await withRetries(
      async (remainingMs, previous) => {
        if (!previous?.reconnect) return this.once(this.agent, method, url, body, remainingMs);
        const fresh = freshDispatcher(this.transport, this.timeoutMs);
        try {
          return await this.once(fresh, method, url, body, remainingMs);
        } finally {
          void fresh.close();
        }
      },
      this.timeoutMs,
      this.retryLimits,
    );
    if (notReady) throw new SourceError(`${method} ${url}: ${notReady}`);
    if (!attempt.response) throw new SourceError(`${method} ${url}: ${attempt.error}`);
    const text = attempt.response.body;
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    return { status: attempt.response.status, body: parsed };
  }

  private async once(
    dispatcher: Dispatcher,
    method: 'GET' | 'POST',
    url: string,
    body: unknown,
    remainingMs: number,
  ): Promise<Attempt> {
    const timeoutMs = Math.max(1, Math.round(remainingMs));
    try {
      const answer = await dispatcher.request({
        ...dispatchTarget(new URL(url)),
        method,
        headers:
          body === undefined
            ? { accept: 'application/json' }
            : { accept: 'application/json', 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const headers = Object.fromEntries(
        Object.entries(answer.headers).map(([name, value]) => [
          name,
          Array.isArray(value) ? value.join(', ') : (value ?? ''),
        ]),
      );
      return { response: { status: answer.statusCode, headers, body: await answer.body.text() } };
    } catch (error) {
      return { error: describeNetworkError(error) };
    }
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}
