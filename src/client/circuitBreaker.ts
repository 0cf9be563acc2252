import { readFileSync, writeFileSync } from 'node:fs';

/** After this many transport failures in a row, on one path or across the target, the rest fail at once. */
export const failuresToTrip = 3;

export const stoppedMessage = 'the target stopped answering';

/** Failures in a row; `by` is the first requirement whose request met one: the one the row is blamed on. */
interface Row {
  failures: number;
  last: string;
  by?: string;
}

interface State {
  target?: Row;
  paths: Record<string, Row>;
}

/** Why a request was not sent, and the requirement whose request met the failures that stopped it. */
export interface Stopped {
  reason: string;
  by?: string;
}

/**
 * A circuit breaker in the spirit of Schemathesis's: a target that stopped answering (on one path, or on all of
 * them) is recognised after a few failures and not waited for again. Its state is a small file shared by the run's
 * processes, so a worker Playwright starts afresh after a failed test does not pay the timeouts once more.
 */
export class CircuitBreaker {
  private state: State;

  constructor(private readonly file?: string) {
    this.state = this.read();
  }

  /** Why requests to `path` are not sent any more; undefined while it may be tried. */
  open(path: string): Stopped | undefined {
    const { target, paths } = this.state;
    if (target && target.failures >= failuresToTrip) return stopped(target, stoppedMessage);
    const row = paths[path];
    return row && row.failures >= failuresToTrip ? stopped(row, `${stoppedMessage} on ${path}`) : undefined;
  }

  /**
   * A transport failure of a request sent for `requirement` (none: the suite's own, a login or a source). Returns
   * the requirement the failures in a row so far are blamed on, which may be this one.
   */
  failed(path: string, error: string, requirement?: string): string | undefined {
    this.state = this.read();
    const last = `${path} at ${new Date().toISOString()}: ${error}`;
    const next = (row: Row | undefined): Row => ({
      failures: (row?.failures ?? 0) + 1,
      last,
      ...((row?.by ?? requirement) ? { by: row?.by ?? requirement } : {}),
    });
    this.state.target = next(this.state.target);
    this.state.paths[path] = next(this.state.paths[path]);
    this.write();
    return this.state.target.by;
  }

  /** An answer: the target answers again, on this path and as a whole. */
  answered(path: string): void {
    // Read only when this process saw failures: an answer costs no file read on a target that answers.
    if (!this.state.target && !this.state.paths[path]) return;
    this.state = this.read();
    delete this.state.target;
    delete this.state.paths[path];
    this.write();
  }

  private read(): State {
    if (!this.file) return this.state ?? { paths: {} };
    try {
      const state = JSON.parse(readFileSync(this.file, 'utf8')) as State;
      return { ...state, paths: state.paths ?? {} };
    } catch {
      return { paths: {} };
    }
  }

  private write(): void {
    if (this.file) writeFileSync(this.file, JSON.stringify(this.state));
  }
}

function stopped(row: Row, what: string): Stopped {
  return {
    reason: `${what}: ${row.failures} transport failures in a row, the last on ${row.last}`,
    ...(row.by ? { by: row.by } : {}),
  };
}
