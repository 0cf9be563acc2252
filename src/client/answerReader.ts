import type { Dispatcher } from 'undici';

/** An answer as read: its body's first `cap` bytes at most. */
export interface ReadAnswer {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** Bytes received: more than `cap` when `truncated`. */
  bytes: number;
  truncated: boolean;
}

/**
 * Receives one answer from undici's dispatcher: status, headers, and the body up to `cap` bytes, within a deadline
 * for the whole exchange. A handler of our own, not undici's `request`: its promise layers and body stream were a
 * third of the client's cost per request, for a body the suite reads whole anyway.
 */
export class AnswerReader implements Dispatcher.DispatchHandler {
  readonly answer: Promise<ReadAnswer>;
  private resolve!: (answer: ReadAnswer) => void;
  private reject!: (error: Error) => void;
  private controller: Dispatcher.DispatchController | undefined;
  private settled = false;
  private readonly timer: NodeJS.Timeout;
  private status = 0;
  private headers: Record<string, string> = {};
  private readonly chunks: Buffer[] = [];
  private bytes = 0;

  constructor(
    private readonly cap: number,
    deadlineMs: number,
  ) {
    this.answer = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    this.timer = setTimeout(
      () => this.fail(Object.assign(new Error(`${deadlineMs} ms`), { name: 'TimeoutError' })),
      deadlineMs,
    );
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    // Settled while it waited for a connection: the deadline passed.
    if (this.settled) controller.abort(new Error('no longer awaited'));
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    status: number,
    headers: Record<string, string | string[] | undefined>,
  ): void {
    if (status < 200) return; // 1xx: informational, the answer is still to come
    this.status = status;
    this.headers = flatten(headers);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.settled) return;
    if (this.bytes + chunk.length <= this.cap) {
      this.bytes += chunk.length;
      this.chunks.push(chunk);
      return;
    }
    // The rest is not waited for: the connection is dropped.
    this.chunks.push(chunk.subarray(0, this.cap - this.bytes));
    this.settle(Buffer.concat(this.chunks, this.cap).toString('utf8'), this.bytes + chunk.length, true);
    controller.abort(new Error('the body is larger than the suite reads'));
  }

  onResponseEnd(): void {
    const text =
      this.chunks.length === 1
        ? this.chunks[0]!.toString('utf8')
        : Buffer.concat(this.chunks, this.bytes).toString('utf8');
    this.settle(text, this.bytes, false);
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.fail(error, false);
  }

  /** The deadline, or a throw from dispatch itself (an invalid request): the exchange ends with `error`. */
  fail(error: Error, abort = true): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    if (abort) this.controller?.abort(error);
    this.reject(error);
  }

  private settle(text: string, bytes: number, truncated: boolean): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    this.resolve({ status: this.status, headers: this.headers, text, bytes, truncated });
  }
}

function flatten(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
