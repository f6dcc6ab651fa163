// Issue 4: each role logs in and lands on its own front page; refusals are
// clear and say nothing about whether the account exists; an administrator
// creates a user who can then log in; logging out ends the session.
import assert from 'node:assert/strict';

const PASSWORD = 'frist-demo-2026';
const ROLES = [
  { role: 'behandlingssted', email: 'sykehus@innlandet.example', title: 'Fristbrudd' },
  { role: 'kommune', email: 'kommune@lillehammer.example', title: 'Fastlegeordningen' },
  { role: 'hf', email: 'okonomi@helse-sorost.example', title: 'Frikort – refusjonskrav' },
  { role: 'helfo', email: 'saksbehandler@helfo.example', title: 'Saksbehandling i Helfo' },
  { role: 'helfo_admin', email: 'admin@helfo.example', title: 'Saksbehandling i Helfo' },
];

export async function login(page, base, email, password = PASSWORD) {
  await page.goto(base + '/logg-inn');
  await page.getByLabel('E-postadresse').fill(email);
  await page.getByLabel('Passord').fill(password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
}

async function logout(page) {
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await page.waitForURL(/\/logg-inn$/);
}

export const tests = [
  ...ROLES.map(({ role, email, title }) => ({
    name: `${role} logs in and sees the ${role} front page`,
    async run({ page, base }) {
      await login(page, base, email);
      const home = page.locator(`[data-testid="home"][data-role="${role}"]`);
      await home.waitFor();
      assert.equal(await home.locator('h1').textContent(), title);
      assert.match(await page.getByTestId('who').textContent(), /·/);
      const adminLinks = await page.getByRole('link', { name: 'Brukere' }).count();
      assert.equal(adminLinks, role === 'helfo_admin' ? 1 : 0, 'only administrators see account management');
      await logout(page);
      // The session is gone server-side: the front page sends us back to login.
      await page.goto(base + '/');
      await page.waitForURL(/\/logg-inn$/);
    },
  })),
  {
    name: 'an empty login shows the error summary, whose links move focus to the field',
    async run({ page, base }) {
      await page.goto(base + '/logg-inn');
      await page.getByRole('button', { name: 'Logg inn' }).click();
      const summary = page.getByTestId('error-summary');
      await summary.waitFor();
      assert.equal(await summary.evaluate((el) => el === document.activeElement), true, 'summary has focus');
      assert.equal(await summary.getByRole('link', { name: 'Passord: Feltet må fylles ut.' }).count(), 1);
      await summary.getByRole('link', { name: 'E-postadresse: Feltet må fylles ut.' }).click();
      assert.equal(await page.evaluate(() => document.activeElement.id), 'login-email');
      assert.equal(await page.getByLabel('E-postadresse').getAttribute('aria-invalid'), 'true');
    },
  },
  {
    name: 'a wrong password and an unknown address get the same refusal',
    async run({ page, base }) {
      await login(page, base, 'kommune@lillehammer.example', 'feil-passord-123');
      const refused = page.getByTestId('login-refused');
      await refused.waitFor();
      const a = await refused.textContent();
      // The refusal alone: no "field is required" for the emptied password,
      // and the focus is back in the password field for the next try.
      assert.equal(await page.getByTestId('error-summary').isVisible(), false);
      assert.equal(await page.locator('#login-password-error').count(), 0);
      await page.waitForFunction(() => document.activeElement?.id === 'login-password');
      await login(page, base, 'ingen@lillehammer.example', 'feil-passord-123');
      await page.getByTestId('login-refused').waitFor();
      assert.equal(await page.getByTestId('login-refused').textContent(), a);
      assert.match(a, /Feil e-postadresse eller passord/);
    },
  },
  {
    name: 'an administrator creates a user, who can then log in; deactivated, they cannot',
    async run({ page, base }) {
      await login(page, base, 'admin@helfo.example');
      await page.locator('[data-testid="home"]').waitFor();
      await page.getByRole('link', { name: 'Brukere' }).click();
      await page.getByTestId('user-table').locator('tbody tr').first().waitFor();
      // The form checks as the user types, with the edge's rules.
      await page.getByRole('button', { name: 'Opprett bruker' }).click();
      await page.getByTestId('error-summary').waitFor();
      await page.getByLabel('Navn').fill('Eva E2e');
      await page.getByLabel('E-postadresse').fill('eva@lillehammer.example');
      await page.getByLabel('Organisasjon').selectOption({ label: 'Lillehammer kommune (Kommune)' });
      await page.getByLabel('Rolle').selectOption('hf');
      await page.getByLabel('Første passord').fill('et-langt-passord');
      const msg = page.locator('#user-role-error');
      await msg.waitFor();
      assert.match(await msg.textContent(), /kan ikke gis i en organisasjon av typen «Kommune»/);
      await page.getByLabel('Rolle').selectOption('kommune');
      await page.getByRole('button', { name: 'Opprett bruker' }).click();
      await page.getByTestId('user-done').filter({ hasText: 'Eva E2e er opprettet' }).waitFor();
      await logout(page);

      await login(page, base, 'eva@lillehammer.example', 'et-langt-passord');
      await page.locator('[data-testid="home"][data-role="kommune"]').waitFor();
      await logout(page);

      await login(page, base, 'admin@helfo.example');
      await page.locator('[data-testid="home"]').waitFor();
      await page.goto(base + '/admin/brukere');
      // The administrator's own row offers no deactivation.
      const own = page.getByTestId('user-table').locator('tr', { hasText: 'admin@helfo.example' });
      await own.waitFor();
      assert.equal(await own.getByRole('button').count(), 0);
      await page.getByRole('button', { name: 'Deaktiver Eva E2e' }).click();
      const dialog = page.getByRole('dialog', { name: 'Deaktivere Eva E2e?' });
      assert.match(await dialog.textContent(), /blir logget ut med en gang/);
      await dialog.getByRole('button', { name: 'Deaktiver' }).click();
      await page.getByTestId('user-done').filter({ hasText: 'Eva E2e er deaktivert' }).waitFor();
      await logout(page);
      await login(page, base, 'eva@lillehammer.example', 'et-langt-passord');
      await page.getByTestId('login-refused').waitFor();
    },
  },
  {
    name: 'an administrator records the account the RHF has set for refunds (FK-9)',
    async run({ page, base }) {
      await login(page, base, 'admin@helfo.example');
      await page.locator('[data-testid="home"]').waitFor();
      await page.getByRole('link', { name: 'Organisasjoner' }).click();
      const form = page.getByTestId('payout-account-form');
      await form.waitFor();
      await form.getByLabel('Helseforetak').selectOption({ label: 'Helse Sør-Øst RHF' });
      await form.getByLabel('Utbetalingskonto').fill('8601 11 17948');
      await form.getByRole('button', { name: 'Lagre kontoen' }).click();
      await page.locator('#pay-account-error').waitFor();
      await form.getByLabel('Utbetalingskonto').fill('8601 11 17947');
      await form.getByRole('button', { name: 'Lagre kontoen' }).click();
      await form.getByText('Kontoen til Helse Sør-Øst RHF er lagret.').waitFor();
      const row = page.getByTestId('org-table').getByRole('row', { name: /Helse Sør-Øst RHF/ });
      assert.match(await row.textContent(), /8601 11 17947/);
    },
  },
];
