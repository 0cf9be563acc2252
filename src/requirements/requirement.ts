/** MUST: the documentation states it. SHOULD: inferred from implementation evidence. INFO: observed only. */
export type Level = 'MUST' | 'SHOULD' | 'INFO';

export type Profile = 'sunset' | 'legacy';

export const profiles: readonly Profile[] = ['sunset', 'legacy'];

export interface RequirementCitation {
  /** Section of the Japanese seed page (or of the page named by `url`). */
  section: string;
  /** A short quote of the sentence the requirement rests on. */
  quote: string;
  /** The English page. */
  url: string;
}

export interface Requirement {
  /** Stable slug: never renumbered, never reused. */
  id: string;
  level: Level;
  /** The expected behaviour, one sentence. */
  statement: string;
  citation: RequirementCitation;
  /** Where a SHOULD or INFO comes from when the page itself does not say it (facts file tag and source). */
  evidence?: string;
  profiles: readonly Profile[];
}
