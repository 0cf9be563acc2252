import type { PhoneNumber } from '../protocol/index.js';
import { controlPaths } from '../protocol/index.js';
import type { Profile } from '../requirements/index.js';
import { type AccountOptions, Accounts } from './accounts.js';
import { apiError } from './errors.js';
import type { ApiResponse, Handler } from './exchange.js';
import { numberKey, Registrations } from './registrations.js';
import { account } from './routes/account.js';
import { sentCode, setState } from './routes/control.js';
import { login, logout } from './routes/login.js';
import type { ReferenceContext, Route } from './routes/route.js';
import { inbox, inboxPath, providerStates, providerStatesPath } from './routes/testSurfaces.js';
import { disableTwoStep, enableTwoStep } from './routes/twoStep.js';
import { verify } from './routes/verify.js';

export interface ReferenceOptions extends AccountOptions {
  profile: Profile;
  /** meta.version in every answer. */
  version?: string;
  /** Numbers registered on this client from the start. */
  registered?: PhoneNumber[];
  /** Numbers, not registered here, whose two-step verification is on with this PIN. */
  twoStep?: (PhoneNumber & { pin: string })[];
  /** Serve the conformance control protocol (sent codes, states). */
  control?: boolean;
  /** Foreign mode, the test surfaces of other emulators: the code in this header of the 202, */
  codeHeader?: string;
  /** a Pact state-change endpoint (POST /_pact/provider-states), */
  providerStates?: boolean;
  /** a test inbox (GET /_inbox/{cc}/{phone_number}), */
  inbox?: boolean;
  /** and test numbers that always receive the same code. */
  fixedCodes?: (PhoneNumber & { code: string })[];
  /** The registration state; a mutant passes a faulty one. */
  registrations?: Registrations;
  /** The users and tokens; a mutant passes faulty ones. */
  accounts?: Accounts;
}

/** The reference implementation as a function from request to answer; the HTTP server is a thin adapter. */
export function createReference(options: ReferenceOptions): Handler {
  const registrations = options.registrations ?? new Registrations();
  for (const number of options.registered ?? []) registrations.register(numberKey(number));
  for (const number of options.twoStep ?? []) registrations.setPin(numberKey(number), number.pin);
  for (const number of options.fixedCodes ?? []) registrations.useFixedCode(number, number.code);
  const context: ReferenceContext = {
    profile: options.profile,
    accounts: options.accounts ?? new Accounts(options),
    registrations,
    codeHeader: options.codeHeader,
  };
  const meta = { version: options.version ?? 'v2.45.1', api_status: 'stable' };

  const routes: Record<string, Partial<Record<string, Route>>> = {
    '/v1/users/login': { POST: login },
    '/v1/users/logout': { POST: logout },
    '/v1/account': { POST: account },
    '/v1/account/verify': { POST: verify },
    '/v1/settings/account/two-step': { POST: enableTwoStep, DELETE: disableTwoStep },
    ...(options.control ? { [controlPaths.code]: { GET: sentCode }, [controlPaths.state]: { POST: setState } } : {}),
    ...(options.providerStates ? { [providerStatesPath]: { POST: providerStates } } : {}),
  };

  return async (request) => {
    const path = request.path.split('?')[0]!.replace(/\/+$/, '') || '/';
    const methods = options.inbox && path.startsWith(`${inboxPath}/`) ? { GET: inbox } : routes[path];
    const route = methods?.[request.method];
    let response: ApiResponse;
    if (!methods) response = apiError(1006, 'URL path not found');
    else if (!route)
      response = {
        ...apiError(1014, `Method ${request.method} not allowed`, 405),
        headers: { allow: Object.keys(methods).join(', ') },
      };
    else response = route(request, context);
    return withMeta(response, meta);
  };
}

function withMeta(response: ApiResponse, meta: object): ApiResponse {
  if (response.body === undefined || typeof response.body !== 'object' || response.body === null) return response;
  return { ...response, body: { ...response.body, meta } };
}
