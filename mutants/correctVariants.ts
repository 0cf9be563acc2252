import { controlPaths, type PhoneNumber } from '../src/protocol/index.js';
import { type ApiResponse, createReference, numberKey, Registrations } from '../src/reference/index.js';
import { errorsIn, firstError, type Mutant, meta, objectBody, unknownParameters, wrapping } from './mutant.js';

// Correct variants: each chooses differently where the documentation and the facts file leave a choice,
// and must get no FAIL.

// Correct: the facts file leaves the order of validation and the sunset refusal open.
export const variantBlocksBeforeValidating: Mutant = {
  id: 'variant-blocks-before-validating',
  description: 'refuses every registration with the blocked 1005 before looking at the body, even a malformed one',
  profile: 'sunset',
  catches: [],
  build: wrapping((reference) => async (request) => {
    if (request.path === '/v1/account' && request.method === 'POST') {
      const probe = await reference({
        ...request,
        body: '{"cc":"1","phone_number":"5550100","method":"sms","cert":"Cg=="}',
      });
      if (probe.status === 403) return probe;
    }
    return reference(request);
  }),
};

// Correct: `details` is optional except where the documentation quotes it, charset is allowed in the
// content type, extra fields are allowed, and an authentication failure may have an empty body.
export const variantTerseErrors: Mutant = {
  id: 'variant-terse-errors',
  description:
    'omits optional details (except the documented blocked one), adds extra fields and headers, 401 with an empty body',
  profile: 'sunset',
  catches: [],
  build: wrapping((reference) => async (request): Promise<ApiResponse> => {
    const response = await reference(request);
    if (response.status === 401) return { status: 401, headers: { 'www-authenticate': 'Bearer' } };
    for (const error of errorsIn(response)) {
      if (error.code !== 1005) delete error.details;
      Object.assign(error, { href: 'https://developers.facebook.com/docs/whatsapp/on-premises/errors' });
    }
    return {
      ...response,
      headers: { ...response.headers, 'x-powered-by': 'variant', 'content-type': 'application/json; charset=utf-8' },
      body: response.body && { ...(response.body as object), extra: true },
    };
  }),
};

export const variantLegacyDifferent: Mutant = {
  id: 'variant-legacy-other-choices',
  description:
    '201 and 200 with no body at all, a missing PIN as 403/1005, wrong codes as 404/1006, extra fields in account[], no meta on 202',
  profile: 'legacy',
  catches: [],
  // The contract fixes 400/1008 for a missing PIN, as the client answers; 403/1005 is allowed by the documentation.
  departs: ['CONTRACT-HONOURED'],
  build: wrapping((reference) => async (request): Promise<ApiResponse> => {
    const response = await reference(request);
    const path = request.path.split('?')[0];
    if (path === controlPaths.code || path === controlPaths.state) return response;
    if (response.status === 201 || (response.status === 200 && path === '/v1/settings/account/two-step'))
      return { status: response.status };
    const error = firstError(response);
    if (error?.code === 1008 && String(error.details).includes("'pin'"))
      return { status: 403, body: { errors: [{ code: 1005, title: 'Access denied' }] } };
    if (path === '/v1/account/verify' && error?.code === 1009)
      return { status: 404, body: { errors: [{ code: 1006, title: 'Resource not found' }] } };
    if (response.status === 202) {
      const body = response.body as { account: { vname: string }[] };
      return { ...response, status: 202, body: { account: body.account.map((a) => ({ ...a, status: 'code_sent' })) } };
    }
    return response;
  }),
};

export const variantSunsetTerse: Mutant = {
  id: 'variant-sunset-400-no-meta',
  description: 'the blocked registration as 400 instead of 403, and no meta anywhere',
  profile: 'sunset',
  catches: [],
  // What the client does (403 for 1005, meta) is evidence, not documentation: each departure is a WARN, no more.
  departs: ['ACCOUNT-SUNSET-STATUS-403', 'AUTH-ADMIN-403', 'RESPONSE-META', 'CONTRACT-HONOURED'],
  build: wrapping((reference) => async (request): Promise<ApiResponse> => {
    const response = await reference(request);
    const body = response.body as { meta?: unknown } | undefined;
    if (body && typeof body === 'object') delete body.meta;
    return firstError(response)?.code === 1005 && response.status === 403 && request.path === '/v1/account'
      ? { ...response, status: 400 }
      : response;
  }),
};

// Correct: the documentation names the parameters and the JSON body but says nothing of others; refusing an
// unknown property or another media type with a 4xx error envelope is as right as ignoring them.
export const variantStrictFraming: Mutant = {
  id: 'variant-strict-framing',
  description:
    'refuses unknown properties with 400/1009 and a Content-Type other than application/json with 415, after authenticating',
  profile: 'sunset',
  catches: [],
  build: wrapping((reference) => async (request): Promise<ApiResponse> => {
    const response = await reference(request);
    if (
      request.method !== 'POST' ||
      !['/v1/account', '/v1/account/verify'].includes(request.path) ||
      response.status === 401
    )
      return response;
    if (!/^application\/json\s*(;\s*charset="?utf-8"?\s*)?$/i.test(request.headers['content-type'] ?? '')) {
      return {
        status: 415,
        body: {
          errors: [
            { code: 1009, title: 'Parameter value is not valid', details: 'Content-Type must be application/json' },
          ],
        },
      };
    }
    const unknown = unknownParameters(request);
    if (unknown.length)
      return {
        status: 400,
        body: {
          errors: [{ code: 1009, title: 'Parameter value is not valid', details: `Unknown parameter '${unknown[0]}'` }],
        },
      };
    return response;
  }),
};

// Correct: many emulators send one code to every number; the one pending registration, the latest request, is what
// that code completes, whichever number it was read for.
class OneCodeForAll extends Registrations {
  override sendCode(number: PhoneNumber, vname: string): string {
    const key = numberKey(number);
    // A test number keeps its own code, as on the reference.
    if (this.fixedCodes.has(key)) return super.sendCode(number, vname);
    super.sendCode(number, vname);
    this.pending.set(key, { code: oneCode, vname });
    this.messages.set(key, { code: oneCode, sentAt: new Date().toISOString() });
    return oneCode;
  }
}

export const oneCode = '123456';

export const variantOneCodeForAll: Mutant = {
  id: 'variant-one-code-for-all',
  description: `sends every number the code ${oneCode}; /verify with it completes the latest registration, whatever number it was read for`,
  profile: 'legacy',
  catches: [],
  codeForEveryNumber: oneCode,
  build: (options) => createReference({ ...options, registrations: new OneCodeForAll() }),
};

// Correct: whether two-step verification is a setting of the account or of the client is not documented. Here it is
// the client's: the PIN applies to every number registered there, is asked for before a registered number's 201, and
// DELETE turns it off even when no account is current.
class ClientWideTwoStep extends Registrations {
  setForAll(pin: string | undefined): void {
    for (const key of this.registered) {
      if (pin === undefined) this.clearPin(key);
      else this.setPin(key, pin);
    }
  }
}

const twoStepPath = '/v1/settings/account/two-step';

export const variantClientWideTwoStep: Mutant = {
  id: 'variant-client-wide-two-step',
  description:
    "two-step verification is the client's setting: its PIN applies to every number registered there, and is asked for before a 201",
  profile: 'legacy',
  catches: [],
  build: (options) => {
    const registrations = new ClientWideTwoStep();
    const reference = createReference({ ...options, registrations });
    return async (request) => {
      const body = request.method === 'POST' ? objectBody(request) : undefined;
      const number =
        request.path === '/v1/account' && typeof body?.cc === 'string' && typeof body.phone_number === 'string'
          ? { cc: body.cc, phone_number: body.phone_number }
          : undefined;
      const pin = number && registrations.isRegistered(number) ? registrations.pinOf(number) : undefined;
      const response = await reference(request);
      if (request.path === twoStepPath && request.method === 'POST' && response.status === 200)
        registrations.setForAll(String(body!.pin));
      if (
        request.path === twoStepPath &&
        request.method === 'DELETE' &&
        (response.status === 200 || firstError(response)?.code === 1006)
      ) {
        registrations.setForAll(undefined);
        return { status: 200, body: { meta } };
      }
      if (pin === undefined || response.status !== 201 || body!.pin === pin) return response;
      return {
        status: 400,
        body: { errors: [{ code: 1005, title: 'Access denied', details: 'Incorrect two-step verification PIN' }] },
      };
    };
  },
};
