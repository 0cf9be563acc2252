import { decodeCertificate } from '../src/cert/index.js';
import type { ApiRequest, ApiResponse } from '../src/reference/index.js';
import { meta } from './mutant.js';

/** The 202 a faulty server gives where it should refuse: the vname decoded from the request's cert. */
export function acceptedAnswer(request: ApiRequest): ApiResponse {
  const { cert } = JSON.parse(request.body) as { cert?: string };
  const decoded = decodeCertificate(cert ?? '');
  return { status: 202, body: { account: [{ vname: decoded.ok ? decoded.details.verifiedName : '' }], meta } };
}
