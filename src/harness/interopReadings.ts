// What the run's answers show of the interop catalogue: each exchange a test records is read by every entry of the
// answer kind, and the first that breaks its clients is kept as the evidence. Reported, never judged.
import { type Exchange, jsonOf } from '../client/index.js';
import { interopCatalogue, type WireExchange } from '../requirements/interop.js';

/** Per entry, for one test: how many answers worked and broke its clients, and the first that broke them. */
export interface InteropTally {
  id: string;
  works: number;
  breaks: number;
  evidence?: Exchange;
}

const answerEntries = interopCatalogue.filter((entry) => entry.read);

/** What a target's base URL puts before /v1/…: its origin and path (`http://host/api` of http://host/api/). */
function prefixOf(base: string | undefined): string {
  if (!URL.canParse(base ?? '')) return '';
  const url = new URL(base!);
  return `${url.origin}${url.pathname.replace(/\/$/, '')}`;
}

/** An exchange as the catalogue reads it: its path relative to the target's base URL, without the query. */
export function wireExchange(exchange: Exchange, prefix: string): WireExchange {
  const url = exchange.request.url;
  // Every request goes to the base URL: its path is what follows it (parsing each URL cost more than the reading).
  const rest =
    prefix && url.startsWith(prefix) ? url.slice(prefix.length) : URL.canParse(url) ? new URL(url).pathname : url;
  return {
    method: exchange.request.method,
    path: rest.split('?')[0] || '/',
    ...(exchange.response ? { status: exchange.response.status, json: jsonOf(exchange) } : {}),
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
