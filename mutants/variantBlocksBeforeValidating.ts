
import { wrapping, type Mutant } from './mutant.js';

// Correct: the facts file leaves the order of validation and the sunset refusal open.
export const variantBlocksBeforeValidating: Mutant = {
  id: 'variant-blocks-before-validating',
  description: 'refuses every registration with the blocked 1005 before looking at the body, even a malformed one',
  profile: 'sunset',
  catches: [],
  build: wrapping((reference) => async (request) => {
    if (request.path === '/v1/account' && request.method === 'POST') {
      const probe = await reference({ ...request, body: '{"cc":"1","phone_number":"5550100","method":"sms","cert":"Cg=="}' });
      if (probe.status === 403) return probe;
    }
    return reference(request);
  }),
};

