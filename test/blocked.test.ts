import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { noPendingRegistration } from '../mutants/legacyMoreMutants.js';
import { readReport, runCli } from './support/runCli.js';
import { serveTarget } from './support/servers.js';

// One root cause, reported once: the requirements that could not reach the state they judge point at it.

test('a 202 that keeps no pending registration: one FAIL, VERIFY-COMPLETES, and the requirements that depend on it BLOCKED naming it', async () => {
  const served = await serveTarget('legacy', noPendingRegistration.build, 'header');
  try {
    const run = await runCli([...served.args, '--seed', '3', '--runs', '40'], served.env);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    const report = readReport(run);
    const withVerdict = (verdict: string) => report.requirements.filter((r) => r.verdict === verdict);
    assert.deepEqual(withVerdict('FAIL').map((r) => r.id), ['VERIFY-COMPLETES']);
    const blocked = withVerdict('BLOCKED');
    assert.deepEqual(blocked.map((r) => r.id).sort(), ['LEGACY-STATEFUL-MODEL', 'TWO-STEP-SETTINGS', 'VERIFY-201', 'VERIFY-REGISTERS']);
    for (const r of blocked) {
      assert.deepEqual(r.blockedBy, ['VERIFY-COMPLETES'], r.id);
      assert.match(r.reason ?? '', /^blocked by VERIFY-COMPLETES: /, r.id);
    }
    assert.deepEqual(withVerdict('ERROR'), []);
    assert.equal(report.summary.blocked, 4);
    assert.match(run.stdout, /^\d+ passed, 1 failed, \d+ skipped, \d+ warned, \d+ info, 0 errors, 4 blocked$/m);
    const junit = readFileSync(join(run.reportDir, 'junit.xml'), 'utf8');
    assert.match(junit, /<failure message="blocked by VERIFY-COMPLETES">/);
    assert.match(readFileSync(join(run.reportDir, 'summary.md'), 'utf8'), /^### BLOCKED `VERIFY-REGISTERS`$/m);
  } finally {
    await served.close();
  }
});
