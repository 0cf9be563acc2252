import { rewriteAnswers, type Mutant } from './mutant.js';

export const malformedJson500: Mutant = {
  id: 'malformed-json-500',
  description: 'crashes on a body that is not JSON: 500 Internal error instead of a client error',
  profile: 'sunset',
  catches: ['REQUEST-MALFORMED-JSON'],
  build: rewriteAnswers('/v1/account', (response, { body }) => {
    try {
      JSON.parse(body);
      return response;
    } catch {
      return { status: 500, body: { errors: [{ code: 1014, title: 'Internal error' }] } };
    }
  }),
};
