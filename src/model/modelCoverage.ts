// What the stateful model's sequences reached: each transition of the model, how often. The sequences are chosen for
// it: the chosen ones first (each transition at least once), then generated ones until every transition was reached
// and `explored` generated sequences ran; the rest of the runs send nothing. Against a correct target the same
// sequences are sent every run, so the verdict and the figures are the same.

/** A step of the model from one state of a number to the next, in words. */
export type Transition = (typeof transitions)[keyof typeof transitions];

export const transitions = {
  first: 'a code requested for a fresh number: sent',
  again: 'a code requested again before verification: sent',
  another: "a code requested while another number's is pending: sent",
  registered: 'a code requested for a registered number: 201',
  pinIgnored: 'a code requested with a PIN two-step does not ask for: sent or refused',
  pinMissing: 'a code requested without the PIN two-step asks for, or with a wrong one: refused',
  pinRight: 'a code requested with the PIN two-step asks for: sent',
  open: 'a code requested for a number whose two-step setting is open: sent or refused',
  verified: 'the pending code verified: registered',
  earlier: 'an earlier code verified after a newer request: refused',
  noneOpen: 'a code verified with no registration pending: refused',
  wrongCode: 'a code never sent verified: refused',
  twoStepOn: 'two-step turned on',
  twoStepOff: 'two-step turned off',
  movedAway: 'a registered number moved to another client',
} as const;

/** The transitions every run must reach: those of numbers moving away only where a state source can move them. */
export function expectedTransitions(moveAway: boolean): Transition[] {
  const { open, pinMissing, pinRight, movedAway, ...always } = transitions;
  return [...Object.values(always), ...(moveAway ? [pinMissing, pinRight, movedAway] : [])];
}

/** What report.json shows of a model's run. */
export interface ModelCoverageRecord {
  /** Sequences sent: the chosen ones, then generated ones. */
  sequences: number;
  chosen: number;
  /** Generated sequences not sent: every transition was reached, and enough were explored. */
  notSent: number;
  /** Transitions the run must reach (those of moving numbers away only where a source can). */
  expected: number;
  transitions: { transition: string; count: number }[];
  /** Transitions of the model no sequence reached. */
  unreached: string[];
}

export class ModelCoverage {
  private readonly counts = new Map<string, number>();
  private sent = 0;
  private notSent = 0;
  private generated = 0;
  private failed = false;

  constructor(
    private readonly expected: readonly Transition[],
    private readonly chosen: number,
    /** Generated sequences sent at least, after the chosen ones. */
    private readonly explored: number,
  ) {}

  reached(transition: Transition): void {
    this.counts.set(transition, (this.counts.get(transition) ?? 0) + 1);
  }

  /**
   * Whether the next sequence is sent. Once one failed, every sequence is: shrinking and the replay must meet the
   * target, not the tally.
   */
  next(): boolean {
    const generated = this.sent >= this.chosen;
    const enough = this.generated >= this.explored && this.expected.every((t) => this.counts.has(t));
    if (generated && enough && !this.failed) {
      this.notSent += 1;
      return false;
    }
    this.sent += 1;
    if (generated) this.generated += 1;
    return true;
  }

  fail(): void {
    this.failed = true;
  }

  /** A sequence failed: what is sent now shrinks or replays it. */
  get failing(): boolean {
    return this.failed;
  }

  record(): ModelCoverageRecord {
    return {
      sequences: this.sent,
      chosen: this.chosen,
      notSent: this.notSent,
      expected: this.expected.length,
      transitions: Object.values(transitions).flatMap((transition) => {
        const count = this.counts.get(transition);
        return count ? [{ transition, count }] : [];
      }),
      unreached: this.expected.filter((t) => !this.counts.has(t)),
    };
  }
}
