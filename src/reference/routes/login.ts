import { formatExpiry } from '../accounts.js';
import { basicCredentials, bearerSession } from '../auth.js';
import { jsonBody } from '../body.js';
import { apiError } from '../errors.js';
import { noPayload, type Route } from './route.js';

/** POST /v1/users/logout: the bearer token named is deleted, as the webapp's UsersController does. */
export const logout: Route = (request, { accounts }) => {
  const authorized = bearerSession(accounts, request);
  if ('refusal' in authorized) return authorized.refusal;
  accounts.logout(/^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')![1]!);
  return noPayload(200);
};

/** POST /v1/users/login: HTTP Basic in, a bearer token out; the factory password must be changed first. */
export const login: Route = (request, { accounts }) => {
  const credentials = basicCredentials(request);
  const body = jsonBody(request);
  if ('refusal' in body) return body.refusal;
  const newPassword = (body.value as { new_password?: unknown } | null)?.new_password;
  if (newPassword !== undefined && typeof newPassword !== 'string')
    return apiError(1009, 'new_password must be a string');
  const result = credentials
    ? accounts.login(credentials.user, credentials.password, newPassword)
    : { ok: false as const, reason: 'bad-credentials' as const };
  if (result.ok) {
    return {
      status: 200,
      body: { users: [{ token: result.token, expires_after: formatExpiry(result.session.expiresAt) }] },
    };
  }
  switch (result.reason) {
    case 'password-change-required':
      return apiError(1024, 'Password must be changed');
    case 'weak-password':
      return apiError(1009, `new_password must have ${result.rules}`);
    default:
      return {
        ...apiError(1005, 'Invalid credentials', 401),
        headers: { 'www-authenticate': 'Basic realm="WhatsApp"' },
      };
  }
};
