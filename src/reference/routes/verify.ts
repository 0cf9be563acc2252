import type { VerifyRequest } from '../../generated/types.js';
import { adminSession } from '../auth.js';
import { documentedBody } from '../body.js';
import { apiError, registrationBlocked } from '../errors.js';
import { noPayload, type Route } from './route.js';

/** POST /v1/account/verify: the code sent by SMS or voice completes the registration (legacy). */
export const verify: Route = (request, { profile, accounts, registrations }) => {
  const authorized = adminSession(accounts, request);
  if ('refusal' in authorized) return authorized.refusal;
  const body = documentedBody<VerifyRequest>(request, 'verify-request', ['code']);
  if ('refusal' in body) return body.refusal;
  if (profile === 'sunset') return registrationBlocked();
  if (!registrations.verify(body.value.code)) return apiError(1009, 'The registration code is wrong or has expired');
  return noPayload(201);
};
