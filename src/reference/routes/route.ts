import type { Profile } from '../../requirements/index.js';
import type { Accounts } from '../accounts.js';
import type { ApiRequest, ApiResponse } from '../exchange.js';
import type { Registrations } from '../registrations.js';

/** What every route sees of the reference. */
export interface ReferenceContext {
  profile: Profile;
  accounts: Accounts;
  registrations: Registrations;
  /** A response header of the 202 that carries the code sent (a test surface some emulators have). */
  codeHeader?: string;
}

export type Route = (request: ApiRequest, context: ReferenceContext) => ApiResponse;

/** A successful answer with no payload: the client still sends meta beside it. */
export function noPayload(status: number): ApiResponse {
  return { status, body: {} };
}
