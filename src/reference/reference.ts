import type { Profile } from '../requirements/index.js';
import { Accounts, formatExpiry, type AccountOptions } from './accounts.js';
import { adminSession, basicCredentials } from './auth.js';
import { documentedBody } from './body.js';
import { apiError, registrationBlocked } from './errors.js';
import type { ApiRequest, ApiResponse, Handler } from './exchange.js';

export interface ReferenceOptions extends AccountOptions {
  profile: Profile;
  /** meta.version in every answer. */
  version?: string;
}

type Route = (request: ApiRequest) => ApiResponse;

/** The reference implementation as a function from request to answer; the HTTP server is a thin adapter. */
export function createReference(options: ReferenceOptions): Handler {
  const accounts = new Accounts(options);
  const meta = { version: options.version ?? 'v2.45.1', api_status: 'stable' };

  const login: Route = (request) => {
    const credentials = basicCredentials(request);
    const issued = credentials && accounts.login(credentials.user, credentials.password);
    if (!issued) {
      const refusal = apiError(1005, 'Invalid credentials', 401);
      return { ...refusal, headers: { 'www-authenticate': 'Basic realm="WhatsApp"' } };
    }
    return { status: 200, body: { users: [{ token: issued.token, expires_after: formatExpiry(issued.session.expiresAt) }] } };
  };

  const register: Route = (request) => {
    const authorized = adminSession(accounts, request);
    if ('refusal' in authorized) return authorized.refusal;
    const body = documentedBody(request, 'register-request', ['cc', 'phone_number', 'method', 'cert', 'pin']);
    if ('refusal' in body) return body.refusal;
    return registrationBlocked();
  };

  const verify: Route = (request) => {
    const authorized = adminSession(accounts, request);
    if ('refusal' in authorized) return authorized.refusal;
    const body = documentedBody(request, 'verify-request', ['code']);
    if ('refusal' in body) return body.refusal;
    return registrationBlocked();
  };

  const routes: Record<string, Partial<Record<string, Route>>> = {
    '/v1/users/login': { POST: login },
    '/v1/account': { POST: register },
    '/v1/account/verify': { POST: verify },
  };

  return async (request) => {
    const path = request.path.split('?')[0]!.replace(/\/+$/, '') || '/';
    const methods = routes[path];
    const route = methods?.[request.method];
    let response: ApiResponse;
    if (!methods) response = apiError(1006, 'URL path not found');
    else if (!route) response = { ...apiError(1014, `Method ${request.method} not allowed`, 405), headers: { allow: Object.keys(methods).join(', ') } };
    else response = route(request);
    return withMeta(response, meta);
  };
}

function withMeta(response: ApiResponse, meta: object): ApiResponse {
  if (response.body === undefined || typeof response.body !== 'object' || response.body === null) return response;
  return { ...response, body: { ...response.body, meta } };
}
