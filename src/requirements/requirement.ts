/** MUST: the documentation states it. SHOULD: inferred from implementation evidence. INFO: observed only. */
export type Level = 'MUST' | 'SHOULD' | 'INFO';

export type Profile = 'sunset' | 'legacy';

export const profiles: readonly Profile[] = ['sunset', 'legacy'];

/**
 * What a check needs of the run besides the target, from a closed list (as test262 declares `features`): the
 * requirement is skipped before it sends anything when one is missing, with the configuration that would supply it.
 */
export type Need =
  | 'registered-number'
  | 'unregistered-number'
  | 'two-step-number'
  | 'state-source'
  | 'code-source'
  | 'minted-certificates'
  | 'side-effects'
  | 'non-admin-account'
  | 'admin-password'
  | 'moved-away-state'
  | 'fresh-number-codes'
  | 'unattended-code-source'
  | 'bad-logins';

export const needs: readonly Need[] = [
  'registered-number',
  'unregistered-number',
  'two-step-number',
  'state-source',
  'code-source',
  'minted-certificates',
  'side-effects',
  'non-admin-account',
  'admin-password',
  'moved-away-state',
  'fresh-number-codes',
  'unattended-code-source',
  'bad-logins',
];

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
  /** What its test checks, in a few words: the test's title (and its case's, when it has several tests). */
  title: string;
  /** The expected behaviour, one sentence. */
  statement: string;
  citation: RequirementCitation;
  /** Where a SHOULD or INFO comes from when the page itself does not say it (facts file tag and source). */
  evidence?: string;
  profiles: readonly Profile[];
  /** What the checks need of the run; none: any target with admin credentials. */
  needs?: readonly Need[];
}
