import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Pace, startingLanes } from '../../../src/client/pace.js';

/** A round of `pace.lanes` answers of `ms` each, sent now. */
function round(pace: Pace, ms: number, waited = false): void {
  const sent = performance.now();
  for (let i = pace.lanes; i > 0; i--) pace.observe(sent, ms, waited);
}

test('a pace doubles its lanes each round while answers keep their latency, up to its ceiling', () => {
  const pace = new Pace(64);
  pace.begin();
  const lanes = [pace.lanes];
  for (let i = 0; i < 6; i++) {
    round(pace, 40);
    lanes.push(pace.lanes);
  }
  assert.deepEqual(lanes, [startingLanes, 8, 16, 32, 64, 64, 64]);
  assert.deepEqual(pace.end(), { from: startingLanes, reached: 64, lowest: startingLanes, to: 64 });
});

test('a pace whose answers slow down holds its lanes, then adds one a round once they are fast again', () => {
  const pace = new Pace(64);
  pace.begin();
  round(pace, 10);
  assert.equal(pace.lanes, 8);
  round(pace, 16);
  assert.equal(pace.lanes, 8, 'slower than 1.5 times the fastest round: held');
  round(pace, 10);
  assert.equal(pace.lanes, 9, 'no longer doubled: one more');
});

test('a wait halves the lanes once for the requests in flight when it came, and again for one sent after', () => {
  const pace = new Pace(64);
  pace.begin();
  round(pace, 40);
  round(pace, 40);
  assert.equal(pace.lanes, 16);
  const before = performance.now() - 1;
  pace.observe(before, 1000, true);
  pace.observe(before, 1000, true);
  pace.observe(before, 1000, true);
  assert.equal(pace.lanes, 8, 'three waits of requests sent before the lowering: halved once');
  pace.observe(performance.now() + 1, 1000, true);
  assert.equal(pace.lanes, 4);
  round(pace, 40);
  assert.equal(pace.lanes, 5, 'after a wait, one more a round');
  assert.deepEqual(pace.end(), { from: startingLanes, reached: 16, lowest: 4, to: 5 });
});

test('a pace never goes below one lane nor above its ceiling, and one of ceiling 1 never moves', () => {
  const one = new Pace(1);
  one.begin();
  round(one, 1);
  assert.equal(one.lanes, 1);
  for (let i = 0; i < 5; i++) one.observe(performance.now() + i, 1, true);
  assert.equal(one.lanes, 1);
  const few = new Pace(6);
  few.begin();
  round(few, 1);
  round(few, 1);
  assert.equal(few.lanes, 6);
});

test('each property starts where the last one left off, measured against its own rounds', () => {
  const pace = new Pace(64);
  pace.begin();
  round(pace, 1);
  round(pace, 1);
  pace.end();
  pace.begin();
  assert.equal(pace.lanes, 16);
  round(pace, 80, false);
  assert.equal(pace.lanes, 32, 'a slower check is not a loaded target: its first round is its own baseline');
  assert.deepEqual(pace.end(), { from: 16, reached: 32, lowest: 16, to: 32 });
});
