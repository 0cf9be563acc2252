import { decodeCertificate } from '../../cert/index.js';
import type { RegisterRequest } from '../../generated/types.js';
import { adminSession } from '../auth.js';
import { documentedBody } from '../body.js';
import { apiError, registrationBlocked } from '../errors.js';
import { noPayload, type Route } from './route.js';

const parameters = ['cc', 'phone_number', 'method', 'cert', 'pin'];

/** POST /v1/account: refused as blocked (sunset), or 201 registered / 202 code sent with the vname (legacy). */
export const account: Route = (request, { profile, accounts, registrations, codeHeader }) => {
  const authorized = adminSession(accounts, request);
  if ('refusal' in authorized) return authorized.refusal;
  const body = documentedBody<RegisterRequest>(request, 'register-request', parameters);
  if ('refusal' in body) return body.refusal;
  if (profile === 'sunset') return registrationBlocked();

  const number = body.value;
  const certificate = decodeCertificate(number.cert);
  if (!certificate.ok) return apiError(1009, certificate.reason);
  if (registrations.isRegistered(number)) return noPayload(201);
  const pin = registrations.pinOf(number);
  if (pin !== undefined && number.pin === undefined) {
    return apiError(1008, "Missing mandatory parameter 'pin': two-step verification is enabled for this number");
  }
  if (pin !== undefined && number.pin !== pin) return apiError(1005, 'Incorrect two-step verification PIN');
  const vname = certificate.details.verifiedName;
  const code = registrations.sendCode(number, vname);
  return { status: 202, body: { account: [{ vname }] }, ...(codeHeader ? { headers: { [codeHeader]: code } } : {}) };
};
