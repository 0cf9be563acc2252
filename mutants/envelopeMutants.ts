import type { ApiResponse } from '../src/reference/index.js';
import { errorsIn, firstError, type Mutant, meta, rewriteAnswers } from './mutant.js';

// Faults of the answers' shape: subtle ones, each a change a careless port of the client could make.

const isBlocked = (response: ApiResponse) =>
  firstError(response)?.details === 'Unknown error: biz_link_on_prem_reg_blocked';

export const blockedWith500: Mutant = {
  id: 'sunset-blocked-500',
  description: 'the blocked registration comes with status 500 (same body): a refusal dressed as a server failure',
  profile: 'sunset',
  catches: ['ACCOUNT-SUNSET-STATUS-4XX'],
  build: rewriteAnswers('/v1/account', (response) => (isBlocked(response) ? { ...response, status: 500 } : response)),
};

export const blockedWrongCode: Mutant = {
  id: 'sunset-code-1006',
  description: 'right class, wrong number: the blocked error says code 1006 instead of 1005',
  profile: 'sunset',
  catches: ['ACCOUNT-SUNSET-1005'],
  build: rewriteAnswers('/v1/account', (response) => {
    if (isBlocked(response)) firstError(response)!.code = 1006;
    return response;
  }),
};

export const codeAsString: Mutant = {
  id: 'error-code-as-string',
  description: 'error codes are sent as strings ("1005") instead of integers',
  profile: 'sunset',
  catches: ['ERROR-ENVELOPE', 'ACCOUNT-SUNSET-1005'],
  build: rewriteAnswers('/v1/account', (response) => {
    for (const error of errorsIn(response)) error.code = String(error.code);
    return response;
  }),
};

export const errorOutsideArray: Mutant = {
  id: 'error-outside-errors-array',
  description: 'the error object stands at the top level of the body, not inside errors[]',
  profile: 'sunset',
  catches: ['ERROR-ENVELOPE', 'ACCOUNT-SUNSET-1005'],
  build: rewriteAnswers('/v1/account', (response) => {
    const error = firstError(response);
    return error && response.status >= 400 ? { ...response, body: { ...error, meta } } : response;
  }),
};

export const errorsAsPlainText: Mutant = {
  id: 'errors-as-text-plain',
  description: 'error answers are labelled text/plain (the body is still JSON)',
  profile: 'sunset',
  catches: ['RESPONSE-JSON'],
  build: rewriteAnswers('/v1/account', (response) =>
    response.status >= 400 ? { ...response, headers: { ...response.headers, 'content-type': 'text/plain' } } : response,
  ),
};
