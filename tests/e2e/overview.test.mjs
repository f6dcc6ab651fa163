// Issue 24, a day's work in the browser: Helfo's front page counts the work
// and every count opens exactly the items it counted; the number search in
// the menu opens a case (or says why not); emptying a form asks first.
// On Wednesday 2 December 2026 (the page's clock and the edge's test
// clock), when the demo cases and whatever earlier tests left are due.
import assert from 'node:assert/strict';
import { login } from './accounts.test.mjs';
import { clearDrafts } from './harness.mjs';

const TODAY = '2026-12-02';
const HELFO = 'saksbehandler@helfo.example';
const SITE = 'sykehus@innlandet.example';

async function start(page, base, email) {
  await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00+01:00`));
  await page.setExtraHTTPHeaders({ 'X-Frist-Today': TODAY });
  await login(page, base, email);
  await page.locator('[data-testid="home"]').waitFor();
}

/** The number a card's count line shows (`data-count` names the line). */
async function count(card, key) {
  const text = await card.locator(`[data-count="${key}"]`).textContent();
  return Number(text.match(/^\s*(\d+)/)[1]);
}

export const tests = [
  {
    name: 'overview: Helfo\'s front page counts the work, and each count opens exactly what it counted',
    async run({ page, base }) {
      await start(page, base, HELFO);
      const overview = page.getByTestId('overview');
      await overview.waitFor();
      const fb = overview.locator('[data-area="fristbrudd"]');
      const overdue = await count(fb, 'home.overdue');
      // The demo's FB-2026-000004 (contact deadline 20 November) at least.
      assert.ok(overdue >= 1, `overdue cases: ${overdue}`);
      await fb.locator('[data-count="home.overdue"]').getByRole('link').click();
      await page.getByTestId('list-filter').waitFor();
      const rows = page.getByTestId('case-table').locator('tbody tr');
      await rows.first().waitFor();
      assert.equal(await rows.count(), overdue);
      for (const tag of await page.getByTestId('case-table').getByTestId('due-tag').all()) {
        assert.equal(await tag.getAttribute('data-due'), 'overdue');
      }
      assert.match(await page.getByTestId('case-table').textContent(), /FB-2026-000004.*Forfalt for 12 dager/s);
      // "Vis alle" lifts the filter.
      await page.getByTestId('list-filter').getByRole('link', { name: 'Vis alle' }).click();
      await page.getByTestId('list-filter').waitFor({ state: 'detached' });

      // Fastlege: the count of messages past their registration date.
      await page.goto(base + '/');
      const fl = page.getByTestId('overview').locator('[data-area="fastlege"]');
      await fl.waitFor();
      const late = await count(fl, 'home.overdue');
      assert.ok(late >= 2, `overdue messages: ${late}`);
      await fl.locator('[data-count="home.overdue"]').getByRole('link').click();
      await page.getByTestId('list-filter').waitFor();
      const messages = page.getByTestId('message-table').locator('tbody tr');
      await messages.first().waitFor();
      assert.equal(await messages.count(), late);
      // The chase count is the chase list.
      await page.goto(base + '/');
      const chase = await count(page.getByTestId('overview').locator('[data-area="fastlege"]'), 'home.chase_helfo');
      await page.getByTestId('overview').locator('[data-count="home.chase_helfo"]').getByRole('link').click();
      const chased = page.locator('table tbody tr');
      if (chase > 0) await chased.first().waitFor();
      assert.equal(await chased.count(), chase);
    },
  },
  {
    name: 'overview: a number typed in the menu\'s search opens its case; one that is not there is said so',
    async run({ page, base }) {
      await start(page, base, HELFO);
      const search = page.getByTestId('header-search');
      await search.getByLabel('Finn sak, melding eller krav').fill('fb-2026-5');
      await search.getByRole('button', { name: 'Søk' }).click();
      await page.getByRole('heading', { name: 'Sak FB-2026-000005' }).waitFor();
      assert.match(page.url(), /\/fristbrudd\/saker\/fb_demo_5$/);
      // The user is taken to the page, not left in the search field.
      await page.waitForFunction(() => document.activeElement?.closest('#main') !== null);
      // The breadcrumbs say where the page stands; the back link returns to
      // where the search was made.
      const crumbs = page.getByRole('navigation', { name: 'Du er her' });
      assert.deepEqual((await crumbs.locator('li').allTextContents()).map((t) => t.trim()),
        ['Forside', 'Fristbrudd', 'FB-2026-000005']);
      assert.equal(await page.getByRole('link', { name: 'Tilbake til forsiden' }).count(), 1);
      await search.getByLabel('Finn sak, melding eller krav').fill('FB-2026-999999');
      await search.getByRole('button', { name: 'Søk' }).click();
      const error = page.locator('#header-search-error');
      await error.waitFor();
      assert.equal((await error.textContent()).trim(),
        'Fant ingen sak, melding eller krav med nummeret FB-2026-999999 som du har tilgang til.');
      await search.getByLabel('Finn sak, melding eller krav').fill('12345');
      await search.getByRole('button', { name: 'Søk' }).click();
      await page.locator('#header-search-error').getByText(/Skriv et nummer fra frist/).waitFor();
      assert.equal(await search.getByLabel('Finn sak, melding eller krav').getAttribute('aria-invalid'), 'true');
    },
  },
  {
    name: 'overview: a hospital\'s search finds its own case but not a municipality\'s message',
    async run({ page, base }) {
      await start(page, base, SITE);
      const site = page.getByTestId('overview').locator('[data-area="fristbrudd"]');
      await site.waitFor();
      assert.ok((await count(site, 'home.open_cases')) >= 2);
      const search = page.getByTestId('header-search');
      await search.getByLabel('Finn sak, melding eller krav').fill('FL-2026-000001');
      await search.getByRole('button', { name: 'Søk' }).click();
      await page.locator('#header-search-error').getByText(/Fant ingen sak/).waitFor();
      await search.getByLabel('Finn sak, melding eller krav').fill('FB-2026-000004');
      await search.getByRole('button', { name: 'Søk' }).click();
      await page.getByRole('heading', { name: 'Sak FB-2026-000004' }).waitFor();
    },
  },
  {
    name: 'the error summary lists the fields in the order the form shows them',
    async run({ page, base }) {
      await start(page, base, SITE);
      await page.goto(base + '/fristbrudd/ny');
      await page.getByTestId('fb-form').waitFor();
      await clearDrafts(page);
      await page.reload();
      await page.getByTestId('fb-form').waitFor();
      await page.getByRole('button', { name: 'Send til Helfo' }).click();
      const summary = page.getByTestId('error-summary');
      await summary.waitFor();
      const inOrder = await summary.evaluate((el) => {
        const fields = [...el.querySelectorAll('a')].map((a) => document.getElementById(a.getAttribute('href').slice(1)));
        return fields.length > 3 && fields.every((f, i) => f && (i === 0
          || (fields[i - 1].compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0));
      });
      assert.equal(inOrder, true);
    },
  },
  {
    name: 'confirm: emptying the notification form asks first, and cancelling keeps what was typed',
    async run({ page, base }) {
      await start(page, base, SITE);
      await page.goto(base + '/fristbrudd/ny');
      await page.getByTestId('fb-form').waitFor();
      await clearDrafts(page);
      await page.getByLabel('Navn', { exact: true }).fill('Kari Nordmann');
      await page.getByRole('button', { name: 'Tøm skjemaet' }).click();
      const dialog = page.getByRole('dialog', { name: 'Tømme skjemaet?' });
      await dialog.waitFor();
      assert.match(await dialog.textContent(), /kan ikke hentes tilbake/);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      assert.equal(await page.getByLabel('Navn', { exact: true }).inputValue(), 'Kari Nordmann');
      await page.getByRole('button', { name: 'Tøm skjemaet' }).click();
      await dialog.getByRole('button', { name: 'Tøm skjemaet' }).click();
      await dialog.waitFor({ state: 'hidden' });
      assert.equal(await page.getByLabel('Navn', { exact: true }).inputValue(), '');
    },
  },
];
