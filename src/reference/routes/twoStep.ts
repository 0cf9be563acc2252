import type { TwoStepRequest } from '../../generated/types.js';
import { adminSession } from '../auth.js';
import { documentedBody } from '../body.js';
import { apiError } from '../errors.js';
import type { ApiResponse } from '../exchange.js';
import type { Registrations } from '../registrations.js';
import { noPayload, type Route } from './route.js';

function currentAccount(registrations: Registrations): string | ApiResponse {
  return registrations.currentAccount ?? apiError(1006, 'No account is registered on this client');
}

/** POST /v1/settings/account/two-step: sets the registered account's PIN. */
export const enableTwoStep: Route = (request, { accounts, registrations }) => {
  const authorized = adminSession(accounts, request);
  if ('refusal' in authorized) return authorized.refusal;
  const body = documentedBody<TwoStepRequest>(request, 'two-step-request', ['pin']);
  if ('refusal' in body) return body.refusal;
  const key = currentAccount(registrations);
  if (typeof key !== 'string') return key;
  registrations.setPin(key, body.value.pin);
  return noPayload(200);
};

/** DELETE /v1/settings/account/two-step: turns two-step verification off. */
export const disableTwoStep: Route = (request, { accounts, registrations }) => {
  const authorized = adminSession(accounts, request);
  if ('refusal' in authorized) return authorized.refusal;
  const key = currentAccount(registrations);
  if (typeof key !== 'string') return key;
  registrations.clearPin(key);
  return noPayload(200);
};
