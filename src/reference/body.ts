import { describeViolations, type SchemaName, validate } from '../schema/registry.js';
import { apiError } from './errors.js';
import type { ApiRequest, ApiResponse } from './exchange.js';

export type Parsed<T> = { value: T } | { refusal: ApiResponse };

/** The JSON body of a request, or 400/1025 when it does not parse (as the client answers). */
export function jsonBody(request: ApiRequest): Parsed<unknown> {
  try {
    return { value: request.body.trim() === '' ? {} : JSON.parse(request.body) };
  } catch (error) {
    return { refusal: apiError(1025, `Unable to decode the request: ${(error as Error).message}`) };
  }
}

/**
 * The body checked against its schema: 1008 for a missing parameter, 1009 for a bad value. Parameters the
 * documentation does not name are ignored, as the client ignores them.
 */
export function documentedBody<T>(request: ApiRequest, schema: SchemaName, documented: readonly string[]): Parsed<T> {
  const parsed = jsonBody(request);
  if ('refusal' in parsed) return parsed;
  const body = parsed.value;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { refusal: apiError(1009, 'The request body must be a JSON object') };
  }
  const known = Object.fromEntries(Object.entries(body).filter(([key]) => documented.includes(key)));
  const result = validate(schema, known);
  if (result.ok) return { value: known as T };
  const missing = result.violations.find((v) => v.keyword === 'required');
  if (missing) return { refusal: apiError(1008, `Missing mandatory parameter '${missing.path.slice(1)}'`) };
  return { refusal: apiError(1009, describeViolations(result.violations).join('; ')) };
}
