import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { interopVariants } from '../../mutants/interopVariants.js';
import type { ConformanceReport } from '../../src/generated/types.js';
import { interopCatalogue } from '../../src/requirements/interop.js';
import { readReport, runCli } from '../support/runCli.js';
import { serveTarget } from '../support/servers.js';

// Every interop entry is shown by a correct variant that breaks exactly its clients, and by the reference, which
// breaks none: reported apart, a WARN only with --interop strict, and never a FAIL.

const broken = (report: ConformanceReport) =>
  (report.interop?.entries ?? []).filter((e) => e.verdict === 'breaks').map((e) => e.id);

test('the catalogue: at least eight entries, each with a client, its repository and file, and a variant that shows it', () => {
  assert.ok(interopCatalogue.length >= 8, `${interopCatalogue.length} entries`);
  for (const entry of interopCatalogue) {
    assert.ok(
      entry.clients.length > 0 && entry.clients.every((c) => /^https:\/\/github\.com\//.test(c.repository) && c.file),
      entry.id,
    );
    assert.ok(
      interopVariants.some((v) => v.breaks === entry.id),
      `${entry.id} has no variant`,
    );
  }
});

for (const profile of ['sunset', 'legacy'] as const) {
  test(`the reference (${profile}), --interop strict: no client broken, exit 0`, async () => {
    const served = await serveTarget(profile);
    try {
      const run = await runCli([...served.args, '--seed', '6', '--runs', '20', '--interop', 'strict'], served.env);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      const report = readReport(run);
      assert.deepEqual(broken(report), []);
      assert.equal(report.interop?.strict, true);
      assert.match(
        run.stdout,
        /^interop \(real clients, reported apart; --interop strict: each broken one a WARN\): 0 of \d+ entries break their clients$/m,
      );
    } finally {
      await served.close();
    }
  });
}

for (const variant of interopVariants) {
  test(`${variant.id}: ${variant.breaks} alone is reported, a WARN under --interop strict, no FAIL, exit 0`, async () => {
    const served = await serveTarget(variant.profile, variant.build);
    try {
      const run = await runCli([...served.args, '--seed', '6', '--runs', '20', '--interop', 'strict'], served.env);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      const report = readReport(run);
      assert.deepEqual(broken(report), [variant.breaks]);
      assert.deepEqual(
        report.requirements.filter((r) => r.verdict === 'FAIL').map((r) => r.id),
        [],
      );
      const warnedRequirements = report.requirements.filter((r) => r.verdict === 'WARN').length;
      assert.equal(report.summary.warn, warnedRequirements + 1, 'the broken client counted a WARN');
      assert.match(run.stdout, new RegExp(`^  WARN +${variant.breaks} `, 'm'));
      const finding = report.interop!.entries.find((e) => e.id === variant.breaks)!;
      assert.ok(finding.evidence, 'the exchange that broke the clients is kept');
      assert.match(
        readFileSync(join(run.reportDir, 'summary.md'), 'utf8'),
        new RegExp(`\\| \`${variant.breaks}\` \\|.*\\| breaks \\|`),
      );
      assert.match(
        readFileSync(join(run.reportDir, 'report.html'), 'utf8'),
        new RegExp(`<div id="interop">[\\s\\S]*<code>${variant.breaks}</code>`),
      );
    } finally {
      await served.close();
    }
  });
}

test('without --interop strict a broken client changes no verdict: reported, not a WARN', async () => {
  const [variant] = interopVariants;
  const served = await serveTarget(variant!.profile, variant!.build);
  try {
    const run = await runCli([...served.args, '--seed', '6', '--runs', '20'], served.env);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const report = readReport(run);
    assert.deepEqual(broken(report), [variant!.breaks]);
    assert.equal(report.summary.warn, report.requirements.filter((r) => r.verdict === 'WARN').length);
    assert.match(run.stdout, new RegExp(`^  breaks +${variant!.breaks} `, 'm'));
  } finally {
    await served.close();
  }
});
