// Issue 6: a municipality clerk on a fixed date (Thursday 24 September 2026,
// the page's clock and the edge's test clock) reports a termination, then a
// late new GP replacing it: the form shows the timeline and class II with its
// consequences before sending, and sends it. A list change whose numbers do
// not add up cannot be sent.
import assert from 'node:assert/strict';
import { clearDrafts } from './harness.mjs';
import { login } from './accounts.test.mjs';

const TODAY = '2026-09-24';

async function start(page, base) {
  await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00+02:00`));
  await page.setExtraHTTPHeaders({ 'X-Frist-Today': TODAY });
  await login(page, base, 'kommune@lillehammer.example');
  await page.locator('[data-testid="home"]').waitFor();
  await page.getByRole('link', { name: 'Melding til fastlegeregisteret' }).click();
  await page.getByTestId('fl-form').waitFor();
}

/** "Se over og send": the review lists what will be sent; then it is sent. */
async function reviewAndSend(page) {
  await page.getByRole('button', { name: 'Se over og send' }).click();
  const review = page.getByTestId('review');
  await review.waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'fl-review');
  await review.getByRole('button', { name: 'Send til Helfo' }).click();
}

async function contact(page) {
  await page.getByLabel('Telefon').fill('61 05 00 00');
}

export const tests = [
  {
    name: 'fastlege: a late new GP shows class II and its consequences before it is sent',
    async run({ page, base }) {
      await start(page, base);
      // The termination: notice 2 March → last working day 30 September.
      await page.getByLabel('Hva vil du melde?').selectOption('termination');
      await page.getByLabel('Fastlegens navn').fill('Ola Gammel');
      await page.getByLabel('Fastlegens HPR-nummer').fill('9144892');
      await page.getByLabel('Legekontor').fill('Storgata legesenter');
      await page.getByLabel('Oppsigelsen er gitt').fill('02.03.2026');
      await contact(page);
      // FL-2: a comment to Helfo (seed 003: «Gjerne med utfyllende kommentar»).
      await page.getByLabel('Kommentar til Helfo (valgfritt)').fill('Legen går over i 50 % stilling på legevakten.');
      const timeline = page.getByTestId('timeline');
      await timeline.waitFor();
      assert.match(await timeline.textContent(), /30\.09\.2026 Den gamle avtalen avsluttes/);
      // "Se over og send": nothing goes before the review, which lists what
      // was typed in the form's own words; "Endre" goes back with it kept.
      await page.getByRole('button', { name: 'Se over og send' }).click();
      const review = page.getByTestId('review');
      await review.waitFor();
      assert.match(await review.textContent(), /Fastlegens navnOla Gammel/);
      assert.match(await review.textContent(), /Hva vil du melde\?Oppsigelse av fastlegeavtale/);
      await review.getByRole('button', { name: 'Endre' }).click();
      await review.waitFor({ state: 'detached' });
      assert.equal(await page.getByLabel('Fastlegens navn').inputValue(), 'Ola Gammel');
      await reviewAndSend(page);
      await page.getByTestId('receipt').waitFor();
      const termination = (await page.getByTestId('message-number').textContent()).trim();
      assert.match(termination, /^FL-2026-\d{6}$/);
      // "Lag kopi" from the list: the sent form comes back as a new draft.
      await page.goto(base + '/fastlege/meldinger');
      await page.getByRole('button', { name: `Lag kopi av ${termination}` }).click();
      await page.getByTestId('fl-form').waitFor();
      assert.equal(await page.getByLabel('Fastlegens navn').inputValue(), 'Ola Gammel');
      assert.equal(await page.getByLabel('Oppsigelsen er gitt').inputValue(), '02.03.2026');
      await page.goto(base + '/fastlege/meldinger');

      // The new GP, one week before the old agreement ends.
      await page.getByRole('link', { name: 'Send en ny melding' }).click();
      await page.getByTestId('fl-form').waitFor();
      await clearDrafts(page);
      await page.reload();
      await page.getByTestId('fl-form').waitFor();
      await page.getByLabel('Hva vil du melde?').selectOption('new_gp');
      await page.getByLabel('Fastlegens navn').fill('Nils Ny');
      await page.getByLabel('Fastlegens HPR-nummer').fill('9144893');
      await page.getByLabel('Legekontor').fill('Storgata legesenter');
      await page.getByLabel('Oppstart').fill('01.10.2026');
      await page.getByLabel('Listetak').fill('1100');
      const replaces = page.getByLabel('Erstatter avtalen (valgfritt)');
      await replaces.locator('option', { hasText: termination }).waitFor({ state: 'attached' });
      await replaces.selectOption({ label: (await replaces.locator('option', { hasText: termination }).textContent()).trim() });
      await page.getByLabel('Innbyggere som flyttes til listen').fill('1050');
      await contact(page);
      // FL-9: moving 1,050 citizens is confirmed in words, as on a list change.
      await page.getByLabel(/Jeg bekrefter: 1050 innbyggere flyttes til Nils Ny\. Dette kan ikke angres\./).check();
      // Before sending: the timeline, class II and what it means for citizens.
      const klass = page.getByTestId('timing-class');
      await klass.waitFor();
      assert.match(await klass.textContent(), /Tidsklasse II/);
      assert.match(await klass.textContent(), /først etter at de er flyttet/);
      const line = await page.getByTestId('timeline').textContent();
      assert.match(line, /28\.09\.2026 Forventet registrert/);
      assert.match(line, /16\.09\.2026 14 dager før avslutning/);
      assert.match(await page.getByTestId('warnings').textContent(), /senest 20\.08\.2026/);
      await reviewAndSend(page);
      const receipt = page.getByTestId('receipt');
      await receipt.waitFor();
      assert.match(await receipt.getByTestId('timing-class').textContent(), /Tidsklasse II/);
      // Helfo sees it as class II.
      await page.getByRole('button', { name: 'Logg ut' }).click();
      await page.waitForURL(/\/logg-inn$/);
      await login(page, base, 'saksbehandler@helfo.example');
      await page.locator('[data-testid="home"]').waitFor();
      await page.getByRole('link', { name: 'Innkomne fastlegemeldinger' }).click();
      // The termination's comment is shown to Helfo with the message.
      const ended = page.getByTestId('message-table').locator('tr', { hasText: 'Ola Gammel' });
      await ended.waitFor();
      assert.match(await ended.getByTestId('message-comment').textContent(), /Kommentar: Legen går over i 50 % stilling/);
      // Overdue at a glance: the demo termination was to be registered by
      // 19 May; on 24 September it is 128 days overdue. The new GP is due
      // on Monday the 28th.
      const old = page.getByTestId('message-table').locator('tr', { hasText: 'FL-2026-000001' });
      assert.equal(await old.getByTestId('due-tag').textContent(), 'Forfalt for 128 dager');
      assert.equal(await old.getByTestId('due-tag').getAttribute('data-due'), 'overdue');
      const row = page.getByTestId('message-table').locator('tr', { hasText: 'Nils Ny' });
      await row.waitFor();
      assert.match(await row.textContent(), /II/);
      assert.equal(await row.getByTestId('due-tag').textContent(), 'Forfaller om 4 dager');
      // Registration is never one click in a list: the list has no such
      // button; the message's own page asks first and says what follows.
      assert.equal(await page.getByTestId('message-table').getByRole('button', { name: /Registrer/ }).count(), 0);
      await row.getByRole('link', { name: /^FL-2026-/ }).click();
      await page.getByTestId('message-facts').waitFor();
      await page.getByRole('button', { name: 'Registrer' }).click();
      const dialog = page.getByRole('dialog', { name: /^Registrere FL-2026-\d{6}\?$/ });
      await dialog.waitFor();
      assert.match(await dialog.textContent(), /offentlig med en gang\. Det kan ikke angres\. 1050 innbyggere får brev/);
      // The safe answer has the focus; cancelling changes nothing.
      assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Avbryt');
      await dialog.getByRole('button', { name: 'Avbryt' }).click();
      await dialog.waitFor({ state: 'hidden' });
      assert.match(await page.getByTestId('message-status').textContent(), /^Sendt/);
      await page.getByRole('button', { name: 'Registrer' }).click();
      await dialog.getByRole('button', { name: 'Registrer' }).click();
      await page.getByText(/er registrert\. 1050 brev til innbyggere\./).waitFor();
      assert.match(await page.getByTestId('message-status').textContent(), /^Registrert/);
      assert.equal(await page.getByRole('button', { name: 'Registrer' }).count(), 0);
    },
  },
  {
    name: 'fastlege: a list change whose numbers do not add up cannot be sent',
    async run({ page, base }) {
      await start(page, base);
      await page.getByLabel('Hva vil du melde?').selectOption('list_size');
      await page.getByLabel('Fastlegens navn').fill('Per Olsen');
      await page.getByLabel('Fastlegens HPR-nummer').fill('9144889');
      await page.getByLabel('Gjelder fra').fill('01.01.2027');
      await page.getByLabel('Innbyggere på listen nå').fill('1200');
      await page.getByLabel('Nytt listetak').fill('1000');
      await page.getByLabel('Innbyggere som skal flyttes').fill('150');
      await page.getByLabel('Flyttes til').fill('Dr. Hansen');
      await contact(page);
      await page.locator('#fl-citizens_moved-error').waitFor();
      assert.match(await page.locator('#fl-citizens_moved-error').textContent(), /200 innbyggere må flyttes/);
      const posts = [];
      page.on('request', (r) => { if (r.method() === 'POST' && r.url().includes('/fastlege/')) posts.push(r.url()); });
      await page.getByRole('button', { name: 'Se over og send' }).click();
      await page.getByTestId('error-summary').waitFor();
      assert.equal(await page.getByTestId('review').count(), 0, 'no review of a form with errors');
      assert.deepEqual(posts, []);
      // Right numbers: the consequence must be confirmed in words first.
      await page.getByLabel('Innbyggere som skal flyttes').fill('200');
      const confirm = page.getByLabel(/Jeg bekrefter: 200 innbyggere flyttes til Dr\. Hansen\./);
      await confirm.waitFor();
      await page.getByRole('button', { name: 'Se over og send' }).click();
      await page.locator('#fl-confirmed-error').waitFor();
      assert.deepEqual(posts, []);
      await confirm.check();
      // A list change takes effect (it does not "start"), and no timing
      // class applies to it: said, not left blank.
      assert.match(await page.getByTestId('timeline').textContent(), /01\.01\.2027 Endringen gjelder fra/);
      await page.getByTestId('no-class').waitFor();
      await reviewAndSend(page);
      await page.getByTestId('receipt').waitFor();
      assert.equal(posts.length, 1);
    },
  },
];
