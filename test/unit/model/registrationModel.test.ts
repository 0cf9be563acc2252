import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newModel, type RegistrationModel, verificationOf } from '../../../src/model/index.js';

// A model state as the commands leave it: #0 and #1 sent these codes, `pending` the latest request answered 202.
function model(pending: RegistrationModel['pending'], sent: number[]): RegistrationModel {
  return { ...newModel(), pending, sent: new Set(sent) };
}
const codes = new Map([
  [0, '111001'],
  [1, '222002'],
]);

test('the model refuses a code whose registration is no longer pending: a later request for another number took its place', () => {
  assert.deepEqual(verificationOf(model({ index: 1, sure: true }, [0, 1]), 0, codes), {
    refused: "the pending registration is #1's, the latest code request, and this code was sent to #0",
  });
});

test('the model refuses a code once its registration completed: nothing is pending', () => {
  assert.deepEqual(verificationOf(model(undefined, [1]), 1, codes), { refused: 'no registration is pending' });
});

test("the model completes the pending registration with its code; with another number's code only when the target sent both the same", () => {
  assert.deepEqual(verificationOf(model({ index: 1, sure: true }, [0, 1]), 1, codes), {
    completes: { index: 1, sure: true },
  });
  const oneCodeForAll = new Map([
    [0, '333003'],
    [1, '333003'],
  ]);
  assert.deepEqual(verificationOf(model({ index: 1, sure: true }, [0, 1]), 0, oneCodeForAll), {
    completes: { index: 1, sure: true },
  });
});

test('a pending registration a later request may have ended is completed unsure: both answers are fair', () => {
  assert.deepEqual(verificationOf(model({ index: 0, sure: false }, [0]), 0, codes), {
    completes: { index: 0, sure: false },
  });
});
