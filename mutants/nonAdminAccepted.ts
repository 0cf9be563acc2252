import { firstError, rewriteAnswers, type Mutant } from './mutant.js';

export const nonAdminAccepted: Mutant = {
  id: 'non-admin-accepted',
  description: 'a non-admin account is let through: 202 Accepted instead of a refusal',
  profile: 'sunset',
  catches: ['AUTH-ADMIN-ONLY'],
  build: rewriteAnswers('/v1/account', (response) =>
    firstError(response)?.details === "User doesn't have permission"
      ? { status: 202, body: { account: [{ vname: 'Acme' }], meta: { version: 'v2.45.1', api_status: 'stable' } } }
      : response),
};
