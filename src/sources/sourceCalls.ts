import type { SourceCall } from '../generated/types.js';

const keptCalls = 50;

/**
 * Every call to a state or code source since the last `drain`: what was asked, what came back, how long it took.
 * Evidence beside the target's exchanges, so a run against a misconfigured source can be read from its report.
 * Codes and PINs are redacted when the calls are attached to a test, with the run's other secrets.
 */
export class SourceCalls {
  private readonly calls: SourceCall[] = [];

  async record<T>(source: string, call: string, work: () => Promise<T>, shown: (value: T) => string): Promise<T> {
    const started = performance.now();
    const done = (ok: boolean, answer: string) => {
      this.calls.push({ source, call, answer, ok, ms: Math.round(performance.now() - started) });
      this.calls.splice(0, Math.max(0, this.calls.length - keptCalls));
    };
    try {
      const value = await work();
      done(true, shown(value));
      return value;
    } catch (error) {
      done(false, (error as Error)?.message ?? String(error));
      throw error;
    }
  }

  /** The calls since the last drain, oldest first. */
  drain(): SourceCall[] {
    return this.calls.splice(0);
  }
}
