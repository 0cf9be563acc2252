import type { Profile } from '../requirements/index.js';
import type { ListedTest } from '../run/listedTests.js';
import { requirementsMatching } from '../run/requirementFilter.js';

/** The catalogue as text: ID, level, profiles, statement, citation, and where each of its tests is. Sends nothing. */
export function listRequirements(tests: readonly ListedTest[], grep?: string, profile?: Profile): string {
  return requirementsMatching(grep, profile)
    .map((r) =>
      [
        `${r.id}  ${r.level}  [${r.profiles.join(', ')}]`,
        `  ${r.statement}`,
        `  cites: ${r.citation.section} 「${r.citation.quote}」 ${r.citation.url}`,
        ...(r.evidence ? [`  evidence: ${r.evidence}`] : []),
        `  needs: ${r.needs?.length ? r.needs.join(', ') : 'admin credentials only'}`,
        ...tests.filter((t) => t.requirementIds.includes(r.id)).map((t) => `  test: ${t.file}:${t.line} ${t.title}`),
      ].join('\n'),
    )
    .join('\n\n');
}
