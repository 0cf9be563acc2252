import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { meta, rewriteAnswers } from '../../mutants/mutant.js';
import { runCli, verdictsOf } from '../support/runCli.js';
import { serveTarget } from '../support/servers.js';

// A FAIL is a verdict about the target, not a breakdown of the test: Playwright starts a new worker after an
// unexpected failure (a second or more per FAIL against a broken target), so every verdict is an expected one.

test('a run that FAILs and BLOCKs requirements keeps its one worker process', async () => {
  const broken = rewriteAnswers('/v1/account', (response) =>
    response.status === 201
      ? { ...response, status: 200 }
      : response.status === 202
        ? { ...response, body: { meta } }
        : response,
  );
  const target = await serveTarget('legacy', broken);
  // Playwright writes one CPU profile per process it runs, named after the process's entry point.
  const profiles = mkdtempSync(join(tmpdir(), 'wa-profiles-'));
  try {
    const run = await runCli([...target.args, '--workers', '1'], {
      ...target.env,
      PW_PROFILE_DIR: profiles,
    });
    assert.equal(run.code, 1, run.stdout + run.stderr);
    const verdicts = Object.values(verdictsOf(run));
    assert.ok(verdicts.filter((v) => v === 'FAIL').length >= 3, `several FAILs: ${verdicts.join(' ')}`);
    assert.ok(verdicts.includes('BLOCKED'), `a BLOCKED: ${verdicts.join(' ')}`);
    const workers = readdirSync(profiles).filter((name) => name.startsWith('workerProcessEntry-'));
    assert.equal(workers.length, 1, `worker processes: ${workers.join(', ')}`);
  } finally {
    await target.close();
  }
});
