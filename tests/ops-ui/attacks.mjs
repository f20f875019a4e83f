// A signed-in operator's browser under attack, in Debian's headless Chromium. Started by
// tests/IpsApi.IntegrationTests/Ops/DashboardAttackBrowserTests.cs with:
//   OPS_URL, OPS_EMAIL, OPS_PASSWORD  the dashboard and an IpsAdmin account
//   SCENARIO=published-file           EVIL_URLS (comma-separated delivery URLs of published HTML/SVG files whose
//                                     scripts try to read /ops), DELIVERY_PAGE (a delivery URL a browser shows)
//   SCENARIO=job-name                 OPS_JOB (a scheduled job whose name is script in disguise)
// Prints one line per step it saw; exits 1 with the reason when something it must see does not happen.
import { chromium } from 'playwright-core';

const { OPS_URL, OPS_EMAIL, OPS_PASSWORD, SCENARIO } = process.env;
const step = text => console.log(`step: ${text}`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  // The machine has no network: without these Chromium keeps trying to reach Google's services.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({ acceptDownloads: true });
const page = await context.newPage();
page.setDefaultTimeout(60_000);
const violations = [];
page.on('console', message => { if (/Content Security Policy/i.test(message.text())) violations.push(message.text()); });

const signIn = async () => {
  await page.goto(`${OPS_URL}/ops/login`);
  await page.fill('input[name=email]', OPS_EMAIL);
  await page.fill('input[name=password]', OPS_PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForURL(url => url.pathname === '/ops');
  step('signed in');
};

// Opens a published file as a victim would (a link in a mail, a tab): a download, or a page whose script is blocked.
const openEvil = async url => {
  const downloaded = page.waitForEvent('download', { timeout: 5_000 }).then(() => true, () => false);
  const opened = await page.goto(url).then(response => response, error => error);
  const download = await downloaded;
  // Give a script that did start the time to read /ops and report.
  await page.waitForTimeout(2_000);
  const name = url.split('/').pop();
  if (download) {
    step(`${name}: a download, not a page`);
  } else if (opened instanceof Error) {
    step(`${name}: not opened (${opened.message.split('\n')[0]})`);
  } else {
    step(`${name}: opened as ${opened.headers()['content-type']} with CSP '${opened.headers()['content-security-policy'] ?? ''}'`);
  }
};

// Script that does run on the delivery origin (any page there) still cannot read the dashboard.
const probeFromDelivery = async deliveryPage => {
  await page.goto(deliveryPage);
  const result = await page.evaluate(async ops => {
    const read = async (url) => {
      try {
        const response = await fetch(url, { credentials: 'include' });
        const text = await response.text();
        return `${response.status}${/name="__csrf"/.test(text) ? ' with a form token' : ''}`;
      } catch (e) {
        return `refused (${e.name})`;
      }
    };
    return { same: await read('/ops/'), dashboard: await read(`${ops}/ops/`) };
  }, OPS_URL).catch(e => ({ error: e.message }));
  // A sandboxed page (CSP sandbox) has an opaque origin: even the evaluation's own fetches are cross-origin there.
  step(`from the delivery origin: /ops/ -> ${result.same ?? result.error}; dashboard -> ${result.dashboard ?? result.error}`);
  if (/token/.test(JSON.stringify(result))) {
    throw new Error(`a page on the delivery origin read the dashboard: ${JSON.stringify(result)}`);
  }
};

const deleteJobNamedInScript = async job => {
  const dialogs = [];
  page.on('dialog', dialog => { dialogs.push(dialog.message()); dialog.accept(); });
  const row = page.locator('#scheduled tbody tr').filter({ has: page.getByText(job, { exact: true }) });
  await row.waitFor();
  step('the job is listed under its name as text');
  await row.locator('button[data-action=delete]').click();
  await page.waitForURL(url => url.searchParams.has('message') || url.searchParams.has('error'));
  const title = await page.title();
  step(`deleted; asked ${JSON.stringify(dialogs)}; title '${title}'`);
  if (dialogs.length !== 1 || dialogs[0] !== `Delete ${job}?`) {
    throw new Error(`the confirmation was not the job's name as text: ${JSON.stringify(dialogs)}`);
  }
  if (title.startsWith('XSS')) {
    throw new Error(`the job's name ran as script: the title is '${title}'`);
  }
};

try {
  await signIn();
  if (SCENARIO === 'published-file') {
    for (const url of process.env.EVIL_URLS.split(',')) {
      await openEvil(url);
    }
    await probeFromDelivery(process.env.DELIVERY_PAGE);
  } else if (SCENARIO === 'job-name') {
    await page.goto(`${OPS_URL}/ops`);
    await deleteJobNamedInScript(process.env.OPS_JOB);
  } else {
    throw new Error(`unknown SCENARIO '${SCENARIO}'`);
  }
  if (violations.length > 0) {
    step(`the Content-Security-Policy blocked: ${violations.join(' / ')}`);
  }
  step('done');
} catch (e) {
  console.error(`failed: ${e.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
