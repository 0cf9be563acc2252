import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ConformanceReport } from '../../src/generated/types.js';
import { readReport, runCli } from '../support/runCli.js';
import { serveTarget } from '../support/servers.js';

const properties = (report: ConformanceReport) =>
  report.requirements.flatMap((r) => r.tests.flatMap((t) => (t.property ? [{ id: r.id, ...t.property }] : [])));
const rows = (report: ConformanceReport) => report.property.coverage.map((c) => `${c.category} ${c.field}`).sort();

// --budget scales the generated cases to the time given; whatever it cuts, every row of the coverage table, the
// chosen cases and the model's chosen sequences are still sent, and the verdicts are those of a full run.
for (const profile of ['sunset', 'legacy'] as const) {
  test(`${profile}: a run with --budget 1 sends fewer generated cases, every category of the coverage table still there, the same verdicts`, async () => {
    const served = await serveTarget(profile);
    try {
      const full = await runCli([...served.args, '--seed', '5'], served.env);
      const cut = await runCli([...served.args, '--seed', '5', '--budget', '1'], served.env);
      assert.equal(full.code, 0, full.stdout + full.stderr);
      assert.equal(cut.code, 0, cut.stdout + cut.stderr);
      const [whole, budgeted] = [readReport(full), readReport(cut)];
      assert.deepEqual(
        budgeted.requirements.map((r) => [r.id, r.verdict]),
        whole.requirements.map((r) => [r.id, r.verdict]),
      );
      assert.ok(properties(whole).every((p) => p.notSent === undefined));
      const notSent = properties(budgeted).reduce((sum, p) => sum + (p.notSent ?? 0), 0);
      assert.ok(notSent > 0, 'the budget left cases unsent');
      assert.ok(budgeted.property.requests < whole.property.requests);
      assert.deepEqual(rows(budgeted), rows(whole), 'every row of the coverage table');
      assert.equal(budgeted.settings?.budgetSeconds, 1);
      assert.match(
        cut.stdout,
        new RegExp(`^property phase: .*; --budget 1 s: ${notSent} generated cases not sent, every category kept$`, 'm'),
      );
      if (profile === 'legacy') {
        const model = budgeted.requirements.find((r) => r.id === 'LEGACY-STATEFUL-MODEL')!.tests[0]!.model!;
        assert.ok(model.sequences >= model.chosen && model.unreached.length === 0, JSON.stringify(model));
      }
    } finally {
      await served.close();
    }
  });
}
