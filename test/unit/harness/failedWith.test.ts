import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { failedWith, recorded } from '../../../src/harness/failedWith.js';
import { Flaky, Mismatch } from '../../../src/harness/mismatch.js';
import { Blocked, NotReady } from '../../../src/protocol/index.js';
import { SourceError } from '../../../src/sources/source.js';

const requirementId = fc.stringMatching(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/);

test('what failed a test is told from the record Playwright keeps of the error: each of the harness errors by its name', () => {
  assert.deepEqual(failedWith(recorded(new Mismatch('status 201', 'status 200'))), { kind: 'mismatch', flaky: false });
  assert.deepEqual(failedWith(recorded(new Flaky('status 201', 'status 500 once'))), { kind: 'mismatch', flaky: true });
  assert.deepEqual(failedWith(recorded(new NotReady('not judged: 503 Retry-After 1'))), {
    kind: 'notReady',
    message: 'not judged: 503 Retry-After 1',
  });
  assert.deepEqual(failedWith(recorded(new SourceError('hooks module h.js does not exist'))), {
    kind: 'sourceFailed',
    message: 'hooks module h.js does not exist',
  });
  assert.deepEqual(failedWith(recorded(new Blocked('LEGACY-UNREGISTERED-202', 'expected 202; actual 400'))), {
    kind: 'blocked',
    by: 'LEGACY-UNREGISTERED-202',
    reason: 'blocked by LEGACY-UNREGISTERED-202: expected 202; actual 400',
  });
});

test("anything else is the suite's own breakdown, named with its class: never a verdict on the target", () => {
  assert.deepEqual(failedWith(recorded(new TypeError("Cannot read properties of undefined (reading 'status')"))), {
    kind: 'suiteFailed',
    message: "the suite itself failed: TypeError: Cannot read properties of undefined (reading 'status')",
  });
  assert.deepEqual(failedWith(recorded('a thrown string')), {
    kind: 'suiteFailed',
    message: "the suite itself failed: 'a thrown string'",
  });
  const impostor = Object.assign(new Error('no requirement named'), { name: 'Blocked' });
  assert.equal(failedWith(recorded(impostor)).kind, 'suiteFailed', 'a Blocked says by which requirement');
  assert.equal(failedWith(undefined).kind, 'suiteFailed');
});

test('any message, over any number of lines, comes back whole; a Blocked keeps the requirement that blocked it', () => {
  fc.assert(
    fc.property(requirementId, fc.string({ unit: 'grapheme' }), (by, message) => {
      assert.deepEqual(failedWith(recorded(new Blocked(by, message))), {
        kind: 'blocked',
        by,
        reason: `blocked by ${by}: ${message}`,
      });
      assert.deepEqual(failedWith(recorded(new SourceError(message))), { kind: 'sourceFailed', message });
      assert.deepEqual(failedWith(recorded(new NotReady(message))), { kind: 'notReady', message });
    }),
  );
});
