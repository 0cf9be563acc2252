import type { PhoneNumber } from '../../protocol/index.js';
import { numberStates, providerStateNamed } from '../../protocol/index.js';
import { jsonBody } from '../body.js';
import { apiError } from '../errors.js';
import { numberKey } from '../registrations.js';
import { noPayload, type Route } from './route.js';

// What emulators written by other people tend to have instead of our control protocol, so the reference can stand
// in for one ("foreign" mode): a Pact provider-state endpoint and a test inbox. Neither needs a token, as such test
// endpoints usually do not; they are served only when asked for.

export const providerStatesPath = '/_pact/provider-states';
export const inboxPath = '/_inbox';

/** POST /_pact/provider-states {state, params, action}: the request the Pact verifier sends to a state-change URL. */
export const providerStates: Route = (request, { registrations }) => {
  const body = jsonBody(request);
  if ('refusal' in body) return body.refusal;
  const { state, params, action } = (body.value ?? {}) as {
    state?: unknown;
    params?: Partial<PhoneNumber> & { pin?: unknown };
    action?: unknown;
  };
  if (action === 'teardown') return noPayload(200);
  const known = typeof state === 'string' ? providerStateNamed(state) : undefined;
  if (!known || !numberStates.includes(known as never))
    return apiError(1009, `unknown provider state ${JSON.stringify(state)}`);
  if (typeof params?.cc !== 'string' || typeof params.phone_number !== 'string')
    return apiError(1008, 'params.cc and params.phone_number are required');
  const key = numberKey({ cc: params.cc, phone_number: params.phone_number });
  registrations.unregister(key);
  if (known === 'registered') registrations.register(key);
  if (known === 'unregistered') registrations.clearPin(key);
  if (known === 'two-step') {
    if (typeof params.pin !== 'string' || !/^[0-9]{6}$/.test(params.pin))
      return apiError(1009, 'params.pin must be 6 digits');
    registrations.setPin(key, params.pin);
  }
  return { status: 200, body: { cc: params.cc, phone_number: params.phone_number } };
};

/** GET /_inbox/{cc}/{phone_number}: the last message the number received, {code, sentAt}. */
export const inbox: Route = (request, { registrations }) => {
  const [cc, phone_number] = request.path
    .split('?')[0]!
    .slice(inboxPath.length + 1)
    .split('/');
  const message = cc && phone_number ? registrations.lastMessage({ cc, phone_number }) : undefined;
  return message ? { status: 200, body: message } : apiError(1006, 'no message for this number');
};
