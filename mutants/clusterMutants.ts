// Faults a live cluster's registrations show: what issue 34's self-registered number catches.
import { acceptedAnswer } from './legacyAcceptedAnswer.js';
import type { Mutant } from './mutant.js';
import { rewriteAnswers } from './mutant.js';

export const registeredAnswered202: Mutant = {
  id: 'legacy-registered-answered-202',
  description:
    'answers 202 (as if a code were sent) for a number that is registered: caught on a number the run registered itself',
  profile: 'legacy',
  catches: ['LEGACY-REGISTERED-201'],
  build: rewriteAnswers('/v1/account', (response, request) =>
    response.status === 201 ? acceptedAnswer(request) : response,
  ),
};

export const clusterMutants: readonly Mutant[] = [registeredAnswered202];
