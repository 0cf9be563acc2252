import type { ConformanceReport, InteropTally, LoggedExchange } from '../src/generated/types.js';
import { interopCatalogue } from '../src/requirements/interop.js';

type Interop = NonNullable<ConformanceReport['interop']>;
export type InteropFinding = Interop['entries'][number];

/** Per entry of the catalogue, what the run's tests saw: its clients break (the first evidence), work, or it was not seen. */
export function interopOf(tallies: readonly InteropTally[], strict: boolean): Interop {
  return {
    strict,
    entries: interopCatalogue.map(({ read: _read, ...entry }) => {
      const mine = tallies.filter((t) => t.id === entry.id);
      const works = mine.reduce((sum, t) => sum + t.works, 0);
      const breaks = mine.reduce((sum, t) => sum + t.breaks, 0);
      const evidence = mine.find((t) => t.evidence)?.evidence;
      return {
        ...entry,
        clients: [...entry.clients],
        verdict: breaks ? 'breaks' : works ? 'works' : 'not-seen',
        works,
        breaks,
        ...(evidence ? { evidence } : {}),
      };
    }),
  };
}

export const brokenClients = (report: ConformanceReport): InteropFinding[] =>
  report.interop?.entries.filter((e) => e.verdict === 'breaks') ?? [];

/** The exchange that broke the clients, in one line: what was sent and what came back. */
export function evidenceLine(finding: InteropFinding): string | undefined {
  const e = finding.evidence as LoggedExchange | undefined;
  if (!e) return undefined;
  const body = e.response?.body ?? '';
  return `${e.request.method} ${e.request.url} → ${e.response?.status ?? e.error} ${body.length > 160 ? `${body.slice(0, 160)}…` : body}`;
}

/** An entry's clients, by name and file. */
export const clientsLine = (finding: InteropFinding) => finding.clients.map((c) => `${c.name} (${c.file})`).join(', ');
