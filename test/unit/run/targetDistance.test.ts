import assert from 'node:assert/strict';
import { test } from 'node:test';
import { farRoundTripMs, workersFor } from '../../../src/run/targetDistance.js';

test('a target as near as loopback or a LAN gets one worker; one a WAN away, two, saying why', () => {
  assert.deepEqual(workersFor(0.4, 8), { workers: 1 });
  assert.deepEqual(workersFor(farRoundTripMs - 0.1, 8), { workers: 1 });
  const far = workersFor(41.2, 2);
  assert.equal(far.workers, 2);
  assert.match(far.why!, /^2 workers: the target answers in 41 ms.+--workers 1 keeps one/);
});

test('one worker when the round trip is unknown (no probe was answered) or the machine has one core', () => {
  assert.deepEqual(workersFor(undefined, 8), { workers: 1 });
  assert.deepEqual(workersFor(80, 1), { workers: 1 });
});
