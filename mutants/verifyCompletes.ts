import { rewriteAnswers, type Mutant } from './mutant.js';

export const verifyCompletes: Mutant = {
  id: 'verify-completes',
  description: 'POST /v1/account/verify answers 201 Created to any code despite the sunset',
  profile: 'sunset',
  catches: ['VERIFY-SUNSET-REFUSED'],
  build: rewriteAnswers('/v1/account/verify', (response) =>
    response.status === 403 ? { status: 201, body: { meta: { version: 'v2.45.1', api_status: 'stable' } } } : response),
};
