// Correct variants that choose, where the page leaves the choice, an answer a real client breaks on: each must show
// its interop entry, and only that one (src/requirements/interop.ts), with the verdicts of the reference.
import type { ApiRequest, ApiResponse } from '../src/reference/index.js';
import { errorsIn, type Mutant, objectBody, wrapping } from './mutant.js';

interface InteropVariant extends Mutant {
  /** The interop entry it shows. */
  breaks: string;
}

const variant = (
  id: string,
  breaks: string,
  profile: Mutant['profile'],
  description: string,
  wrap: (response: ApiResponse, request: ApiRequest) => ApiResponse,
): InteropVariant => ({
  id,
  breaks,
  description,
  profile,
  catches: [],
  build: wrapping((reference) => async (request) => wrap(await reference(request), request)),
});

const isPost = (path: string, request: { method: string; path: string }) =>
  request.method === 'POST' && request.path.split('?')[0] === path;

const refusal = (status: number, details: string, code = 1009): ApiResponse => ({
  status,
  body: {
    errors: [{ code, title: code === 1010 ? 'Parameter not required' : 'Parameter value is not valid', details }],
  },
});

export const interopVariants: readonly InteropVariant[] = [
  variant(
    'interop-201-empty-body',
    'INTEROP-201-BODY',
    'legacy',
    'answers a registered number 201 with an empty body',
    (response, request) => (isPost('/v1/account', request) && response.status === 201 ? { status: 201 } : response),
  ),
  variant(
    'interop-verify-empty-body',
    'INTEROP-VERIFY-BODY',
    'legacy',
    'answers a completed verification 201 with an empty body ("with no payload object")',
    (response, request) =>
      isPost('/v1/account/verify', request) && response.status === 201 ? { status: 201 } : response,
  ),
  variant(
    'interop-errors-without-details',
    'INTEROP-ERROR-DETAILS',
    'sunset',
    'leaves details out of every error object but the documented blocked one',
    (response) => {
      for (const error of errorsIn(response)) if (error.code !== 1005) delete error.details;
      return response;
    },
  ),
  variant(
    'interop-expires-iso',
    'INTEROP-EXPIRES-SPACE',
    'sunset',
    "writes a login's expires_after in ISO 8601 (2018-03-01T15:29:26Z)",
    (response, request) => {
      const users = (response.body as { users?: { expires_after?: string }[] } | undefined)?.users;
      if (isPost('/v1/users/login', request) && users?.[0]?.expires_after)
        users[0].expires_after = new Date(Date.now() + 7 * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
      return response;
    },
  ),
  variant('interop-login-201', 'INTEROP-LOGIN-200', 'sunset', 'answers a successful login 201', (response, request) =>
    isPost('/v1/users/login', request) && response.status === 200 ? { ...response, status: 201 } : response,
  ),
  variant(
    'interop-json-label-only',
    'INTEROP-FORM-LABEL',
    'sunset',
    'refuses a body labelled other than application/json with 415, after authenticating',
    (response, request) =>
      (isPost('/v1/account', request) || isPost('/v1/account/verify', request)) &&
      response.status !== 401 &&
      request.body !== '' &&
      !/^application\/json\b/i.test(request.headers['content-type'] ?? '')
        ? refusal(415, 'Content-Type must be application/json')
        : response,
  ),
  variant(
    'interop-verify-code-only',
    'INTEROP-VERIFY-NUMBER',
    'legacy',
    'refuses a verification that carries anything but code with 400/1010 ("Parameter not required")',
    (response, request) => {
      const body = isPost('/v1/account/verify', request) ? objectBody(request) : undefined;
      const extra = Object.keys(body ?? {}).find((key) => key !== 'code');
      return extra && response.status !== 401 ? refusal(400, `Unknown parameter '${extra}'`, 1010) : response;
    },
  ),
  variant(
    'interop-login-body-refused',
    'INTEROP-LOGIN-EMPTY-OBJECT',
    'sunset',
    'refuses a login whose JSON body carries no new_password with 400/1009',
    (response, request) => {
      const body = isPost('/v1/users/login', request) ? objectBody(request) : undefined;
      return body && !('new_password' in body) && response.status === 200
        ? refusal(400, 'a login body carries new_password only')
        : response;
    },
  ),
];
