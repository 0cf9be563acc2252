import { readFileSync, writeFileSync } from 'node:fs';

/** After this many transport failures in a row on one path, the rest of its requests fail at once. */
export const failuresToTrip = 3;

type State = Record<string, { failures: number; last: string; by: string }>;

/**
 * A circuit breaker in the spirit of Schemathesis's: a target that stopped answering on a path is recognised after
 * a few failures and not waited for again. Its state is a small file shared by the run's processes, so a worker
 * Playwright starts afresh after a failed test does not pay the timeouts once more.
 */
export class CircuitBreaker {
  private state: State;

  constructor(private readonly file?: string) {
    this.state = this.read();
  }

  /** Why requests to `path` are not sent any more, and the case whose failure tripped it; undefined while it may be tried. */
  open(path: string): { reason: string; by: string } | undefined {
    const entry = this.state[path];
    return entry && entry.failures >= failuresToTrip
      ? { reason: `target stopped answering on ${path}: ${entry.failures} transport failures in a row, the last: ${entry.last}`, by: entry.by }
      : undefined;
  }

  /** A transport failure of a request sent for `by` (its case). */
  failed(path: string, error: string, by: string): void {
    this.state = this.read();
    const failures = (this.state[path]?.failures ?? 0) + 1;
    this.state[path] = { failures, last: error, by };
    this.write();
  }

  answered(path: string): void {
    if (!this.state[path]) return;
    delete this.state[path];
    this.write();
  }

  private read(): State {
    if (!this.file) return this.state ?? {};
    try {
      return JSON.parse(readFileSync(this.file, 'utf8')) as State;
    } catch {
      return {};
    }
  }

  private write(): void {
    if (this.file) writeFileSync(this.file, JSON.stringify(this.state));
  }
}
