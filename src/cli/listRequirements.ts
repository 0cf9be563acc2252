import type { Profile } from '../requirements/index.js';
import { requirementsMatching } from '../run/requirementFilter.js';

/** The catalogue as text: ID, level, profiles, statement, citation. Sends nothing anywhere. */
export function listRequirements(grep?: string, profile?: Profile): string {
  return requirementsMatching(grep, profile)
    .map((r) =>
      [
        `${r.id}  ${r.level}  [${r.profiles.join(', ')}]`,
        `  ${r.statement}`,
        `  cites: ${r.citation.section} 「${r.citation.quote}」 ${r.citation.url}`,
        ...(r.evidence ? [`  evidence: ${r.evidence}`] : []),
        `  needs: ${r.needs?.length ? r.needs.join(', ') : 'admin credentials only'}`,
      ].join('\n'),
    )
    .join('\n\n');
}
