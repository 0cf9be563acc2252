import { firstError, type Mutant, meta, rewriteAnswers } from './mutant.js';

// Faults of the sunset behaviour: the blocked registration, its edge, and who may ask.

export const sunsetAcceptsRegistration: Mutant = {
  id: 'sunset-accepts-registration',
  description: 'answers a blocked registration with 202 Accepted and a vname, as before the sunset',
  profile: 'sunset',
  catches: ['ACCOUNT-SUNSET-NEVER-REGISTERS', 'ACCOUNT-SUNSET-1005'],
  build: rewriteAnswers('/v1/account', (response) =>
    firstError(response)?.details === 'Unknown error: biz_link_on_prem_reg_blocked'
      ? { status: 202, body: { account: [{ vname: 'Acme' }], meta } }
      : response,
  ),
};

export const sunsetDetailsTypo: Mutant = {
  id: 'sunset-details-typo',
  description: "the blocked error's details string has one character changed (blocked → block3d)",
  profile: 'sunset',
  catches: ['ACCOUNT-SUNSET-1005'],
  build: rewriteAnswers('/v1/account', (response) => {
    const error = firstError(response);
    if (error?.details === 'Unknown error: biz_link_on_prem_reg_blocked')
      error.details = 'Unknown error: biz_link_on_prem_reg_block3d';
    return response;
  }),
};

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

export const verifyCompletes: Mutant = {
  id: 'verify-completes',
  description: 'POST /v1/account/verify answers 201 Created to any code despite the sunset',
  profile: 'sunset',
  catches: ['VERIFY-SUNSET-REFUSED'],
  build: rewriteAnswers('/v1/account/verify', (response) =>
    response.status === 403 ? { status: 201, body: { meta } } : response,
  ),
};

export const anonymousAccepted: Mutant = {
  id: 'anonymous-accepted',
  description: 'a request without a valid bearer token is answered 200 OK instead of being refused',
  profile: 'sunset',
  catches: ['AUTH-TOKEN-REQUIRED'],
  build: rewriteAnswers('/v1/account', (response) =>
    response.status === 401 ? { status: 200, body: { meta } } : response,
  ),
};

export const nonAdminAccepted: Mutant = {
  id: 'non-admin-accepted',
  description: 'a non-admin account is let through: 202 Accepted instead of a refusal',
  profile: 'sunset',
  catches: ['AUTH-ADMIN-ONLY'],
  build: rewriteAnswers('/v1/account', (response) =>
    firstError(response)?.details === "User doesn't have permission"
      ? { status: 202, body: { account: [{ vname: 'Acme' }], meta } }
      : response,
  ),
};
