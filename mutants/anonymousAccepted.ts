import { rewriteAnswers, type Mutant } from './mutant.js';

export const anonymousAccepted: Mutant = {
  id: 'anonymous-accepted',
  description: 'a request without a valid bearer token is answered 200 OK instead of being refused',
  profile: 'sunset',
  catches: ['AUTH-TOKEN-REQUIRED'],
  build: rewriteAnswers('/v1/account', (response) =>
    response.status === 401 ? { status: 200, body: { meta: { version: 'v2.45.1', api_status: 'stable' } } } : response),
};
