import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hostileBehaviours, serveHostile } from '../../mutants/hostileServers.js';
import { wrapping } from '../../mutants/mutant.js';
import { processes } from '../../src/run/processes.js';
import { assertNoSecrets, readReport, runCli, tempFile } from '../support/runCli.js';
import { serveTarget } from '../support/servers.js';

const admin = { user: 'admin', password: 'Hostile-Adm1n!pass' };

for (const name of Object.keys(hostileBehaviours)) {
  test(`a target that ${name}: exit 1 or 2, one closing line, the report written, no stack trace, no secret, without hanging (wall time and memory: npm run hostile)`, async () => {
    const server = await serveHostile(name, admin);
    try {
      const config = tempFile(
        'hostile.json',
        JSON.stringify({ target: server.url, auth: { admin: { user: admin.user } } }),
      );
      const run = await runCli(['--config', config, '--timeout', '2000', '--runs', '20'], {
        WA_CONFORMANCE_PASSWORD: admin.password,
      });
      assert.ok(run.code === 1 || run.code === 2, `exit ${run.code}`);
      assert.match(
        run.code === 1 ? run.stdout : run.stderr,
        run.code === 1
          ? /^\d+ passed, [1-9]\d* failed, \d+ skipped, \d+ warned, \d+ info(, \d+ errors, \d+ blocked)?$/m
          : /^wa-account-conformance: .+\n$/,
      );
      assert.doesNotMatch(run.stdout + run.stderr, /^\s+at .+:\d+:\d+\)?$/m, 'a stack trace');
      assertNoSecrets(run, [admin.password, Buffer.from(`${admin.user}:${admin.password}`).toString('base64')]);
    } finally {
      await server.close();
    }
  });
}

test("a worker that dies (out of memory, killed) is the suite's breakdown, exit 2 naming it, never a FAIL of the target; the report is written", async () => {
  let cli: number | undefined;
  let killed = false;
  // Killed on the first request a test sends: inside a test, however loaded the machine (the preflight's requests
  // come from the CLI's own process and name no requirement).
  const killingWorker = wrapping((reference) => async (request) => {
    if (!killed && /^[A-Z][A-Z0-9-]*#/.test(request.headers['x-conformance-case'] ?? '')) {
      for (const { pid } of processes().filter((p) => p.ppid === cli && p.command.includes('workerProcessEntry'))) {
        process.kill(pid, 'SIGKILL');
        killed = true;
      }
    }
    return reference(request);
  });
  const target = await serveTarget('sunset', killingWorker);
  const run = await runCli(target.args, target.env, (pid) => (cli = pid)).finally(() => target.close());
  assert.ok(killed, 'no worker was seen');
  assert.equal(run.code, 2, run.stdout + run.stderr);
  assert.match(
    run.stderr,
    /^wa-account-conformance: the suite itself failed: worker process exited unexpectedly \(code=null, signal=SIGKILL\), while running ".+"\n$/,
  );
  const report = readReport(run);
  assert.equal(report.summary.fail, 0, 'a dead worker blamed on the target');
  assert.ok(
    report.requirements.some(
      (r) => r.verdict === 'SKIP' && /not judged: worker process exited unexpectedly/.test(r.reason ?? ''),
    ),
  );
});
