import type { ApiRequest, ApiResponse, Handler } from '../src/reference/index.js';
import {
  documentedParameters,
  type Mutant,
  meta,
  objectBody,
  parsedBody,
  unknownParameters,
  wrapping,
} from './mutant.js';

// One careless line each: a server that crashes on one kind of request the client got wrong, and is right
// otherwise. Each kind is one of the generator's categories; REQUEST-NO-5XX must catch every one.

const registrationPaths = new Set(['/v1/account', '/v1/account/verify']);

const internalError: ApiResponse = { status: 500, body: { errors: [{ code: 1014, title: 'Internal error' }], meta } };

/** The string values of a parsed body, at any depth. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/** The reference, but a 500 for a registration or verification request that `crashesOn`. */
function crashingOn(crashesOn: (request: ApiRequest) => boolean): (options: Parameters<Mutant['build']>[0]) => Handler {
  return wrapping(
    (reference) => async (request) =>
      request.method === 'POST' && registrationPaths.has(request.path.split('?')[0]!) && crashesOn(request)
        ? internalError
        : reference(request),
  );
}

function crashMutant(
  id: string,
  description: string,
  crashesOn: (request: ApiRequest) => boolean,
  alsoCaughtBy: string[] = [],
): Mutant {
  return {
    id,
    description,
    profile: 'sunset',
    catches: ['REQUEST-NO-5XX', ...alsoCaughtBy],
    build: crashingOn(crashesOn),
  };
}

export const requestShapeMutants: readonly Mutant[] = [
  crashMutant(
    'crash-on-awkward-unicode',
    'answers 500 when a string value holds an astral or a control character (unicode)',
    (request) =>
      stringsIn(parsedBody(request)).some((s) =>
        [...s].some((c) => c.codePointAt(0)! > 0xffff || c.codePointAt(0)! < 0x20),
      ),
  ),
  crashMutant(
    'crash-on-long-value',
    'answers 500 when a string value is longer than 1000 characters (over-long)',
    (request) => stringsIn(parsedBody(request)).some((s) => s.length > 1000),
  ),
  crashMutant('crash-on-null', 'answers 500 when a documented parameter is null (wrong-type)', (request) =>
    Object.entries(objectBody(request) ?? {}).some(([key, value]) => documentedParameters.has(key) && value === null),
  ),
  crashMutant(
    'crash-on-number-for-string',
    'answers 500 when cc or phone_number is a number, as if it called .trim() (wrong-type)',
    (request) => ['cc', 'phone_number'].some((key) => typeof objectBody(request)?.[key] === 'number'),
  ),
  crashMutant(
    'crash-on-unknown-property',
    'answers 500 to a body with a property the documentation does not name (unknown-property)',
    (request) => unknownParameters(request).length > 0,
    ['REQUEST-UNKNOWN-PROPERTIES'],
  ),
  crashMutant(
    'crash-on-prototype-key',
    'answers 500 when the body has an own __proto__ or constructor key (unknown-property)',
    (request) => ['__proto__', 'constructor'].some((key) => Object.hasOwn(objectBody(request) ?? {}, key)),
  ),
  crashMutant(
    'crash-on-array-body',
    'answers 500 when the body is a JSON array instead of an object (not-an-object)',
    (request) => Array.isArray(parsedBody(request)),
  ),
  crashMutant(
    'crash-on-empty-body',
    'answers 500 to a POST with an empty body (not-an-object)',
    (request) => request.body === '',
  ),
  crashMutant(
    'crash-on-other-content-type',
    'answers 500 when Content-Type is missing or not application/json (content-type)',
    (request) => !/^application\/json\b/i.test(request.headers['content-type'] ?? ''),
  ),
  crashMutant(
    'crash-on-foreign-charset',
    'answers 500 when Content-Type names a charset other than UTF-8 (content-type)',
    (request) => /charset=(?!"?utf-8)/i.test(request.headers['content-type'] ?? ''),
  ),
  crashMutant(
    'crash-on-large-body',
    'answers 500 to a body larger than 64 KiB instead of refusing it (near-body-limit)',
    (request) => Buffer.byteLength(request.body) > 64 * 1024,
  ),
];

// Not a crash: a code path the sunset missed, reached by any property it does not know.
export const unknownPropertiesRegister: Mutant = {
  id: 'unknown-properties-register',
  description:
    'a registration that carries an unknown property skips the sunset check and is answered 202 with a vname',
  profile: 'sunset',
  catches: ['REQUEST-UNKNOWN-PROPERTIES'],
  build: wrapping((reference) => async (request) => {
    const answer = await reference(request);
    return request.path === '/v1/account' && answer.status === 403 && unknownParameters(request).length > 0
      ? { status: 202, body: { account: [{ vname: 'Acme' }], meta } }
      : answer;
  }),
};
