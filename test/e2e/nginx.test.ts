import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { emulatorUrlVariable } from '../../src/reference/index.js';
import { startNginx } from '../support/nginx.js';
import { readReport, runCli } from '../support/runCli.js';
import { serveTarget } from '../support/servers.js';

// A gateway's early answer stays an answer: nginx answers 413 to a body over client_max_body_size before it has read
// it, then closes. A correct target behind it passes, and those 413s are judged as the refusals they are.

for (const profile of ['sunset', 'legacy'] as const) {
  test(`a correct ${profile} reference behind a real nginx with a 64 KiB body limit: 0 FAIL, 0 ERROR, 0 BLOCKED, the 413s judged`, async () => {
    const served = await serveTarget(profile);
    const gateway = await startNginx(served.emulator.server.url);
    try {
      const file = served.args[1]!;
      writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), target: gateway.url }));
      const run = await runCli([...served.args, '--seed', '5', '--runs', '40'], {
        ...served.env,
        [emulatorUrlVariable]: gateway.url,
      });
      const report = readReport(run);
      const broken = report.requirements
        .filter((r) => ['FAIL', 'ERROR', 'BLOCKED'].includes(r.verdict))
        .map((r) => `${r.id} ${r.verdict}: ${r.reason ?? r.tests.find((t) => t.failure)?.failure?.actual ?? ''}`);
      assert.deepEqual(broken, []);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      const tooLarge = readFileSync(gateway.accessLog, 'utf8')
        .split('\n')
        .filter((line) => line.split(' ')[1] === '413');
      assert.ok(tooLarge.length > 0, 'nginx answered no 413');
      // The huge bodies are REQUEST-NO-5XX's examples: its verdict was reached with those answers among the judged.
      const noFiveXX = report.requirements.find((r) => r.id === 'REQUEST-NO-5XX')!;
      assert.equal(noFiveXX.verdict, 'PASS');
      console.log(
        `# ${profile}: ${tooLarge.length} answers 413 from nginx (${tooLarge.map((l) => l.split(' ').slice(0, 1).concat(l.split(' ')[2]!.split('?')[0]!).join(' ')).join(', ')}); ${report.summary.pass} passed, ${report.summary.fail} failed`,
      );
    } finally {
      await gateway.close();
      await served.close();
    }
  });
}
