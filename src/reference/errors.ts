import { blockedError } from '../protocol/index.js';
import type { ApiResponse } from './exchange.js';

// Titles and statuses as the on-prem client gives them (onprem-api-facts.md §5).
const errorTable = {
  1005: { title: 'Access denied', status: 403 },
  1006: { title: 'Resource not found', status: 404 },
  1008: { title: 'Required parameter is missing', status: 400 },
  1009: { title: 'Parameter value is not valid', status: 400 },
  1010: { title: 'Parameter is not required', status: 400 },
  1011: { title: 'Service not ready', status: 500 },
  1014: { title: 'Internal error', status: 500 },
  1015: { title: 'Too many requests', status: 429 },
  1024: { title: 'Password change required', status: 401 },
  1025: { title: 'Invalid request', status: 400 },
} as const;

export type ErrorCode = keyof typeof errorTable;

export interface ApiErrorBody {
  code: number;
  title: string;
  details?: string;
}

/** An error answer: the code's own status unless the caller overrides it (auth failures use 401). */
export function apiError(code: ErrorCode, details?: string, status: number = errorTable[code].status): ApiResponse {
  // Always a details string, the title when there is nothing more to say: the PHP SDK's APIError takes one
  // (INTEROP-ERROR-DETAILS), and the page makes it optional.
  const error: ApiErrorBody = { code, title: errorTable[code].title, details: details || errorTable[code].title };
  return { status, body: { errors: [error] } };
}

/** The documented sunset answer to any registration. */
export function registrationBlocked(): ApiResponse {
  return apiError(blockedError.code, blockedError.details);
}
