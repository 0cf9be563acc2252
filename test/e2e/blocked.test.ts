import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { noPendingRegistration } from '../../mutants/legacyMoreMutants.js';
import { readJunit } from '../support/junit.js';
import { readReport, runCli } from '../support/runCli.js';
import { serveTarget } from '../support/servers.js';

// One root cause, reported once: the requirements that could not reach the state they judge point at it.

test('a 202 that keeps no pending registration: one FAIL, VERIFY-COMPLETES, and the requirements that depend on it BLOCKED naming it', async () => {
  const served = await serveTarget('legacy', noPendingRegistration.build, 'header');
  try {
    const run = await runCli([...served.args, '--seed', '3', '--runs', '40'], served.env);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    const report = readReport(run);
    const withVerdict = (verdict: string) => report.requirements.filter((r) => r.verdict === verdict);
    assert.deepEqual(
      withVerdict('FAIL').map((r) => r.id),
      ['VERIFY-COMPLETES'],
    );
    const blocked = withVerdict('BLOCKED');
    assert.deepEqual(blocked.map((r) => r.id).sort(), [
      'LEGACY-STATEFUL-MODEL',
      'TWO-STEP-SETTINGS',
      'VERIFY-201',
      'VERIFY-REGISTERS',
    ]);
    for (const r of blocked) {
      assert.deepEqual(r.blockedBy, ['VERIFY-COMPLETES'], r.id);
      assert.match(r.reason ?? '', /^blocked by VERIFY-COMPLETES: /, r.id);
    }
    assert.deepEqual(withVerdict('ERROR'), []);
    assert.equal(report.summary.blocked, 4);
    assert.match(run.stdout, /^\d+ passed, 1 failed, \d+ skipped, \d+ warned, \d+ info, 0 errors, 4 blocked$/m);
    // junit.xml, as a CI dashboard reads it: one failure; the blocked ones skipped, naming what blocked them.
    const junit = readJunit(run.reportDir);
    assert.equal(junit.failures, 1);
    assert.deepEqual(
      junit.cases.filter((c) => c.outcome === 'failure').map((c) => c.id),
      ['VERIFY-COMPLETES'],
    );
    assert.match(junit.cases.find((c) => c.id === 'VERIFY-COMPLETES')!.text ?? '', /it blocked 4: /);
    for (const r of blocked) {
      const junitCase = junit.cases.find((c) => c.id === r.id)!;
      assert.equal(junitCase.outcome, 'skipped', r.id);
      assert.match(junitCase.message ?? '', /^blocked by VERIFY-COMPLETES: /, r.id);
    }
    assert.equal(junit.skipped, report.summary.skip + 4);
    // The step summary: a row each, and the dependants named once under their root cause, no section of their own.
    const summary = readFileSync(join(run.reportDir, 'summary.md'), 'utf8');
    assert.doesNotMatch(summary, /^### BLOCKED/m);
    assert.match(summary, /^\| ⛔ BLOCKED \| `VERIFY-REGISTERS` \| MUST \| blocked by VERIFY-COMPLETES: /m);
    const rootSection = summary.split('\n### ').find((section) => section.startsWith('FAIL `VERIFY-COMPLETES`'))!;
    assert.match(rootSection, /^Blocked by it \(not judged\): (`[A-Z0-9-]+`(, )?){4}$/m);
  } finally {
    await served.close();
  }
});
