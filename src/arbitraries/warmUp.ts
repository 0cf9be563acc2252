import fc from 'fast-check';
import { isValid } from '../schema/registry.js';
import { malformedRequest, requestText } from './malformedRequest.js';
import { invalidRegisterRequest, registerRequest } from './registerRequest.js';
import { verifyRequest } from './verifyRequest.js';

/**
 * Small steps that compile the schemas generated requests and answers are checked against, and draw a few of each kind
 * of generated request: for a process with time to spare before its first test, so that test does not pay for ajv's
 * compiling and the JIT's first passes. Drawn with seeds of their own, they change no value a test draws.
 */
export function warmUpSteps(): (() => unknown)[] {
  return [
    ...(['error-envelope', 'register-accepted', 'register-request', 'verify-request', 'two-step-request'] as const).map(
      (name) => () => isValid(name, {}),
    ),
    () => fc.sample(registerRequest(), { numRuns: 20, seed: 1 }).map((body) => JSON.stringify(body)),
    () => fc.sample(invalidRegisterRequest(), { numRuns: 20, seed: 1 }).map(({ body }) => JSON.stringify(body)),
    () => fc.sample(malformedRequest('register-request', registerRequest()), { numRuns: 20, seed: 1 }).map(requestText),
    () => fc.sample(malformedRequest('verify-request', verifyRequest()), { numRuns: 20, seed: 1 }).map(requestText),
  ];
}
