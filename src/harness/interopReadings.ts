// What the run's answers show of the interop catalogue: each exchange a test records is read by every entry of the
// answer kind, and the first that breaks its clients is kept as the evidence. Reported, never judged.
import type { Exchange } from '../client/index.js';
import { interopCatalogue, type WireExchange } from '../requirements/interop.js';

/** Per entry, for one test: how many answers worked and broke its clients, and the first that broke them. */
export interface InteropTally {
  id: string;
  works: number;
  breaks: number;
  evidence?: Exchange;
}

const answerEntries = interopCatalogue.filter((entry) => entry.read);

/** The path a target's base URL puts before /v1/… (`/api` in http://host/api), none for most. */
function prefixOf(base: string | undefined): string {
  return URL.canParse(base ?? '') ? new URL(base!).pathname.replace(/\/$/, '') : '';
}

/** An exchange as the catalogue reads it: its path relative to the target's base URL. */
export function wireExchange(exchange: Exchange, prefix: string): WireExchange {
  const url = exchange.request.url;
  const path = URL.canParse(url) ? new URL(url).pathname : url;
  return {
    method: exchange.request.method,
    path: prefix && path.startsWith(prefix) ? path.slice(prefix.length) || '/' : path,
    ...(exchange.response ? { status: exchange.response.status, body: exchange.response.body } : {}),
  };
}

export class InteropReadings {
  private readonly tallies = new Map<string, InteropTally>();

  private readonly prefix: string;

  constructor(base: string | undefined) {
    this.prefix = prefixOf(base);
  }

  read(exchange: Exchange): void {
    if (!exchange.response) return;
    const wire = wireExchange(exchange, this.prefix);
    for (const entry of answerEntries) {
      const reading = entry.read!(wire);
      if (reading) this.add(entry.id, reading, exchange);
    }
  }

  /** What a probe of the request kind saw: its clients work, or break on `exchange`. */
  add(id: string, reading: 'works' | 'breaks', exchange: Exchange): void {
    const tally = this.tallies.get(id) ?? { id, works: 0, breaks: 0 };
    tally[reading] += 1;
    if (reading === 'breaks') tally.evidence ??= exchange;
    this.tallies.set(id, tally);
  }

  tallied(): InteropTally[] {
    return [...this.tallies.values()];
  }
}
