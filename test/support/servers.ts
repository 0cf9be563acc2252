import type { Profile } from '../../src/requirements/index.js';
import { createReference, serveHandler, type ApiRequest, type ApiResponse, type Handler, type RunningServer } from '../../src/reference/index.js';

export const admin = { user: 'admin', password: 'Adm1n!known-secret-pw' };
export const nonAdmin = { user: 'operator', password: 'Op3rator!known-secret' };

/** CLI flags for a target started by these helpers (secrets go by environment, as users are told to). */
export function targetArgs(server: RunningServer, profile: Profile = 'sunset'): { args: string[]; env: Record<string, string> } {
  return {
    args: ['--target', server.url, '--profile', profile, '--non-admin', nonAdmin.user],
    env: { WA_CONFORMANCE_PASSWORD: admin.password, WA_CONFORMANCE_USER_PASSWORD: nonAdmin.password },
  };
}

/** The reference, optionally wrapped (by a mutant or a recorder), on a loopback port. */
export function serveReference(profile: Profile, wrap: (reference: Handler) => Handler = (h) => h): Promise<RunningServer> {
  return serveHandler(wrap(createReference({ profile, admin, users: [nonAdmin] })));
}

/** A pass-through wrapper that keeps every request and answer the server saw. */
export function recorder(): { wrap: (reference: Handler) => Handler; seen: { request: ApiRequest; response: ApiResponse }[] } {
  const seen: { request: ApiRequest; response: ApiResponse }[] = [];
  return {
    seen,
    wrap: (reference) => async (request) => {
      const response = await reference(request);
      seen.push({ request, response });
      return response;
    },
  };
}
