import assert from 'node:assert/strict';
import { test } from 'node:test';
import { failedLoginsPerHour, loginRateLimited } from '../../mutants/authMutants.js';
import { defaultAuthProbes } from '../../src/run/runOptions.js';
import { readReport, runCli } from '../support/runCli.js';
import { recorder, serveTarget } from '../support/servers.js';

// The client answers 429 past 30 failed logins an hour: a suite run in CI several times an hour must not lock its own
// admin out. One target, three default runs in a row, as three CI jobs within the hour.

test(`three default runs in a row against a target that allows ${failedLoginsPerHour} failed logins an hour: each clean, each sending at most ${defaultAuthProbes} bad logins, no 429 met`, async () => {
  const record = recorder();
  const target = await serveTarget('legacy', (options) => record.wrap(loginRateLimited()(options)));
  try {
    const badLogins: number[] = [];
    for (let run = 1; run <= 3; run += 1) {
      const before = record.seen.length;
      const result = await runCli(target.args, target.env);
      assert.equal(result.code, 0, `run ${run}: ${result.stdout}${result.stderr}`);
      assert.match(result.stdout, new RegExp(`at most ${defaultAuthProbes} bad logins \\(--auth-probes\\)`));
      const verdicts = readReport(result).requirements.map((r) => r.verdict);
      assert.ok(!verdicts.includes('FAIL') && !verdicts.includes('WARN'), `run ${run}: ${verdicts.join(' ')}`);
      const logins = record.seen.slice(before).filter((s) => s.request.path === '/v1/users/login');
      assert.equal(logins.filter((s) => s.response.status === 429).length, 0, `run ${run} met a 429`);
      // Refused credentials; the preflight's GET of the login path (405) tries none.
      badLogins.push(logins.filter((s) => s.request.method === 'POST' && s.response.status >= 400).length);
    }
    assert.ok(
      badLogins.every((n) => n > 0 && n <= defaultAuthProbes),
      `bad logins per run: ${badLogins.join(', ')}`,
    );
    console.log(`bad logins per default run: ${badLogins.join(', ')} (budget ${defaultAuthProbes})`);
  } finally {
    await target.close();
  }
});
