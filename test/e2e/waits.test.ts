import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { wrapping } from '../../mutants/mutant.js';
import { readReport, runCli } from '../support/runCli.js';
import { serveTarget } from '../support/servers.js';

// Answers a target is entitled to give — a rate limit, a restart — are waited for and reported, never judged.

test('a target that rate-limits (429, 1015, Retry-After: 1) and restarts (500 with 1011): 0 FAIL, 0 WARN, the waits counted per requirement', async () => {
  let requests = 0;
  let restartUntil = 0;
  const limited = wrapping((reference) => async (request) => {
    requests += 1;
    if (request.path === '/v1/account' && requests % 150 === 0) {
      return {
        status: 429,
        headers: { 'retry-after': '1' },
        body: { errors: [{ code: 1015, title: 'Too many requests' }] },
      };
    }
    if (requests === 400) restartUntil = Date.now() + 300;
    if (Date.now() < restartUntil)
      return { status: 500, body: { errors: [{ code: 1011, title: 'Service not ready' }] } };
    return reference(request);
  });
  const served = await serveTarget('sunset', limited);
  try {
    const run = await runCli([...served.args, '--seed', '2', '--runs', '100'], served.env);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const report = readReport(run);
    assert.deepEqual(
      report.requirements.filter((r) => r.verdict === 'FAIL' || r.verdict === 'WARN').map((r) => r.id),
      [],
    );
    const waited = report.requirements.filter((r) => r.waits);
    assert.ok(waited.length > 0, 'some requirement waited');
    const total = waited.reduce((sum, r) => sum + r.waits!.count, 0);
    assert.ok(total >= 2, `${total} waits`);
    assert.ok(
      waited.some((r) => r.waits!.reasons.some((reason) => reason === '429 with error 1015 (Retry-After: 1)')),
      JSON.stringify(waited.map((r) => r.waits)),
    );
    assert.ok(
      waited.some((r) => r.waits!.reasons.some((reason) => reason === '500 with error 1011')),
      JSON.stringify(waited.map((r) => r.waits)),
    );
    assert.match(
      run.stdout,
      /^waits \(reported, never judged\): the target asked the suite to wait \d+ times, [\d.]+ s in all/m,
    );
    // A property with requests in flight lowered them when the target asked it to wait, and raised them again after.
    const lowered = report.requirements.flatMap((r) =>
      r.tests.flatMap((t) => (t.property?.concurrency ? [t.property.concurrency] : [])),
    );
    assert.ok(
      lowered.some((c) => c.lowest < c.from) && lowered.every((c) => c.lowest <= c.to && c.to <= c.reached),
      JSON.stringify(lowered),
    );
    assert.match(
      run.stdout,
      /: requests in flight lowered from \d+ to \d+, the target having asked the suite to wait(, then raised again to \d+)?$/m,
    );
    assert.match(run.stdout, /^property phase: .*; up to \d+ in flight \(at most 64\)$/m);
    assert.match(
      readFileSync(join(run.reportDir, 'summary.md'), 'utf8'),
      /^\*\*Waits\*\* \(reported, never judged\): the target asked the suite to wait/m,
    );
    assert.match(
      readFileSync(join(run.reportDir, 'report.html'), 'utf8'),
      /<p class="waits" id="waits">waits \(reported, never judged\): the target asked the suite to wait/,
    );
  } finally {
    await served.close();
  }
});

test('a target that answers 503 forever: the tests that meet it SKIP with that reason, never FAIL, within their deadline, and the report is written', async () => {
  const unavailable = wrapping(
    (reference) => async (request) =>
      request.path === '/v1/account' ? { status: 503, body: '<html>Service Unavailable</html>' } : reference(request),
  );
  const served = await serveTarget('sunset', unavailable);
  try {
    const started = performance.now();
    const run = await runCli(
      [
        ...served.args,
        '--grep',
        'ACCOUNT-SUNSET-1005|REQUEST-INVALID-REFUSED|LOGIN-TOKEN',
        '--timeout',
        '1500',
        '--runs',
        '20',
      ],
      served.env,
    );
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const verdicts = Object.fromEntries(readReport(run).requirements.map((r) => [r.id, r]));
    for (const id of ['ACCOUNT-SUNSET-1005', 'REQUEST-INVALID-REFUSED']) {
      assert.equal(verdicts[id]!.verdict, 'SKIP', id);
      assert.match(
        verdicts[id]!.reason ?? '',
        /^not judged: the target asked the suite to wait \(503\) \d+ times?, past the request's deadline of 1500 ms$/,
        id,
      );
    }
    assert.equal(verdicts['LOGIN-TOKEN']!.verdict, 'PASS');
    assert.ok(performance.now() - started < 30_000, "within the requests' deadlines");
  } finally {
    await served.close();
  }
});
