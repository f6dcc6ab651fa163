// Issue 5: a whole fristbrudd case in the browser, on a fixed date (the
// page's clock and the edge's test clock both say Friday 20 March 2026):
// the hospital notifies with live checks and a draft that survives a reload,
// Helfo works the case to "accepted" with only the allowed buttons offered,
// and the hospital is told to remove the patient from its waiting list.
import assert from 'node:assert/strict';
import { clearDrafts } from './harness.mjs';
import { readFileSync } from 'node:fs';
import { login } from './accounts.test.mjs';
import { syntheticFnrs } from '../../bench/fnr.mjs';

const TODAY = '2026-03-20';
const SITE = 'sykehus@innlandet.example';
const HELFO = 'saksbehandler@helfo.example';

/** Sets the page's clock and the edge's test clock to `day` (ISO). */
export async function onDate(page, day) {
  await page.clock.setFixedTime(new Date(`${day}T10:00:00+01:00`));
  await page.setExtraHTTPHeaders({ 'X-Frist-Today': day });
}

export async function loginAs(page, base, email) {
  await login(page, base, email);
  await page.locator('[data-testid="home"]').waitFor();
}

export async function logout(page) {
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await page.waitForURL(/\/logg-inn$/);
}

/** Fills the notification form for patient `fnr` (Kari Nordmann, Ortopedi). */
export async function fillNotification(page, fnr) {
  await page.getByLabel('Fødselsnummer eller D-nummer').fill(fnr);
  await page.getByLabel('Navn', { exact: true }).fill('Kari Nordmann');
  await page.getByLabel('Telefonnummer').fill('912 34 567');
  await page.getByLabel('Fagområde').fill('Ortopedi');
  await page.getByLabel('Henvisningen mottatt').fill('10.01.2026');
  await page.getByLabel('Fristdato').fill('01.04.2026');
  await page.getByLabel('Fristbruddet').selectOption('expected');
  await page.getByLabel('Varsel om fristbrudd sendt til pasienten').fill('01.03.2026');
}

/** Clicks the action button `name` and waits for the case to show `state`. */
export async function act(page, name, state) {
  await page.getByTestId('actions').getByRole('button', { name, exact: true }).click();
  await page.getByTestId('case-state').getByText(state).waitFor();
}

export const tests = [
  {
    name: 'fristbrudd: a hospital notifies, Helfo works the case to accepted, the hospital is told to remove the patient',
    async run({ page, base }) {
      await onDate(page, TODAY);
      await loginAs(page, base, SITE);
      await page.getByRole('link', { name: 'Meld fristbrudd' }).click();
      await page.getByTestId('fb-form').waitFor();
      // FB-1 as the user types: a wrong number is named before any submit.
      await page.getByLabel('Fødselsnummer eller D-nummer').fill('15038510191');
      await page.locator('#fb-patient_fnr-error').waitFor();
      assert.equal(await page.getByLabel('Fødselsnummer eller D-nummer').getAttribute('aria-invalid'), 'true');
      await fillNotification(page, '15038510190');
      await page.locator('#fb-patient_fnr-error').waitFor({ state: 'detached' });
      // The fristdato check, live: 12 days from the fixed today.
      assert.match(await page.getByTestId('frist-check').textContent(), /Fristdatoen 01\.04\.2026 er om 12 dager/);
      // An occurred breach with a future fristdato is refused while typing.
      await page.getByLabel('Fristbruddet').selectOption('occurred');
      await page.locator('#fb-fristdato-error').waitFor();
      await page.getByLabel('Fristbruddet').selectOption('expected');
      // The draft survives a reload.
      await page.reload();
      await page.getByTestId('fb-form').waitFor();
      assert.equal(await page.getByLabel('Fristdato').inputValue(), '01.04.2026');
      assert.equal(await page.getByLabel('Navn', { exact: true }).inputValue(), 'Kari Nordmann');
      await page.getByRole('button', { name: 'Send til Helfo' }).click();
      const receipt = page.getByTestId('receipt');
      await receipt.waitFor();
      const number = (await page.getByTestId('case-number').textContent()).trim();
      assert.match(number, /^FB-2026-\d{6}$/);
      assert.match(await receipt.textContent(), /Første avklaring innen08\.04\.2026/);
      await logout(page);

      // Helfo: the case is in the queue; only allowed transitions are offered.
      await loginAs(page, base, HELFO);
      await page.getByRole('link', { name: 'Kø – fristbrudd' }).click();
      await page.getByRole('link', { name: number }).click();
      await page.getByTestId('actions').waitFor();
      const buttons = async () => page.getByTestId('actions').getByRole('button').allTextContents();
      assert.deepEqual(await buttons(), ['Ta saken']);
      await act(page, 'Ta saken', 'Helfo kontakter pasienten');
      assert.match(await page.getByTestId('deadlines').textContent(), /Helfo kontakter pasienten innen23\.03\.2026/);
      await act(page, 'Pasienten ønsker tilbud', 'Helfo skaffer tilbud');
      assert.ok(!(await buttons()).includes('Formidlet til annen behandler'), 'no forwarding before the documents');
      await page.getByTestId('actions').getByRole('button', { name: 'Dokumentasjon mottatt i posten' }).click();
      await page.getByText('Registrert: Dokumentasjon mottatt i posten.').waitFor();
      await act(page, 'Formidlet til annen behandler', 'Formidlet til annen behandler');
      await act(page, 'Pasienten takket ja', 'Pasienten har takket ja');
      assert.equal(await page.getByTestId('no-actions').count(), 1);
      await logout(page);

      // The hospital: remove the patient from the waiting list (FB-2, FB-8).
      await loginAs(page, base, SITE);
      await page.getByRole('link', { name: 'Fristbruddsaker' }).click();
      await page.getByLabel('Vis').selectOption('accepted');
      await page.getByRole('link', { name: number }).click();
      const action = page.getByTestId('site-action');
      await action.waitFor();
      assert.match(await action.textContent(), /Stryk pasienten fra ventelisten/);
      const history = await page.getByTestId('history').locator('tbody tr').count();
      assert.equal(history, 6);
    },
  },
  {
    name: 'fristbrudd: the browser refuses a file that is not a PDF before sending, then uploads one',
    async run({ page, base }) {
      await onDate(page, TODAY);
      await loginAs(page, base, SITE);
      await page.goto(base + '/fristbrudd/ny');
      await page.getByTestId('fb-form').waitFor();
      await fillNotification(page, '01019010046');
      await page.getByRole('button', { name: 'Send til Helfo' }).click();
      await page.getByTestId('receipt').waitFor();
      await page.getByRole('link', { name: 'Gå til saken' }).click();
      const upload = page.getByTestId('upload-form');
      await upload.waitFor();
      const requests = [];
      page.on('request', (r) => { if (r.method() === 'PUT') requests.push(r.url()); });
      await page.getByLabel(/Henvisning og dokumentasjon/).setInputFiles({
        name: 'henvisning.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>ikke pdf</html>'),
      });
      await upload.getByRole('button', { name: 'Last opp' }).click();
      await page.locator('#fb-document-error').waitFor();
      assert.match(await page.locator('#fb-document-error').textContent(), /ikke en PDF/);
      assert.deepEqual(requests, [], 'nothing was sent');
      await page.getByLabel(/Henvisning og dokumentasjon/).setInputFiles({
        name: 'henvisning.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%%EOF\n'),
      });
      await upload.getByRole('button', { name: 'Last opp' }).click();
      await page.getByText('Dokumentasjonen er lastet opp.').waitFor();
      assert.equal(requests.length, 1);
      assert.match(await page.getByRole('link', { name: /PDF, 1 kB – last ned/ }).textContent(), /PDF/);
      // The cover sheet for the postal route is filled in from the case.
      await page.getByRole('link', { name: /Forside for innsending i posten/ }).click();
      const cover = page.getByTestId('cover-sheet');
      await cover.waitFor();
      assert.match(await cover.textContent(), /01019010046/);
      assert.match(await cover.textContent(), /Postboks 2415, 3104 Tønsberg/);
    },
  },
];

tests.push({
  name: 'fristbrudd: the case\'s deadlines download as an .ics file without patient data, and "Lag kopi" starts a new notification from the case',
  async run({ page, base }) {
    const { number } = await notifyAsSite(page, base, '15038510190');
    await page.getByRole('link', { name: 'Gå til saken' }).click();
    // Notified Friday 20 March: first answer within 10 working days → 3 April
    // is Good Friday, so Wednesday 8 April (FB-11, across Easter).
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('save-ics').click(),
    ]);
    assert.equal(download.suggestedFilename(), `${number}.ics`);
    const ics = readFileSync(await download.path(), 'utf8').replace(/\r\n /g, '');
    assert.match(ics, /^BEGIN:VCALENDAR/);
    assert.match(ics, /DTSTART;VALUE=DATE:20260408/);
    assert.match(ics, new RegExp(`SUMMARY:${number}: Første avklaring innen`));
    for (const personal of ['Kari', 'Nordmann', '15038510190', '912 34 567']) {
      assert.ok(!ics.includes(personal), `${personal} is not in the calendar file`);
    }
    // Lag kopi: the same patient and dates as a new, editable draft.
    await page.getByTestId('copy-case').click();
    await page.waitForURL(/\/fristbrudd\/ny$/);
    await page.getByTestId('fb-form').waitFor();
    assert.equal(await page.getByLabel('Fødselsnummer eller D-nummer').inputValue(), '15038510190');
    assert.equal(await page.getByLabel('Navn', { exact: true }).inputValue(), 'Kari Nordmann');
    assert.equal(await page.getByLabel('Fristdato').inputValue(), '01.04.2026');
    assert.equal(await page.getByLabel('Fristbruddet').inputValue(), 'expected');
    // A started draft is not overwritten without asking; "no" keeps it.
    await page.getByLabel('Fagområde').fill('Kardiologi');
    await page.goBack();
    await page.getByTestId('copy-case').waitFor();
    page.once('dialog', (d) => d.dismiss());
    await page.getByTestId('copy-case').click();
    await page.goto(base + '/fristbrudd/ny');
    await page.getByTestId('fb-form').waitFor();
    assert.equal(await page.getByLabel('Fagområde').inputValue(), 'Kardiologi');
    await clearDrafts(page);
  },
});

tests.push({
  name: 'fristbrudd: leaving the form while its open-case check is on its way is no error when the answer comes (CI flake of 5 December)',
  async run({ page, base }) {
    await onDate(page, TODAY);
    await loginAs(page, base, SITE);
    // The check is held until the form is gone, whatever the machine's speed.
    let release;
    const held = new Promise((r) => { release = r; });
    let asked;
    const seen = new Promise((r) => { asked = r; });
    await page.route('**/api/v1/fristbrudd/patient-check', async (route) => {
      asked();
      await held;
      await route.continue();
    });
    await page.getByRole('link', { name: 'Meld fristbrudd' }).first().click();
    await page.getByTestId('fb-form').waitFor();
    await clearDrafts(page);
    await page.getByLabel('Fødselsnummer eller D-nummer').fill('15038510190');
    await seen;
    await page.goBack();
    await page.locator('[data-testid="home"]').waitFor();
    const answered = page.waitForResponse('**/api/v1/fristbrudd/patient-check');
    release();
    await answered;
    // Two frames later the app has handled the answer (any panic is a page error).
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.unroute('**/api/v1/fristbrudd/patient-check');
  },
});

/** Notifies `fnr` as the hospital on 20 March (a fresh draft); the new
 * case's number and page. */
export async function notifyAsSite(page, base, fnr) {
  await onDate(page, TODAY);
  await loginAs(page, base, SITE);
  await page.goto(base + '/fristbrudd/ny');
  await page.getByTestId('fb-form').waitFor();
  await clearDrafts(page);
  await page.reload();
  await page.getByTestId('fb-form').waitFor();
  await fillNotification(page, fnr);
  await page.getByRole('button', { name: 'Send til Helfo' }).click();
  await page.getByTestId('receipt').waitFor();
  return {
    number: (await page.getByTestId('case-number').textContent()).trim(),
    path: await page.getByRole('link', { name: 'Gå til saken' }).getAttribute('href'),
  };
}

/** Opens the case at `path` (the receipt's link). */
export async function openCase(page, base, path) {
  await page.goto(base + path);
  await page.getByTestId('case-state').waitFor();
}

tests.push({
  name: 'fristbrudd: a patient Helfo cannot reach is still helped — not reached after 3 days, a letter, the site\'s PDF, forwarded (seed 000, steps 2–4)',
  async run({ page, base }) {
    const { path } = await notifyAsSite(page, base, syntheticFnrs(40)[31]);
    await logout(page);
    await loginAs(page, base, HELFO);
    await openCase(page, base, path);
    const buttons = async () => page.getByTestId('actions').getByRole('button').allTextContents();
    await act(page, 'Ta saken', 'Helfo kontakter pasienten');
    // The 3 days have not passed: "not reached" is not offered yet.
    assert.ok(!(await buttons()).includes('Ikke nådd'));
    // Monday 23 March, the contact deadline: it is.
    await onDate(page, '2026-03-23');
    await page.reload();
    await page.getByTestId('actions').waitFor();
    await act(page, 'Ikke nådd', 'Pasienten ikke nådd');
    const letter = page.getByTestId('letter-form');
    // A letter dated before the case was taken up: the page says so at the
    // field, as the edge would, and sends nothing.
    await letter.getByLabel('Brev sendt til pasienten').fill('19.03.2026');
    await letter.getByRole('button', { name: 'Registrer brev sendt' }).click();
    await page.locator('#fb-letter-sent-error').waitFor();
    // The same sentence as the edge's answer for that date, and no reply
    // deadline promised for a date that will be refused (issue 24).
    const said = (await page.locator('#fb-letter-sent-error').textContent()).trim();
    assert.equal(said, 'Brevdatoen må være fra 20.03.2026, da saken ble tatt, til og med i dag, 23.03.2026.');
    assert.equal((await page.getByTestId('reply-preview').textContent()).trim(), '');
    const edge = await page.evaluate(async (p) => {
      const id = p.split('/').pop();
      const etag = (await fetch(`/api/v1/fristbrudd/cases/${id}`)).headers.get('etag');
      const r = await fetch(`/api/v1/fristbrudd/cases/${id}/events`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'if-match': etag },
        body: JSON.stringify({ event: 'letter_sent', sent: '19.03.2026' }) });
      return { status: r.status, body: await r.json() };
    }, path);
    assert.equal(edge.status, 422);
    assert.deepEqual(edge.body.issues.map((i) => `${i.path}:${i.code}`), ['sent:letter_date_invalid']);
    assert.deepEqual([edge.body.issues[0].params.min, edge.body.issues[0].params.max], ['20.03.2026', '23.03.2026']);
    await letter.getByLabel('Brev sendt til pasienten').fill('23.03.2026');
    await page.locator('#fb-letter-sent-error').waitFor({ state: 'detached' });
    await letter.getByRole('button', { name: 'Registrer brev sendt' }).click();
    await page.getByTestId('case-state').getByText('Brev sendt til pasienten').waitFor();
    assert.ok(!(await buttons()).includes('Formidlet til annen behandler'), 'not before the documents');
    await logout(page);

    // The hospital is asked for the documentation, with no invented date.
    await loginAs(page, base, SITE);
    await openCase(page, base, path);
    const action = await page.getByTestId('site-action').textContent();
    assert.match(action, /Last opp henvisning og nødvendig medisinsk dokumentasjon \(én PDF\) så snart som mulig/);
    await page.getByLabel(/Henvisning og dokumentasjon/).setInputFiles({
      name: 'henvisning.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%%EOF\n'),
    });
    await page.getByTestId('upload-form').getByRole('button', { name: 'Last opp' }).click();
    await page.getByText('Dokumentasjonen er lastet opp.').waitFor();
    await logout(page);

    // Helfo forwards the patient although the patient never answered.
    await loginAs(page, base, HELFO);
    await openCase(page, base, path);
    await act(page, 'Formidlet til annen behandler', 'Formidlet til annen behandler');
    await logout(page);
    await loginAs(page, base, SITE);
    await openCase(page, base, path);
    assert.match(await page.getByTestId('case-state').textContent(), /Formidlet til annen behandler/);
  },
});

tests.push({
  name: 'fristbrudd: the site reports an appointment, Helfo contacts the patient and closes the case; a past date is refused at the field (FB-8)',
  async run({ page, base }) {
    const { path } = await notifyAsSite(page, base, syntheticFnrs(40)[32]);
    await page.getByRole('link', { name: 'Gå til saken' }).click();
    const form = page.getByTestId('appointment-form');
    await form.waitFor();
    // 1 January 2020, before the referral: refused in the page, nothing sent.
    await form.getByLabel('Vi har funnet time til pasienten').fill('01.01.2020');
    await form.getByRole('button', { name: 'Meld timen til Helfo' }).click();
    await page.locator('#fb-appointment-error').waitFor();
    assert.match(await page.locator('#fb-appointment-error').textContent(), /før i dag/);
    // Within the fristdato (1 April): variant 1 is named before sending.
    await form.getByLabel('Vi har funnet time til pasienten').fill('31.03.2026');
    await form.getByText(/Timen er innen fristdatoen/).waitFor();
    await form.getByRole('button', { name: 'Meld timen til Helfo' }).click();
    await page.getByText('Timen er meldt til Helfo.').waitFor();
    // The case is not stopped by the report: Helfo has to act on it.
    assert.match(await page.getByTestId('site-action').textContent(), /Helfo kontakter pasienten om timen dere fant/);
    await logout(page);

    await loginAs(page, base, HELFO);
    await openCase(page, base, path);
    assert.match(await page.getByTestId('site-appointment').textContent(), /Behandlingsstedet har meldt time 31\.03\.2026/);
    const buttons = await page.getByTestId('actions').getByRole('button').allTextContents();
    assert.deepEqual(buttons, ['Avslutt – pasienten får time hos behandlingsstedet']);
    await act(page, 'Avslutt – pasienten får time hos behandlingsstedet', 'Behandlingsstedet fant time');
    await logout(page);
    await loginAs(page, base, SITE);
    await openCase(page, base, path);
    assert.match(await page.getByTestId('site-action').textContent(), /Saken er stoppet. Pasienten blir stående på ventelisten/);
  },
});
