import { anonymousAccepted } from './anonymousAccepted.js';
import { legacyMutants } from './legacyMutants.js';
import { malformedJson500 } from './malformedJson500.js';
import type { Mutant } from './mutant.js';
import { nonAdminAccepted } from './nonAdminAccepted.js';
import { sunsetAcceptsRegistration } from './sunsetAcceptsRegistration.js';
import { sunsetDetailsTypo } from './sunsetDetailsTypo.js';
import { variantBlocksBeforeValidating } from './variantBlocksBeforeValidating.js';
import { variantTerseErrors } from './variantTerseErrors.js';
import { verifyCompletes } from './verifyCompletes.js';

export type { Mutant } from './mutant.js';

/** Faulty variants: each must be caught by the requirements it names. */
export const mutants: readonly Mutant[] = [
  sunsetAcceptsRegistration,
  sunsetDetailsTypo,
  malformedJson500,
  verifyCompletes,
  anonymousAccepted,
  nonAdminAccepted,
  ...legacyMutants,
];

/** Correct variants that choose differently where the documentation allows: no FAIL allowed. */
export const correctVariants: readonly Mutant[] = [variantBlocksBeforeValidating, variantTerseErrors];
