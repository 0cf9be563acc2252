import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { chromium } from '@playwright/test';
import { sunsetDetailsTypo } from '../../mutants/sunsetMutants.js';
import { readReport, runCli } from '../support/runCli.js';
import { serveTarget } from '../support/servers.js';

const chromiumPath = '/usr/bin/chromium';
// As the machine notes say: without these, Chromium reaches for the network this machine does not have.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

test('report.html shows the counts, the failing requirement and its curl, and the curl reproduces the failure', async () => {
  assert.ok(
    existsSync(chromiumPath),
    `Debian's chromium is needed at ${chromiumPath} (apt-get install chromium; .ci/run does it)`,
  );
  const served = await serveTarget('sunset', sunsetDetailsTypo.build);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const run = await runCli([...served.args, '--seed', '21', '--runs', '30'], served.env);
    assert.equal(run.code, 1, run.stdout);
    const report = readReport(run);
    const page = await browser.newPage();
    await page.goto(`file://${join(run.reportDir, 'report.html')}`);

    assert.equal(
      await page.locator('#summary').textContent(),
      `${report.summary.pass} passed, ${report.summary.fail} failed, ${report.summary.skip} skipped, ${report.summary.warn} warned, ${report.summary.info} info`,
    );
    assert.equal(await page.locator('#count-fail').textContent(), String(report.summary.fail));
    const failing = page.locator('details#ACCOUNT-SUNSET-1005');
    assert.equal(await failing.getAttribute('data-verdict'), 'FAIL');
    assert.equal(await failing.locator('.curl').isVisible(), false, 'details start closed');
    await failing.locator('summary').first().click();
    const curl = await failing.locator('.curl').innerText();
    assert.match(curl, /^curl -sS -i -X POST 'http:\/\/127\.0\.0\.1:\d+\/v1\/account'/);
    assert.match(await failing.locator('.actual').innerText(), /^403 .*biz_link_on_prem_reg_block3d/);

    // The coverage table: every category and field the run counted, with the same numbers as report.json.
    await page.locator('#coverage summary').click();
    const rows = await page.locator('#coverage tbody tr').count();
    const { coverage } = (
      report as unknown as { property: { coverage: { category: string; field: string; requests: number }[] } }
    ).property;
    assert.equal(rows, coverage.length);
    assert.ok(coverage.length >= 20, `only ${coverage.length} category/field rows`);
    const nearLimit = coverage.find((row) => row.category === 'near-body-limit')!;
    const cell = page.locator('#coverage tbody tr', { hasText: 'near-body-limit' }).first();
    assert.match(
      await cell.innerText(),
      new RegExp(
        `near-body-limit\\s+${coverage.filter((r) => r.category === 'near-body-limit').reduce((s, r) => s + r.requests, 0)}\\s+${nearLimit.field.replace(/[()]/g, '\\$&')}\\s+${nearLimit.requests}`,
      ),
    );

    // Section headings name the section in English beside the Japanese; a SKIP says why without being opened.
    const headings = await page.locator('section > h2').allInnerTexts();
    assert.ok(
      headings.includes('パラメーター (Parameters)') && headings.includes('アカウント (Account)'),
      headings.join(' | '),
    );
    const skipped = page.locator('details.req[data-verdict="SKIP"]').first();
    assert.match(await skipped.locator('summary .why').innerText(), /^— skipped: \S/);
    assert.equal(await skipped.locator('summary .why').isVisible(), true);

    // Filters hide what a reader unticks.
    await page.locator('[data-filter="PASS"]').uncheck();
    assert.equal(await page.locator('details.req[data-verdict="PASS"]').first().isVisible(), false);
    assert.equal(await failing.isVisible(), true);

    // The curl, run as a person would with a token of their own, gets the same status and error code.
    const login = await fetch(`${served.emulator.server.url}/v1/users/login`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`admin:${served.emulator.admin.password}`).toString('base64')}` },
    });
    const token = ((await login.json()) as { users: { token: string }[] }).users[0]!.token;
    // Not execFileSync: the emulator answers from this very process.
    const { stdout: output } = await promisify(execFile)('bash', ['-c', curl], {
      env: { ...process.env, WA_CONFORMANCE_TOKEN: token },
      encoding: 'utf8',
    });
    const status = /^HTTP\/1\.1 (\d{3})/.exec(output)?.[1];
    const body = JSON.parse(output.slice(output.indexOf('\r\n\r\n') + 4)) as {
      errors: { code: number; details: string }[];
    };
    assert.equal(status, '403');
    assert.equal(body.errors[0]!.code, 1005);
    assert.equal(body.errors[0]!.details, 'Unknown error: biz_link_on_prem_reg_block3d');
  } finally {
    await browser.close();
    await served.close();
  }
});
