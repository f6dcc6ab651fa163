// `make screenshots`: the main pages as a user sees them, on a fixed date,
// written to docs/screenshots/ for the README. One wrangler dev, one browser.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, startBrowser, root } from './harness.mjs';
import { login } from './accounts.test.mjs';
import { importSample } from './kontroll.test.mjs';

const out = join(root, 'docs/screenshots');
mkdirSync(out, { recursive: true });
const TODAY = '2026-11-23';

const server = await startServer();
const browser = await startBrowser();
const base = server.base;
async function fresh(width = 1280, height = 860) {
  await browser.context.clearCookies();
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height });
  await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00+01:00`));
  await page.setExtraHTTPHeaders({ 'X-Frist-Today': TODAY });
  return page;
}
async function as(page, email) {
  await login(page, base, email);
  await page.locator('[data-testid="home"]').waitFor();
}
async function shot(page, name, opts = {}) {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  await page.screenshot({ path: join(out, `${name}.png`), ...opts });
  console.log(`docs/screenshots/${name}.png`);
}
try {
  let page = await fresh();
  await page.goto(base + '/logg-inn');
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.getByTestId('error-summary').waitFor();
  await shot(page, '01-logg-inn');

  await as(page, 'sykehus@innlandet.example');
  await page.goto(base + '/fristbrudd/ny');
  await page.getByTestId('fb-form').waitFor();
  await page.getByLabel('Fødselsnummer eller D-nummer').fill('15038510191');
  await page.getByLabel('Fristdato').fill('01.12.2026');
  await page.getByLabel('Fristbruddet').selectOption('expected');
  await shot(page, '02-meld-fristbrudd', { fullPage: true });
  await page.close();

  page = await fresh();
  await as(page, 'saksbehandler@helfo.example');
  await page.goto(base + '/fristbrudd/ko');
  await page.locator('table').first().waitFor();
  await shot(page, '03-helfo-ko');
  const first = page.locator('table a[href^="/fristbrudd/saker/"]').first();
  await first.click();
  await page.getByTestId('case-state').waitFor();
  await shot(page, '04-fristbruddsak');
  await page.close();

  page = await fresh();
  await as(page, 'kommune@lillehammer.example');
  await page.goto(base + '/fastlege/ny');
  await page.locator('h1').first().waitFor();
  await shot(page, '05-fastlegemelding');
  await page.goto(base + '/kontroll');
  await importSample(page, { compare: true });
  await page.getByTestId('kontroll-report').screenshot({ path: join(out, '06-kontroll-funn.png') });
  console.log('docs/screenshots/06-kontroll-funn.png');
  await page.getByTestId('peers').screenshot({ path: join(out, '07-kontroll-sammenligning.png') });
  console.log('docs/screenshots/07-kontroll-sammenligning.png');
  await page.close();

  page = await fresh();
  await as(page, 'okonomi@helse-sorost.example');
  await page.goto(base + '/frikort/ny');
  const csv = ['fodselsnummer;transportdato;utbetalingsdato;egenandel',
    '15038510190;02.03.2026;10.03.2026;171,00', '15038510191;02.03.2026;10.03.2026;171,00',
    '01019010046;05.03.2026;01.03.2026;171,00', '15038510190;02.03.2026;10.03.2026;171,00'].join('\n');
  await page.getByLabel('Kravfil').setInputFiles({ name: 'krav.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByTestId('check-report').waitFor();
  await shot(page, '08-frikort-kontroll');
  await page.close();

  page = await fresh(360, 780);
  await as(page, 'sykehus@innlandet.example');
  await shot(page, '09-mobil-forside');
  await page.close();

  // The same service in nynorsk: a case page, chosen with the language switch.
  page = await fresh();
  await as(page, 'sykehus@innlandet.example');
  await page.getByTestId('language').selectOption('nn');
  await page.waitForFunction(() => document.documentElement.lang === 'nn');
  await page.goto(base + '/fristbrudd/saker');
  const own = page.locator('table a[href^="/fristbrudd/saker/"]').first();
  await own.click();
  await page.getByTestId('case-state').waitFor();
  await shot(page, '10-sak-nynorsk');
  await page.evaluate(() => localStorage.removeItem('frist.lang'));
  await page.close();
} finally {
  await browser.close();
  server.stop();
}
