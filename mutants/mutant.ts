import type { Profile } from '../src/requirements/index.js';
import type { ApiResponse, Handler } from '../src/reference/index.js';

/**
 * A variant of the reference: a faulty one (`catches` names the requirements that must fail) or a correct
 * one that chooses differently where the documentation leaves a choice (`catches` is empty: no FAIL allowed).
 */
export interface Mutant {
  id: string;
  description: string;
  profile: Profile;
  catches: string[];
  wrap(reference: Handler): Handler;
}

type Body = { errors?: { code?: unknown; title?: unknown; details?: unknown }[]; [key: string]: unknown };

/** The first error of an answer, if it has one. */
export function firstError(response: ApiResponse): Body['errors'] extends (infer E)[] | undefined ? E | undefined : never {
  return (response.body as Body | undefined)?.errors?.[0];
}

/** A wrapper that rewrites the reference's answers to requests on `path`. */
export function rewriteAnswers(path: string, rewrite: (response: ApiResponse, body: string) => ApiResponse): (reference: Handler) => Handler {
  return (reference) => async (request) => {
    const response = await reference(request);
    return request.path.split('?')[0] === path ? rewrite(response, request.body) : response;
  };
}
