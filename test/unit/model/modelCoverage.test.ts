import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectedTransitions, ModelCoverage, transitions } from '../../../src/model/modelCoverage.js';

test('the chosen sequences are always sent, then generated ones until every transition is reached and enough explored', () => {
  const coverage = new ModelCoverage([transitions.first, transitions.verified], 2, 2);
  assert.equal(coverage.next(), true);
  coverage.reached(transitions.first);
  assert.equal(coverage.next(), true);
  coverage.reached(transitions.verified);
  assert.deepEqual([coverage.next(), coverage.next()], [true, true], 'two generated ones explored');
  assert.deepEqual([coverage.next(), coverage.next()], [false, false]);
  assert.deepEqual(coverage.record(), {
    sequences: 4,
    chosen: 2,
    notSent: 2,
    expected: 2,
    transitions: [
      { transition: transitions.first, count: 1 },
      { transition: transitions.verified, count: 1 },
    ],
    unreached: [],
  });
});

test('a transition not yet reached keeps generated sequences going; one that failed keeps every later one sent', () => {
  const coverage = new ModelCoverage([transitions.first, transitions.earlier], 0, 1);
  coverage.next();
  coverage.reached(transitions.first);
  assert.equal(coverage.next(), true, 'earlier code not reached');
  coverage.reached(transitions.earlier);
  assert.equal(coverage.next(), false);
  coverage.fail();
  assert.equal(coverage.next(), true, 'shrinking and the replay meet the target');
});

test('moving numbers away adds its transitions only where a state source can do it', () => {
  const without = expectedTransitions(false);
  const withMoves = expectedTransitions(true);
  assert.ok(!without.includes(transitions.movedAway) && !without.includes(transitions.pinRight));
  assert.deepEqual(
    withMoves.filter((t) => !without.includes(t)),
    [transitions.pinMissing, transitions.pinRight, transitions.movedAway],
  );
  assert.ok(!withMoves.includes(transitions.open), 'an open two-step setting is reached by chance, not required');
});
