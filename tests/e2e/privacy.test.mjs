// Issue 22: drafts belong to one user. Two hospitals' clerks share one
// browser: the first types a patient and leaves (the session ends, or they
// log out); the second never sees that patient, the browser's store holds
// no patient data in clear, the first finds the draft again, and an
// explicit logout — after a warning — deletes it.
import assert from 'node:assert/strict';
import { request } from 'playwright-core';
import { login } from './accounts.test.mjs';
import { fillNotification } from './fristbrudd.test.mjs';
import { clearDrafts } from './harness.mjs';

const PASSWORD = 'et-langt-passord';
const FNR = '01019010046';

/** A second hospital and its clerk, made by the demo administrator. */
async function secondHospital(base) {
  const api = await request.newContext({ baseURL: base, extraHTTPHeaders: { Origin: base } });
  const admin = await api.post('/api/v1/session', { data: { email: 'admin@helfo.example', password: 'frist-demo-2026' } });
  assert.equal(admin.status(), 201);
  const org = await api.post('/api/v1/organisations', {
    headers: { 'Idempotency-Key': `e2e-org-${Date.now()}` },
    data: { name: 'Vestre Viken HF (e2e)', orgnr: '894166762', kind: 'behandlingssted' },
  });
  const orgId = org.status() === 201
    ? (await org.json()).id
    : (await (await api.get('/api/v1/organisations?limit=200')).json()).items.find((o) => o.orgnr === '894166762').id;
  const user = await api.post('/api/v1/users', {
    headers: { 'Idempotency-Key': `e2e-user-${Date.now()}` },
    data: { name: 'Vera Viken', email: 'vera@viken-e2e.example', role: 'behandlingssted', organisation_id: orgId, password: PASSWORD },
  });
  assert.ok([201, 422].includes(user.status()), `user: ${user.status()} ${await user.text()}`);
  await api.dispose();
  return 'vera@viken-e2e.example';
}

/** Every value in this browser's localStorage, joined. */
const stored = (page) => page.evaluate(() => Object.keys(localStorage).map((k) => `${k}=${localStorage.getItem(k)}`).join('\n'));

/** Logs in and waits until the login page is left (for home, or for the
 * page a session that ended was on). */
async function signIn(page, base, email, password = undefined) {
  await login(page, base, email, password);
  await page.waitForURL((u) => !u.pathname.endsWith('/logg-inn'));
}

async function openForm(page, base) {
  await page.goto(base + '/fristbrudd/ny');
  await page.getByTestId('fb-form').waitFor();
}

export const tests = [{
  name: 'privacy: a draft is readable only by its own user — another hospital on the same browser never sees it, and logging out deletes it after a warning',
  async run({ page, base }) {
    const other = await secondHospital(base);
    await page.clock.setFixedTime(new Date('2026-03-20T10:00:00+01:00'));
    await page.setExtraHTTPHeaders({ 'X-Frist-Today': '2026-03-20' });
    await login(page, base, 'sykehus@innlandet.example');
    await page.locator('[data-testid="home"]').waitFor();
    await openForm(page, base);
    await clearDrafts(page);
    await page.reload();
    await page.getByTestId('fb-form').waitFor();
    await fillNotification(page, FNR);
    const done = () => page.evaluate(() => Number(document.documentElement.dataset.draftsDone ?? 0));
    const before = await done();
    await page.getByLabel('Navn', { exact: true }).fill('Petra Personvern');
    // Wait until the last change is stored (every write begun is done).
    await page.waitForFunction((n) => {
      const d = document.documentElement.dataset;
      return Number(d.draftsDone) > n && d.draftsDone === d.draftsBegun;
    }, before);
    // Stored encrypted: neither the number nor the name is in the store.
    const afterTyping = await stored(page);
    assert.match(afterTyping, /frist\.vault\./);
    assert.ok(!afterTyping.includes(FNR) && !afterTyping.includes('Petra'), afterTyping);

    // The session ends without a logout (the clerk walks away).
    await page.context().clearCookies();
    await signIn(page, base, other, PASSWORD);
    await openForm(page, base);
    assert.equal(await page.getByLabel('Fødselsnummer eller D-nummer').inputValue(), '');
    assert.equal(await page.getByLabel('Navn', { exact: true }).inputValue(), '');
    // The other clerk's logout (nothing unsent) leaves the first one's draft.
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.waitForURL(/\/logg-inn$/);

    // The first clerk finds the draft again.
    await signIn(page, base, 'sykehus@innlandet.example');
    await openForm(page, base);
    assert.equal(await page.getByLabel('Fødselsnummer eller D-nummer').inputValue(), FNR);
    assert.equal(await page.getByLabel('Navn', { exact: true }).inputValue(), 'Petra Personvern');

    // An explicit logout warns about the unsent draft; "no" keeps it ...
    page.once('dialog', (d) => { assert.match(d.message(), /utkast som ikke er sendt/); d.dismiss(); });
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.getByTestId('fb-form').waitFor();
    assert.match(page.url(), /\/fristbrudd\/ny$/);
    // ... "yes" logs out and deletes it from this browser.
    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.waitForURL(/\/logg-inn$/);
    await signIn(page, base, 'sykehus@innlandet.example');
    await openForm(page, base);
    assert.equal(await page.getByLabel('Navn', { exact: true }).inputValue(), '');
  },
}];
