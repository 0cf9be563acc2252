import type { TestRecord } from '../../src/generated/types.js';

/** A test's record as the conformance reporter keeps it: one judged answer, no exchanges, unless `extra` says. */
export const testRecord = (outcome: TestRecord['outcome'], extra: Partial<TestRecord> = {}): TestRecord => ({
  id: `t-${outcome}`,
  title: outcome,
  requirementIds: [],
  outcome,
  wireLog: [],
  judged: 1,
  ...extra,
});
