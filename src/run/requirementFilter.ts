import { catalogue, type Profile, type Requirement } from '../requirements/index.js';
import { UsageError } from './usageError.js';

/**
 * What `--grep PATTERN` means, in a run and in `--list` alike: the requirements whose ID the pattern matches.
 * A pattern that is no regular expression, or that matches no ID, is a usage error naming it.
 */
export function requirementsMatching(grep: string | undefined, profile?: Profile): Requirement[] {
  const pattern = grep === undefined ? undefined : regExpOf(grep);
  const matched = catalogue.filter(
    (r) => (!pattern || pattern.test(r.id)) && (!profile || r.profiles.includes(profile)),
  );
  if (grep !== undefined && matched.length === 0) {
    throw new UsageError(
      `--grep ${JSON.stringify(grep)} matches no requirement ID${profile ? ` of the ${profile} profile` : ''} (--list shows them)`,
    );
  }
  return matched;
}

function regExpOf(grep: string): RegExp {
  try {
    return new RegExp(grep);
  } catch (error) {
    throw new UsageError(
      `--grep ${JSON.stringify(grep)} is not a regular expression: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`,
    );
  }
}

/** A pattern that matches the tags (`@ID`, see verifies()) of the tests of these requirements, and no other's. */
export function tagsOf(ids: readonly string[]): string {
  return `@(?:${ids.join('|')})(?=\\s|$)`;
}
