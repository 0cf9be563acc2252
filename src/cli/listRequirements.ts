import type { Profile } from '../requirements/index.js';
import { interopCatalogue } from '../requirements/interop.js';
import type { ListedTest } from '../run/listedTests.js';
import { requirementsMatching } from '../run/requirementFilter.js';

/** The catalogue as text: ID, level, profiles, statement, citation, and where each of its tests is. Sends nothing. */
export function listRequirements(tests: readonly ListedTest[], grep?: string, profile?: Profile): string {
  // A --grep that is no regular expression selects no entry here; requirementsMatching names the fault.
  const pattern = grep === undefined ? /./ : regExpOrNone(grep);
  const interop = interopCatalogue
    .filter((e) => pattern?.test(e.id))
    .map((e) =>
      [
        `${e.id}  INTEROP  [${e.kind === 'answer' ? 'read off the answers' : 'a request of its own'}]`,
        `  ${e.title}`,
        `  breaks on: ${e.breaksOn}`,
        ...e.clients.map((c) => `  client: ${c.name} ${c.repository} ${c.file}`),
        `  why: ${e.why}`,
      ].join('\n'),
    );
  const requirements = matchingOrNone(grep, profile, interop.length > 0).map((r) =>
    [
      `${r.id}  ${r.level}  [${r.profiles.join(', ')}]`,
      `  ${r.statement}`,
      `  cites: ${r.citation.section} 「${r.citation.quote}」 ${r.citation.url}`,
      ...(r.evidence ? [`  evidence: ${r.evidence}`] : []),
      `  needs: ${r.needs?.length ? r.needs.join(', ') : 'admin credentials only'}`,
      ...tests.filter((t) => t.requirementIds.includes(r.id)).map((t) => `  test: ${t.file}:${t.line} ${t.title}`),
    ].join('\n'),
  );
  return [...requirements, ...interop].join('\n\n');
}

function regExpOrNone(source: string): RegExp | undefined {
  try {
    return new RegExp(source);
  } catch {
    return undefined;
  }
}

/** The requirements --grep selects; none, rather than an error, when it selects interop entries only. */
function matchingOrNone(grep: string | undefined, profile: Profile | undefined, interop: boolean) {
  try {
    return requirementsMatching(grep, profile);
  } catch (error) {
    if (interop) return [];
    throw error;
  }
}
