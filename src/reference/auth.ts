import type { Accounts, Session } from './accounts.js';
import { apiError } from './errors.js';
import type { ApiRequest, ApiResponse } from './exchange.js';

export type Authorized = { session: Session } | { refusal: ApiResponse };

/** The bearer session of a request, or the 401 the client answers without one. */
export function bearerSession(accounts: Accounts, request: ApiRequest): Authorized {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  const session = match ? accounts.session(match[1]!) : undefined;
  if (!session) return { refusal: apiError(1005, 'Missing or invalid authentication credentials', 401) };
  return { session };
}

/** Admin only, as the documentation requires for registration and settings. */
export function adminSession(accounts: Accounts, request: ApiRequest): Authorized {
  const authorized = bearerSession(accounts, request);
  if ('session' in authorized && authorized.session.role !== 'admin') {
    return { refusal: apiError(1005, "User doesn't have permission", 403) };
  }
  return authorized;
}

/** user and password of an HTTP Basic header, or undefined. */
export function basicCredentials(request: ApiRequest): { user: string; password: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(request.headers.authorization ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
