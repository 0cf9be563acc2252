import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { chromium } from '@playwright/test';
import { interopVariants } from '../../mutants/interopVariants.js';
import { sunsetDetailsTypo } from '../../mutants/sunsetMutants.js';
import { interopCatalogue } from '../../src/requirements/interop.js';
import { readReport, runCli } from '../support/runCli.js';
import { serveTarget } from '../support/servers.js';

const chromiumPath = '/usr/bin/chromium';

/** The fonts fontconfig has for Japanese: none on a machine with Debian's chromium as installed. */
function cjkFonts(): string {
  try {
    return execFileSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8' }).trim().split('\n').join(', ');
  } catch {
    return '';
  }
}
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

test('report.html leads with the failure (open, in the first screen, its first line expected and came back), then the settings, depth and slowest; English headings; the curl reproduces the failure', async (t) => {
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
    // What to fix leads: the failure is the first requirement in the page, open, its first line visible in the
    // first screen, above the settings; the rest follows by section.
    const failing = page.locator('#to-fix details#ACCOUNT-SUNSET-1005');
    assert.equal(await failing.getAttribute('data-verdict'), 'FAIL');
    assert.equal(await page.locator('details.req').first().getAttribute('id'), 'ACCOUNT-SUNSET-1005');
    assert.equal(await failing.getAttribute('open'), '', 'the first failure starts open');
    const headline = failing.locator('summary .headline');
    assert.match(await headline.innerText(), /^expected .*; came back 403 /);
    await page.setViewportSize({ width: 1280, height: 720 });
    const box = await headline.boundingBox();
    assert.ok(
      box && box.y + box.height <= 720,
      `the failure's first line is below the first screen: ${JSON.stringify(box)}`,
    );
    const settingsBox = await page.locator('#settings').boundingBox();
    assert.ok(settingsBox && settingsBox.y > box.y, 'the settings come after the failure');
    const settings = await page.locator('#settings').innerText();
    for (const shown of ['target', 'profile', 'sources', 'the control protocol', 'numbers', 'seed\n21', 'suite'])
      assert.ok(settings.includes(shown), `${shown} is not in the settings: ${settings}`);
    assert.match(
      await page.locator('#depth').innerText(),
      /^depth: \d+ of \d+ requirements of this profile judged at full depth/,
    );
    assert.match(await page.locator('#slowest').innerText(), /^slowest: [A-Z0-9-]+ \d+\.\d s/);
    // A browser without CJK fonts (Debian's chromium as installed here) shows the Japanese as boxes: each heading
    // starts with its English name. The screenshot is kept beside the report, for a person to look at.
    const screenshot = join(run.reportDir, 'first-screen.png');
    await page.screenshot({ path: screenshot });
    t.diagnostic(`first screen: ${screenshot}; CJK fonts on this machine: ${cjkFonts() || 'none'}`);
    for (const heading of await page.locator('h2').allInnerTexts())
      assert.match(heading, /^[A-Za-z]/, `a heading that does not start in English: ${heading}`);
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

    // Section headings name the section in English, then in Japanese; a SKIP says why without being opened.
    const headings = await page.locator('section > h2').allInnerTexts();
    assert.ok(
      headings.includes('Parameters (パラメーター)') && headings.includes('Account (アカウント)'),
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

test('report.html shows the Interop section in Chromium: each entry with its clients linked, the broken one a WARN under --interop strict, its exchange redacted', async (t) => {
  const variant = interopVariants.find((v) => v.breaks === 'INTEROP-ERROR-DETAILS')!;
  const served = await serveTarget(variant.profile, variant.build);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const run = await runCli([...served.args, '--seed', '21', '--runs', '30', '--interop', 'strict'], served.env);
    assert.equal(run.code, 0, run.stdout);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`file://${join(run.reportDir, 'report.html')}`);
    const section = page.locator('#interop');
    assert.equal(await section.isVisible(), true);
    assert.equal(await section.locator('tbody tr').count(), interopCatalogue.length);
    const broken = section.locator('tbody tr.breaks');
    assert.equal(await broken.count(), 1);
    assert.equal(await broken.locator('.chip').innerText(), 'WARN');
    assert.match(await broken.innerText(), /INTEROP-ERROR-DETAILS[\s\S]*yocto\/whatsapp-business-sdk-php/);
    assert.equal(
      await broken.locator('a').first().getAttribute('href'),
      'https://github.com/yocto/whatsapp-business-sdk-php',
    );
    await broken.locator('details summary').click();
    const exchange = await broken.locator('details pre').innerText();
    assert.match(exchange, /authorization: Bearer \$\{WA_CONFORMANCE_TOKEN\}/);
    assert.ok(!exchange.includes(served.emulator.admin.password));
    // Unticking every verdict hides the requirements, never the Interop section.
    for (const box of await page.locator('[data-filter]').all()) await box.uncheck();
    assert.equal(await section.isVisible(), true);
    const screenshot = join(run.reportDir, 'interop.png');
    await section.screenshot({ path: screenshot });
    t.diagnostic(`interop section: ${screenshot}`);
  } finally {
    await browser.close();
    await served.close();
  }
});
