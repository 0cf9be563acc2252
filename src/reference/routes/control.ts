import type { PhoneNumber } from '../../protocol/index.js';
import { numberStates } from '../../protocol/index.js';
import { adminSession } from '../auth.js';
import { jsonBody } from '../body.js';
import { apiError } from '../errors.js';
import { numberKey } from '../registrations.js';
import { noPayload, type Route } from './route.js';

// The conformance control protocol, for emulators: what a test needs that the real client only shows through a
// phone (the code sent) or through WhatsApp Manager (a number's state). Admin token required; the reference serves
// it (at controlPaths, src/protocol) only when started with `control: true`.

function phoneNumber(value: unknown): PhoneNumber | undefined {
  const v = value as Partial<PhoneNumber> | null;
  return typeof v?.cc === 'string' && typeof v.phone_number === 'string'
    ? { cc: v.cc, phone_number: v.phone_number }
    : undefined;
}

/** GET /_conformance/code?cc=…&phone_number=…: the code last sent to the number; without a number, all unused codes. */
export const sentCode: Route = (request, { accounts, registrations }) => {
  const authorized = adminSession(accounts, request);
  if ('refusal' in authorized) return authorized.refusal;
  const query = new URLSearchParams(request.path.split('?')[1] ?? '');
  if (!query.has('cc') && !query.has('phone_number'))
    return { status: 200, body: { codes: registrations.pendingCodes() } };
  const number = phoneNumber({ cc: query.get('cc'), phone_number: query.get('phone_number') });
  if (!number) return apiError(1008, 'cc and phone_number are required');
  const code = registrations.codeFor(number);
  return code ? { status: 200, body: { code } } : apiError(1006, `no code was sent to ${numberKey(number)}`);
};

/**
 * POST /_conformance/state {state, params: {cc, phone_number, pin?}}, the states of src/protocol: `registered` here;
 * `unregistered` (and no PIN); `two-step` (unregistered, with this PIN); `moved-away` (registered on another client,
 * keeping its PIN).
 */
export const setState: Route = (request, { accounts, registrations }) => {
  const authorized = adminSession(accounts, request);
  if ('refusal' in authorized) return authorized.refusal;
  const body = jsonBody(request);
  if ('refusal' in body) return body.refusal;
  const { state, params } = (body.value ?? {}) as { state?: unknown; params?: { pin?: unknown } };
  const number = phoneNumber(params);
  if (!number) return apiError(1008, 'params.cc and params.phone_number are required');
  const key = numberKey(number);
  switch (state) {
    case 'registered':
      registrations.unregister(key);
      registrations.register(key);
      return noPayload(200);
    case 'two-step':
      if (typeof params?.pin !== 'string' || !/^[0-9]{6}$/.test(params.pin))
        return apiError(1009, 'params.pin must be 6 digits');
      registrations.unregister(key);
      registrations.setPin(key, params.pin);
      return noPayload(200);
    case 'unregistered':
      registrations.unregister(key);
      registrations.clearPin(key);
      return noPayload(200);
    case 'moved-away':
      registrations.unregister(key);
      return noPayload(200);
    default:
      return apiError(1009, `state must be one of ${numberStates.join(', ')}`);
  }
};
