import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wrapping } from '../../mutants/mutant.js';
import { readJunit } from '../support/junit.js';
import { readReport, runCli } from '../support/runCli.js';
import { type ServedTarget, serveTarget } from '../support/servers.js';

// One root cause, one FAIL: a target that stops answering for good is blamed on the requirement whose request met
// its silence first; every test it then kept from the target is BLOCKED by that requirement.

const maxTimeSeconds = 120;

test('a target that stops answering for good in the middle of a run: one FAIL, the rest BLOCKED by it, the report written, within --max-time', async () => {
  let requests = 0;
  let served: ServedTarget | undefined;
  // The 80th request is never answered: the server stops listening and drops every connection, as a crashed host does.
  const diesMidRun = wrapping((reference) => async (request) => {
    if (++requests < 80) return reference(request);
    void served!.close();
    return new Promise(() => {});
  });
  served = await serveTarget('legacy', diesMidRun);
  try {
    const started = performance.now();
    const run = await runCli(
      [...served.args, '--seed', '3', '--runs', '20', '--retries', '2', '--max-time', String(maxTimeSeconds)],
      served.env,
    );
    const seconds = (performance.now() - started) / 1000;
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.ok(seconds < maxTimeSeconds, `the run took ${seconds.toFixed(1)} s`);
    const report = readReport(run);
    const withVerdict = (verdict: string) => report.requirements.filter((r) => r.verdict === verdict);
    const failed = withVerdict('FAIL').map((r) => r.id);
    assert.equal(failed.length, 1, `FAIL: ${failed.join(', ')}`);
    const blocked = withVerdict('BLOCKED');
    assert.ok(blocked.length >= 3, `BLOCKED: ${blocked.map((r) => r.id).join(', ')}`);
    for (const r of blocked) {
      assert.deepEqual(r.blockedBy, failed, r.id);
      assert.match(r.reason ?? '', new RegExp(`^blocked by ${failed[0]}: the target stopped answering`), r.id);
    }
    assert.deepEqual(
      withVerdict('ERROR').map((r) => `${r.id}: ${r.reason}`),
      [],
    );
    const junit = readJunit(run.reportDir);
    assert.equal(junit.failures, 1);
    assert.equal(junit.errors, 0);
    assert.deepEqual(
      junit.cases.filter((c) => c.outcome === 'failure').map((c) => c.id),
      failed,
    );
    console.log(
      `# ${requests} requests reached the target; FAIL ${failed[0]}; ${blocked.length} BLOCKED by it; junit.xml failures="${junit.failures}" skipped="${junit.skipped}"; ${seconds.toFixed(1)} s (--max-time ${maxTimeSeconds})`,
    );
  } finally {
    await served.close();
  }
});
