// How many independent requests a worker keeps in flight to one target, learned from its answers as TCP learns a
// window: doubled each round while answers keep their latency and no wait is asked for (a slow start), then raised by
// one a round; halved once per round when the target asks the suite to wait (429, 503, not ready). Kept for the
// worker's life, so each property starts where the last one left off.

/** Where a property's requests in flight started, the most it reached, the fewest it was lowered to, and where it ended. */
export interface PaceRecord {
  from: number;
  reached: number;
  lowest: number;
  to: number;
}

/** How much slower than the fastest round a round may be before the target counts as loaded. */
const loadedRatio = 1.5;
/** Lanes a pace starts with: what every target has taken so far. */
export const startingLanes = 4;

export class Pace {
  private current: number;
  private slowStart = true;
  private baseline = Number.POSITIVE_INFINITY;
  private round: number[] = [];
  /** When the lanes were last halved: a wait of a request sent before then was already answered for. */
  private loweredAt = Number.NEGATIVE_INFINITY;
  private record: PaceRecord | undefined;

  constructor(
    /** The most requests in flight, whatever the answers (`--concurrency`). */
    readonly ceiling: number,
  ) {
    this.current = Math.min(startingLanes, ceiling);
  }

  get lanes(): number {
    return this.current;
  }

  /** Starts recording a property's pace. */
  begin(): void {
    this.record = { from: this.current, reached: this.current, lowest: this.current, to: this.current };
    this.round = [];
    // Properties differ in what a check costs (one request or several): each is measured against its own rounds.
    this.baseline = Number.POSITIVE_INFINITY;
  }

  /** Ends the record `begin` started. */
  end(): PaceRecord {
    const record = { ...this.record!, to: this.current };
    this.record = undefined;
    return record;
  }

  /** One request (or check) sent at `startedAt` that took `ms`; `waited` when the target asked to wait meanwhile. */
  observe(startedAt: number, ms: number, waited: boolean): void {
    if (waited) {
      if (startedAt < this.loweredAt) return;
      this.set(Math.max(1, Math.floor(this.current / 2)));
      this.slowStart = false;
      this.loweredAt = performance.now();
      this.round = [];
      return;
    }
    this.round.push(ms);
    if (this.round.length < this.current) return;
    const latency = median(this.round);
    this.round = [];
    this.baseline = Math.min(this.baseline, latency);
    if (latency > loadedRatio * this.baseline) {
      this.slowStart = false;
      return;
    }
    this.set(Math.min(this.ceiling, this.slowStart ? this.current * 2 : this.current + 1));
  }

  private set(lanes: number): void {
    this.current = lanes;
    if (!this.record) return;
    this.record.reached = Math.max(this.record.reached, lanes);
    this.record.lowest = Math.min(this.record.lowest, lanes);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
