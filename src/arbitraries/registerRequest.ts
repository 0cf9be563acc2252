import fc from 'fast-check';
import type { RegisterRequest } from '../generated/types.js';
import { loadSchema } from '../schema/registry.js';
import { fromSchema, type SchemaNode } from './fromSchema.js';
import { type InvalidBody, type InvalidCategory, invalidBody } from './invalidBody.js';

/** Schema-valid bodies for POST /v1/account: cc, phone_number, method, cert, and pin or not. */
export function registerRequest(): fc.Arbitrary<RegisterRequest> {
  return fromSchema(loadSchema('register-request') as SchemaNode) as fc.Arbitrary<RegisterRequest>;
}

/** Bodies for POST /v1/account that break the documented parameters, tagged with how. */
export function invalidRegisterRequest(categories?: readonly InvalidCategory[]): fc.Arbitrary<InvalidBody> {
  return invalidBody('register-request', categories);
}

/** Schema-valid registrations of the given numbers, with their certificates: by either method, with a PIN or not. */
export function registrationOf(
  numbers: fc.Arbitrary<{ cc: string; phone_number: string; cert: string }>,
): fc.Arbitrary<RegisterRequest> {
  return fc.tuple(registerRequest(), numbers).map(([body, number]) => ({ ...body, ...number }));
}
