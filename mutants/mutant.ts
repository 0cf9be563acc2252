import type { SourceKind } from '../src/protocol/index.js';
import {
  type ApiRequest,
  type ApiResponse,
  createReference,
  type EmulatorOptions,
  type Handler,
  type ReferenceOptions,
} from '../src/reference/index.js';
import type { Profile } from '../src/requirements/index.js';
import { loadSchema } from '../src/schema/registry.js';

/**
 * A variant of the reference: a faulty one (`catches` names the requirements that must catch it: a MUST by a
 * FAIL, a SHOULD by a WARN) or a correct one that chooses differently where the documentation leaves a choice
 * (`catches` is empty: no FAIL, and no WARN but on the SHOULDs it names in `departs`).
 */
export interface Mutant {
  id: string;
  description: string;
  profile: Profile;
  catches: string[];
  /** A correct variant: the SHOULD requirements it knowingly departs from (each a WARN, and only those). */
  departs?: string[];
  /** The code it sends every number (but test numbers of their own), for a configuration with a fixed code for all. */
  codeForEveryNumber?: string;
  /** The source its foreign run reaches state and codes through (default: one of header, inbox, hooks in turn). */
  foreign?: Exclude<SourceKind, 'control'>;
  build(options: ReferenceOptions): Handler;
  /** How it is served, made when it starts (a certificate is made for each): plain HTTP at once when absent. */
  serving?: () => EmulatorOptions['serving'];
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
export function rewriteAnswers(
  path: string,
  rewrite: (response: ApiResponse, request: ApiRequest) => ApiResponse,
): (options: ReferenceOptions) => Handler {
  return wrapping((reference) => async (request) => {
    const response = await reference(request);
    return request.path.split('?')[0] === path ? rewrite(response, request) : response;
  });
}

export const meta = { version: 'v2.45.1', api_status: 'stable' };

/** A 202 whose vname went through `change` on its way out. */
export function vnameRewritten(change: (vname: string) => string): (options: ReferenceOptions) => Handler {
  return rewriteAnswers('/v1/account', (response) => {
    for (const entry of (response.body as { account?: { vname: string }[] } | undefined)?.account ?? [])
      entry.vname = change(entry.vname);
    return response;
  });
}

/** The parameters the documentation names for POST /v1/account and /verify: what a body may carry. */
export const documentedParameters: ReadonlySet<string> = new Set(
  (['register-request', 'verify-request'] as const).flatMap((name) =>
    Object.keys((loadSchema(name) as { properties: object }).properties),
  ),
);

/** A request body's JSON value, or undefined when it does not parse. */
export function parsedBody(request: ApiRequest): unknown {
  try {
    return JSON.parse(request.body);
  } catch {
    return undefined;
  }
}

/** A request body that is a JSON object, as its own fields; undefined for anything else. */
export function objectBody(request: ApiRequest): Record<string, unknown> | undefined {
  const body = parsedBody(request);
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
}

/** The properties of a request's object body that the documentation does not name. */
export function unknownParameters(request: ApiRequest): string[] {
  return Object.keys(objectBody(request) ?? {}).filter((key) => !documentedParameters.has(key));
}
