import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listRequirements } from '../../../src/cli/listRequirements.js';
import { requirementsMatching, tagsOf } from '../../../src/run/requirementFilter.js';
import { UsageError } from '../../../src/run/usageError.js';

test('--grep matches requirement IDs, in a run and in --list alike; never their statements', () => {
  assert.deepEqual(
    requirementsMatching('^VERIFY-20').map((r) => r.id),
    ['VERIFY-201'],
  );
  // "blocked" is in statements, in no ID.
  assert.throws(
    () => requirementsMatching('biz_link'),
    (error: Error) => error instanceof UsageError && /matches no requirement ID/.test(error.message),
  );
  assert.match(listRequirements([], 'LEGACY-PIN-REQUIRED'), /^LEGACY-PIN-REQUIRED {2}MUST/);
  const pinTest = {
    file: 'specs/registration/2-pin.ts',
    line: 19,
    title: 'a pin test',
    requirementIds: ['LEGACY-PIN-REQUIRED'],
  };
  assert.match(listRequirements([pinTest], 'LEGACY-PIN'), /^ {2}test: specs\/registration\/2-pin.ts:19 a pin test$/m);
  assert.equal(listRequirements([pinTest], 'LEGACY-PIN').match(/test: /g)?.length, 1, 'under its own requirement only');
  assert.doesNotMatch(listRequirements([], 'REQUEST', 'legacy'), /ACCOUNT-SUNSET/);
  assert.ok(new RegExp(tagsOf(['VERIFY-201'])).test('a test @VERIFY-201 @should'));
  assert.ok(!new RegExp(tagsOf(['VERIFY-20'])).test('a test @VERIFY-201 @should'));
});

test('an invalid --grep is a usage error naming it, not an internal error', () => {
  assert.throws(
    () => requirementsMatching('VERIFY-(201'),
    (error: Error) =>
      error instanceof UsageError && error.message.startsWith('--grep "VERIFY-(201" is not a regular expression'),
  );
});

test("--list with a profile lists only that profile's requirements", () => {
  assert.doesNotMatch(listRequirements([], undefined, 'sunset'), /LEGACY-PIN-REQUIRED/);
  assert.match(listRequirements([], undefined, 'legacy'), /LEGACY-PIN-REQUIRED/);
});
