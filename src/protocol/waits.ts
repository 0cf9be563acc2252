/** The waits a target asked for (429, 503, not ready) and the closed connections tried again: reported, never judged. */
export interface Waits {
  count: number;
  ms: number;
  reconnects: number;
  /** What asked for the waits, each once. */
  reasons: string[];
}

const keptReasons = 10;

/** `more` added to `total` (none yet: `more` itself): the sum the client, a test and a requirement each keep. */
export function addWaits(total: Waits | undefined, more: Waits): Waits {
  if (!total) return { ...more, reasons: more.reasons.slice(0, keptReasons) };
  return {
    count: total.count + more.count,
    ms: total.ms + more.ms,
    reconnects: total.reconnects + more.reconnects,
    reasons: [...new Set([...total.reasons, ...more.reasons])].slice(0, keptReasons),
  };
}
