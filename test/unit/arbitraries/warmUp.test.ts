import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  invalidRegisterRequest,
  malformedRequest,
  registerRequest,
  verifyRequest,
  warmUpSteps,
} from '../../../src/arbitraries/index.js';

const drawn = () => ({
  registrations: fc.sample(registerRequest(), { numRuns: 30, seed: 42 }),
  invalid: fc.sample(invalidRegisterRequest(), { numRuns: 30, seed: 42 }),
  malformed: fc.sample(malformedRequest('verify-request', verifyRequest()), { numRuns: 30, seed: 42 }),
});

test('the warm-up changes no value a seed draws: the same values after it as in a process that never ran it', () => {
  // In a process of its own (node --test runs each file in one): these are the first values this process draws.
  const before = drawn();
  for (const step of warmUpSteps()) step();
  assert.deepEqual(drawn(), before);
});
