import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { budgetDeadline, minimumFirst } from '../../../src/harness/budget.js';
import { shareOf, writeBudget } from '../../../src/protocol/index.js';

test('the cases every run sends come first: the examples, then the first of each row of the coverage table', () => {
  const values = ['example', 'a1', 'a2', 'b1', 'a3', 'untagged', 'c1', 'b2'];
  const tag = (v: string) => (v === 'example' || v === 'untagged' ? undefined : v[0]);
  assert.deepEqual(minimumFirst(values, 1, tag), {
    values: ['example', 'a1', 'b1', 'c1', 'a2', 'a3', 'untagged', 'b2'],
    minimum: 4,
  });
  assert.deepEqual(minimumFirst([], 0, tag), { values: [], minimum: 0 });
});

test("a property's share is what is left of the budget over the properties still to run, a worker's each", () => {
  const now = 1_000_000;
  assert.equal(shareOf({ endsAt: now + 10_000, left: 5 }, 1, now), 2000);
  assert.equal(shareOf({ endsAt: now + 10_000, left: 5 }, 2, now), 4000);
  assert.equal(shareOf({ endsAt: now + 10_000, left: 1 }, 4, now), 10_000, 'never more than is left');
  assert.equal(shareOf({ endsAt: now - 5, left: 3 }, 1, now), 0, 'spent: only the minimum');
  assert.equal(shareOf({ endsAt: now + 10_000, left: 0 }, 1, now), 10_000);
});

test('without a budget, or before the reporter wrote it, a property sends all its runs', () => {
  const runDir = mkdtempSync(join(tmpdir(), 'wa-budget-'));
  assert.equal(budgetDeadline({ runDir, workers: 1 }), undefined);
  assert.equal(budgetDeadline({ budgetSeconds: 10, runDir, workers: 1 }), undefined);
  writeBudget(runDir, { endsAt: Date.now() + 10_000, left: 2 });
  const deadline = budgetDeadline({ budgetSeconds: 10, runDir, workers: 1 })!;
  const share = deadline - performance.now();
  assert.ok(share > 4000 && share <= 5000, `share ${share} ms`);
  assert.equal(budgetDeadline({ budgetSeconds: 10, workers: 1 }), undefined, 'no run directory');
});
