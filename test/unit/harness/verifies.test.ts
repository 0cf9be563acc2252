import assert from 'node:assert/strict';
import { test } from 'node:test';
import { otherProfile } from '../../../src/harness/verifies.js';
import { requirement } from '../../../src/requirements/index.js';
import type { RunSettings } from '../../../src/settings/runSettings.js';
import { runProfile, settingsToEnv } from '../../../src/settings/runSettings.js';

test("a test is for another profile when its requirement does not apply to the run's, or it judges it in others", () => {
  const sunsetOnly = requirement('ACCOUNT-SUNSET-1005');
  const both = requirement('REQUEST-UNKNOWN-PROPERTIES');
  assert.equal(otherProfile(sunsetOnly, undefined, 'legacy'), 'applies to the sunset profile; this run checks legacy');
  assert.equal(otherProfile(sunsetOnly, undefined, 'sunset'), undefined);
  assert.equal(
    otherProfile(both, ['sunset'], 'legacy'),
    'this test judges REQUEST-UNKNOWN-PROPERTIES in the sunset profile; another, in legacy',
  );
  assert.equal(otherProfile(both, ['sunset'], 'sunset'), undefined);
  assert.equal(otherProfile(both, undefined, 'legacy'), undefined);
  // Listed without a run, or given its settings by fixtures alone (the kill matrix): the gate decides.
  assert.equal(otherProfile(sunsetOnly, undefined, undefined), undefined);
});

test("the run's profile is read from the settings the command hands its workers; without them there is none", () => {
  assert.equal(runProfile({}), undefined);
  assert.equal(runProfile(settingsToEnv({ profile: 'legacy' } as RunSettings)), 'legacy');
});
