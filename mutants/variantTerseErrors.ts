import type { ApiResponse } from '../src/reference/index.js';
import { wrapping, type Mutant } from './mutant.js';

type Body = { errors?: { code: number; title: string; details?: string }[]; meta?: unknown };

// Correct: `details` is optional except where the documentation quotes it, charset is allowed in the
// content type, extra fields are allowed, and an authentication failure may have an empty body.
export const variantTerseErrors: Mutant = {
  id: 'variant-terse-errors',
  description: 'omits optional details (except the documented blocked one), adds extra fields and headers, 401 with an empty body',
  profile: 'sunset',
  catches: [],
  build: wrapping((reference) => async (request): Promise<ApiResponse> => {
    const response = await reference(request);
    if (response.status === 401) return { status: 401, headers: { 'www-authenticate': 'Bearer' } };
    const body = response.body as Body | undefined;
    for (const error of body?.errors ?? []) {
      if (error.code !== 1005) delete error.details;
      Object.assign(error, { href: 'https://developers.facebook.com/docs/whatsapp/on-premises/errors' });
    }
    return { ...response, headers: { ...response.headers, 'x-powered-by': 'variant', 'content-type': 'application/json; charset=utf-8' }, body: body && { ...body, extra: true } };
  }),
};
