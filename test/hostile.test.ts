import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoSecrets, runCli, tempFile } from './support/runCli.js';
import { hostileBehaviours, serveHostile } from './support/hostileServers.js';

const admin = { user: 'admin', password: 'Hostile-Adm1n!pass' };

for (const name of Object.keys(hostileBehaviours)) {
  test(`a target that ${name}: exit 1 or 2, one closing line, the report written, no stack trace, no secret, without hanging (wall time and memory: npm run hostile)`, async () => {
    const server = await serveHostile(name, admin);
    try {
      const config = tempFile('hostile.json', JSON.stringify({ target: server.url, auth: { admin: { user: admin.user } } }));
      const run = await runCli(['--config', config, '--timeout', '2000', '--runs', '20'], { WA_CONFORMANCE_PASSWORD: admin.password });
      assert.ok(run.code === 1 || run.code === 2, `exit ${run.code}`);
      assert.match(run.code === 1 ? run.stdout : run.stderr, run.code === 1 ? /^\d+ passed, [1-9]\d* failed, \d+ skipped, \d+ warned, \d+ info$/m : /^wa-account-conformance: .+\n$/);
      assert.doesNotMatch(run.stdout + run.stderr, /^\s+at .+:\d+:\d+\)?$/m, 'a stack trace');
      assertNoSecrets(run, [admin.password, Buffer.from(`${admin.user}:${admin.password}`).toString('base64')]);
    } finally {
      await server.close();
    }
  });
}
