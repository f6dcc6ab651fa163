// Issue 25: signing in the way health and municipal staff do — through
// HelseID and ID-porten (here: the local stand-ins the harness starts,
// scripts/local-op/op.mjs, which speak the same protocol).
import assert from 'node:assert/strict';
import { login } from './accounts.test.mjs';

/** Logging out asks first when this browser holds the user's unsent
 * drafts (an earlier test may have left one): the answer here is yes. */
function acceptLogoutQuestion(page) {
  page.on('dialog', (d) => d.accept());
}

/** Chooses `person` on the local provider's page. */
async function choosePerson(page, person) {
  await page.getByRole('heading', { name: /lokal testutgave/ }).waitFor();
  await page.getByRole('button', { name: person }).click();
}

export const tests = [
  {
    name: 'oidc: Logg inn med HelseID lands a hospital clerk on her front page, and logging out ends both sessions',
    async run({ page, base }) {
      acceptLogoutQuestion(page);
      await page.goto(base + '/logg-inn');
      await page.getByRole('link', { name: 'Logg inn med HelseID' }).click();
      await choosePerson(page, 'Siri Sykehus');
      await page.waitForURL(`${base}/`);
      await page.locator('[data-testid="home"]').waitFor();
      assert.match(await page.locator('.frist-user').textContent(), /Siri Sykehus/);
      // The hospital's own front page: its shortcut to report a breach.
      await page.getByRole('link', { name: 'Meld fristbrudd' }).waitFor();

      // Logging out ends frist's session and then the provider's, which
      // sends the browser back to the login page.
      await page.getByRole('button', { name: 'Logg ut' }).click();
      await page.waitForURL(/\/logg-inn$/);
      const me = await page.evaluate(async () => (await fetch('/api/v1/session')).status);
      assert.equal(me, 401);
      // The provider's session ended too: signing in again asks who.
      await page.getByRole('link', { name: 'Logg inn med HelseID' }).click();
      await page.getByRole('heading', { name: /lokal testutgave/ }).waitFor();
    },
  },
  {
    name: 'oidc: Logg inn med ID-porten signs in a municipal clerk; a person nobody linked is told whom to ask',
    async run({ page, base }) {
      acceptLogoutQuestion(page);
      await page.goto(base + '/logg-inn');
      await page.getByRole('link', { name: 'Logg inn med ID-porten' }).click();
      await choosePerson(page, 'Kari Kommune');
      await page.locator('[data-testid="home"]').waitFor();
      assert.match(await page.locator('.frist-user').textContent(), /Kari Kommune/);
      await page.getByRole('button', { name: 'Logg ut' }).click();
      await page.waitForURL(/\/logg-inn$/);

      await page.getByRole('link', { name: 'Logg inn med ID-porten' }).click();
      await choosePerson(page, 'Per Ukoblet');
      await page.waitForURL(/\/logg-inn\?innlogging=not_linked$/);
      const refusal = page.getByTestId('provider-refused');
      assert.match(await refusal.textContent(), /ikke tilgang til frist.*Helfo/);
      assert.equal(await refusal.getAttribute('role'), 'alert');
      // Too low a level is refused with its own words. (Another person at
      // the same computer: the provider's single sign-on would otherwise
      // bring Per back without asking.)
      await page.context().clearCookies();
      await page.getByRole('link', { name: 'Logg inn med ID-porten' }).click();
      await choosePerson(page, 'Sven Substansiell');
      await page.waitForURL(/innlogging=level$/);
      assert.match(await page.getByTestId('provider-refused').textContent(), /for lavt sikkerhetsnivå/);
    },
  },
  {
    name: 'oidc: the administrator links a person to a user, who can then sign in as that user',
    async run({ page, base }) {
      acceptLogoutQuestion(page);
      await login(page, base, 'admin@helfo.example');
      await page.locator('[data-testid="home"]').waitFor();
      await page.goto(base + '/admin/brukere');
      await page.getByTestId('user-table').waitFor();
      await page.getByLabel('Bruker', { exact: true }).selectOption({ label: 'Kari Kommune (kommune@lillehammer.example)' });
      const table = page.getByTestId('identity-table');
      await table.getByText('158385 *****').waitFor();
      await page.getByLabel('Innloggingstjeneste').selectOption('idporten');
      await page.getByLabel('Kjennes igjen på').selectOption('pid');
      // A wrong number is refused at its field before anything is sent.
      await page.getByLabel('Verdi').fill('07916540073');
      await page.getByRole('button', { name: 'Koble til brukeren' }).click();
      await page.getByText('Kontrollsifferet stemmer ikke').first().waitFor();
      await page.getByLabel('Verdi').fill('07916540072');
      await page.getByRole('button', { name: 'Koble til brukeren' }).click();
      await page.getByTestId('identity-done').waitFor();
      await table.getByText('079165 *****').waitFor();
      assert.equal(await page.getByText('07916540072').count(), 0, 'the number is shown masked');
      await page.getByRole('button', { name: 'Logg ut' }).click();
      await page.waitForURL(/\/logg-inn$/);

      await page.getByRole('link', { name: 'Logg inn med ID-porten' }).click();
      await choosePerson(page, 'Per Ukoblet');
      await page.locator('[data-testid="home"]').waitFor();
      assert.match(await page.locator('.frist-user').textContent(), /Kari Kommune/);
    },
  },
];
