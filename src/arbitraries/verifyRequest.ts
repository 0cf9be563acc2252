import type fc from 'fast-check';
import type { TwoStepRequest, VerifyRequest } from '../generated/types.js';
import { loadSchema } from '../schema/registry.js';
import { fromSchema, type SchemaNode } from './fromSchema.js';

/** Schema-valid bodies for POST /v1/account/verify: any non-empty code. */
export function verifyRequest(): fc.Arbitrary<VerifyRequest> {
  return fromSchema(loadSchema('verify-request') as SchemaNode) as fc.Arbitrary<VerifyRequest>;
}

/** Schema-valid bodies for POST /v1/settings/account/two-step: a 6-digit PIN. */
export function twoStepRequest(): fc.Arbitrary<TwoStepRequest> {
  return fromSchema(loadSchema('two-step-request') as SchemaNode) as fc.Arbitrary<TwoStepRequest>;
}
