import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { packageRoot } from '../../src/paths.js';
import { readReport, runCli, tempFile } from '../support/runCli.js';
import { serveTarget } from '../support/servers.js';

// A state source that records when it is called: the Pact verifier tears down each interaction's states before the
// next interaction's setup, so a target whose states depend on order gets them in order.
test("the contract's provider states through a hooks module: each torn down after its interaction, before the next is set up", async () => {
  const served = await serveTarget('legacy', undefined, 'hooks');
  const calls = tempFile('calls.log', '');
  const example = join(packageRoot, 'examples', 'conformance-hooks.mjs');
  const hooks = tempFile(
    'recording-hooks.mjs',
    `
    import { appendFileSync } from 'node:fs';
    import { stateHandlers as example } from ${JSON.stringify(example)};
    export { sentCode } from ${JSON.stringify(example)};
    const record = (line) => appendFileSync(${JSON.stringify(calls)}, line + '\\n');
    export const stateHandlers = Object.fromEntries(Object.entries(example).map(([state, handler]) => [state, {
      setup: async (params) => { record('setup ' + state); await (typeof handler === 'function' ? handler : handler.setup)(params); },
      teardown: async () => record('teardown ' + state),
    }]));
  `,
  );
  try {
    const run = await runCli([...served.args, '--hooks', hooks, '--grep', 'CONTRACT-HONOURED'], served.env);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(readReport(run).requirements.find((r) => r.id === 'CONTRACT-HONOURED')?.verdict, 'PASS', run.stdout);
    const lines = readFileSync(calls, 'utf8').trim().split('\n');
    // setup A, teardown A, setup B, teardown B, …: never two setups without the first's teardown between them.
    const pairs = lines.flatMap((line, i) => (i % 2 === 0 ? [[line, lines[i + 1]]] : []));
    console.log(`# the hooks module was called: ${lines.join(' → ')}`);
    for (const [setup, teardown] of pairs)
      assert.equal(teardown, setup!.replace(/^setup /, 'teardown '), lines.join('\n'));
    // One per interaction whose state the hooks set: a registered number, and two-step on twice (an unregistered
    // number and a code sent are fresh numbers, set by no source).
    assert.deepEqual(
      pairs.map(([setup]) => setup),
      [
        'setup a number is registered',
        ...Array(2).fill('setup a number is not registered and has two-step verification on'),
      ],
      lines.join('\n'),
    );
  } finally {
    await served.close();
  }
});

test('a state the hooks cannot tear down after a passing contract: CONTRACT-HONOURED is not judged (ERROR, the source named), never a FAIL', async () => {
  const served = await serveTarget('legacy', undefined, 'hooks');
  const example = join(packageRoot, 'examples', 'conformance-hooks.mjs');
  const hooks = tempFile(
    'failing-teardown.mjs',
    `
    import { stateHandlers as example } from ${JSON.stringify(example)};
    export { sentCode } from ${JSON.stringify(example)};
    export const stateHandlers = Object.fromEntries(Object.entries(example).map(([state, handler]) => [state, {
      setup: typeof handler === 'function' ? handler : handler.setup,
      teardown: async () => { throw new Error('the database is read-only'); },
    }]));
  `,
  );
  try {
    const run = await runCli([...served.args, '--hooks', hooks, '--grep', 'CONTRACT-HONOURED'], served.env);
    const contract = readReport(run).requirements.find((r) => r.id === 'CONTRACT-HONOURED');
    assert.equal(contract?.verdict, 'ERROR', run.stdout);
    assert.match(
      contract?.reason ?? '',
      /the contract passed, but tearing down "a number is registered": .*the database is read-only/,
    );
  } finally {
    await served.close();
  }
});
