// Drives the /ops dashboard in Debian's headless Chromium as an operator would: sign in, watch a slow job's
// progress move, pause it, resume it and watch it finish. Started by DashboardBrowserTests.cs with:
//   OPS_URL, OPS_EMAIL, OPS_PASSWORD, OPS_JOB (a slow job already submitted), OPS_SCREENSHOTS (a folder).
// Prints one line per step; exits 1 with the reason when a step does not happen in time.
import { chromium } from 'playwright-core';
import path from 'node:path';

const { OPS_URL, OPS_EMAIL, OPS_PASSWORD, OPS_JOB, OPS_SCREENSHOTS } = process.env;
const timeout = 60_000;
const shot = name => page.screenshot({ path: path.join(OPS_SCREENSHOTS, `${name}.png`), fullPage: true });
const step = text => console.log(`step: ${text}`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  // The machine has no network: without these Chromium keeps trying to reach Google's services.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
page.setDefaultTimeout(timeout);
// The dashboard runs under a strict Content-Security-Policy: anything it blocks is a defect of the page.
const violations = [];
page.on('console', message => { if (/Content Security Policy/i.test(message.text())) violations.push(message.text()); });
try {
  await page.goto(`${OPS_URL}/ops`);
  await page.waitForURL(/\/ops\/login/);
  await page.fill('input[name=email]', OPS_EMAIL);
  await page.fill('input[name=password]', OPS_PASSWORD);
  await shot('1-login');
  await page.click('button[type=submit]');
  await page.waitForURL(url => url.pathname === '/ops');
  step('signed in');

  // Progress moves without a reload: two different readings of the same row.
  const active = page.locator(`#active tr[data-job="${OPS_JOB}"]`);
  await active.waitFor();
  const first = await active.locator('.progress').textContent();
  await page.waitForFunction(([job, before]) => {
    const cell = document.querySelector(`#active tr[data-job="${job}"] .progress`);
    return cell && cell.textContent !== before && !cell.textContent.startsWith('0%');
  }, [OPS_JOB, first], { timeout });
  step(`progress moved: ${first} -> ${await active.locator('.progress').textContent()}`);
  await shot('2-running');

  await active.locator('button[data-action=pause]').click();
  const paused = page.locator(`#scheduled tr[data-job="${OPS_JOB}"][data-state="Paused"]`);
  await paused.waitFor();
  await page.locator(`#recent tr[data-job="${OPS_JOB}"][data-state="Paused"]`).waitFor();
  step('paused');
  await shot('3-paused');

  await paused.locator('button[data-action=resume]').click();
  await page.locator(`#recent tr[data-job="${OPS_JOB}"][data-state="Done"]`).waitFor({ timeout: 90_000 });
  step('finished');
  await shot('4-done');

  await page.locator(`#recent tr[data-job="${OPS_JOB}"][data-state="Done"] a`).click();
  await page.waitForSelector('#details tbody tr');
  await page.selectOption('select[name=type]', 'ReoptimizeSuccess');
  await page.click('.filter button[type=submit]');
  await page.waitForURL(/type=ReoptimizeSuccess/);
  const types = await page.locator('#details tbody tr td:nth-child(2)').allTextContents();
  if (types.length === 0 || types.some(t => t !== 'ReoptimizeSuccess')) {
    throw new Error(`the log filter showed ${JSON.stringify([...new Set(types)])}`);
  }
  step(`log filtered: ${types.length} ReoptimizeSuccess records`);
  await shot('5-log');
  if (violations.length > 0) {
    throw new Error(`the page broke its Content-Security-Policy: ${violations.join(' / ')}`);
  }
  step('no content security policy violations');
} catch (e) {
  console.error(`failed: ${e.message}`);
  await shot('failure').catch(() => {});
  process.exitCode = 1;
} finally {
  await browser.close();
}
