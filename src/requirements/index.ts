import { catalogue } from './catalogue.js';
import type { Profile, Requirement } from './requirement.js';

export { catalogue } from './catalogue.js';
export { sectionHeading } from './citations.js';
export {
  type Level,
  type Need,
  needs,
  type Profile,
  profiles,
  type Requirement,
  type RequirementCitation,
} from './requirement.js';

const byId = new Map(catalogue.map((r) => [r.id, r]));

/** The requirement with this ID; an unknown ID is a programming error, so it throws. */
export function requirement(id: string): Requirement {
  const found = byId.get(id);
  if (!found) throw new Error(`unknown requirement ID "${id}"`);
  return found;
}

export function appliesTo(req: Requirement, profile: Profile): boolean {
  return req.profiles.includes(profile);
}
