import { authMutants, authVariants } from './authMutants.js';
import { clusterMutants } from './clusterMutants.js';
import {
  variantBlocksBeforeValidating,
  variantClientWideTwoStep,
  variantLegacyDifferent,
  variantOneCodeForAll,
  variantStrictFraming,
  variantSunsetTerse,
  variantTerseErrors,
} from './correctVariants.js';
import {
  blockedWith500,
  blockedWrongCode,
  codeAsString,
  errorOutsideArray,
  errorsAsPlainText,
} from './envelopeMutants.js';
import { exactSecretMutants } from './exactSecretMutants.js';
import { moreLegacyMutants, noPendingRegistration } from './legacyMoreMutants.js';
import { legacyMutants } from './legacyMutants.js';
import { loginIgnoresPassword, loginWithoutExpiry } from './loginMutants.js';
import type { Mutant } from './mutant.js';
import { requestShapeMutants, unknownPropertiesRegister } from './requestShapeMutants.js';
import { servingVariants } from './servingVariants.js';
import { sourceAreaMutants } from './sourceAreaMutants.js';
import {
  anonymousAccepted,
  malformedJson500,
  nonAdminAccepted,
  sunsetAcceptsRegistration,
  sunsetDetailsTypo,
  verifyCompletes,
} from './sunsetMutants.js';

export type { Mutant } from './mutant.js';

/** Faulty variants: each must be caught by the requirements it names. */
export const mutants: readonly Mutant[] = [
  sunsetAcceptsRegistration,
  sunsetDetailsTypo,
  malformedJson500,
  verifyCompletes,
  anonymousAccepted,
  nonAdminAccepted,
  blockedWith500,
  blockedWrongCode,
  codeAsString,
  errorOutsideArray,
  errorsAsPlainText,
  loginWithoutExpiry,
  loginIgnoresPassword,
  ...legacyMutants,
  ...moreLegacyMutants,
  ...sourceAreaMutants,
  ...requestShapeMutants,
  unknownPropertiesRegister,
  // Last, so that the foreign sources the rotation gives the others stay as they were.
  noPendingRegistration,
  ...authMutants,
  ...exactSecretMutants,
  ...clusterMutants,
];

/** Correct variants that choose differently where the documentation allows: no FAIL allowed. */
export const correctVariants: readonly Mutant[] = [
  variantBlocksBeforeValidating,
  variantTerseErrors,
  variantLegacyDifferent,
  variantSunsetTerse,
  variantStrictFraming,
  variantOneCodeForAll,
  variantClientWideTwoStep,
  ...servingVariants,
  ...authVariants,
];
