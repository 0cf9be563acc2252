import type { Profile } from '../src/requirements/index.js';
import { createReference, type ApiRequest, type ApiResponse, type Handler, type ReferenceOptions } from '../src/reference/index.js';

/**
 * A variant of the reference: a faulty one (`catches` names the requirements that must fail) or a correct
 * one that chooses differently where the documentation leaves a choice (`catches` is empty: no FAIL allowed).
 */
export interface Mutant {
  id: string;
  description: string;
  profile: Profile;
  catches: string[];
  build(options: ReferenceOptions): Handler;
}

type ApiError = { code?: unknown; title?: unknown; details?: unknown };

/** The errors of an answer, to read or rewrite in place; empty when it has none. */
export function errorsIn(response: ApiResponse): ApiError[] {
  return (response.body as { errors?: ApiError[] } | undefined)?.errors ?? [];
}

/** The first error of an answer, if it has one. */
export function firstError(response: ApiResponse): ApiError | undefined {
  return errorsIn(response)[0];
}

/** A mutant's handler: the reference with its requests and answers passed through `wrap`. */
export function wrapping(wrap: (reference: Handler) => Handler): (options: ReferenceOptions) => Handler {
  return (options) => wrap(createReference(options));
}

/** A wrapper that rewrites the reference's answers to requests on `path`. */
export function rewriteAnswers(path: string, rewrite: (response: ApiResponse, request: ApiRequest) => ApiResponse): (options: ReferenceOptions) => Handler {
  return wrapping((reference) => async (request) => {
    const response = await reference(request);
    return request.path.split('?')[0] === path ? rewrite(response, request) : response;
  });
}

export const meta = { version: 'v2.45.1', api_status: 'stable' };
