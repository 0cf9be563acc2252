import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { hostileBehaviours, serveHostile } from '../../mutants/hostileServers.js';
import { processes } from '../../src/run/processes.js';
import { assertNoSecrets, readReport, runCli, tempFile } from '../support/runCli.js';

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
  let killed = false;
  const run = await runCli(
    [],
    {},
    (cli) =>
      void (async () => {
        for (let tries = 0; tries < 300 && !killed; tries += 1) {
          for (const { pid: worker } of processes().filter(
            (p) => p.ppid === cli && p.command.includes('workerProcessEntry'),
          )) {
            await sleep(500); // into its first test
            process.kill(worker, 'SIGKILL');
            killed = true;
          }
          await sleep(50);
        }
      })(),
  );
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
