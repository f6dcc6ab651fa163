// E-mail that is really sent (issue 26): Helfo's update to a case goes out
// through the simulated send_email binding, the administrator sees it sent
// (never its body), and the link in it opens the case after signing in.
import assert from 'node:assert/strict';
import { WAIT } from './harness.mjs';
import { syntheticFnrs } from '../../bench/fnr.mjs';
import { act, loginAs, logout, notifyAsSite, openCase } from './fristbrudd.test.mjs';

const SITE = 'sykehus@innlandet.example';
const HELFO = 'saksbehandler@helfo.example';
const ADMIN = 'admin@helfo.example';

export const tests = [
  {
    name: 'e-mail: Helfo\'s update is e-mailed to the hospital and shown sent to the administrator; the link opens the case after signing in',
    async run({ page, base }) {
      const { number, path } = await notifyAsSite(page, base, syntheticFnrs(60)[57]);
      await logout(page);
      await loginAs(page, base, HELFO);
      await openCase(page, base, path);
      await act(page, 'Ta saken', 'Helfo kontakter pasienten');
      await logout(page);
      // The administrator's delivery list: the e-mail naming the case, sent.
      await loginAs(page, base, ADMIN);
      await page.goto(base + '/admin/e-post');
      const row = page.getByTestId('delivery').filter({ hasText: number });
      await row.waitFor();
      // Sent after the answer, in the background: reload until it says so.
      const deadline = Date.now() + WAIT;
      while ((await row.locator('[data-state]').getAttribute('data-state')) !== 'sent') {
        assert.ok(Date.now() < deadline, 'the e-mail was marked sent');
        await page.reload();
        await row.waitFor();
      }
      await row.getByText('sykehus@innlandet.example').waitFor();
      assert.equal(await page.getByText('Denne e-posten').count(), 0, 'no body on the page');
      await logout(page);
      // The link in the e-mail, opened signed out: sign in first, then the case.
      await page.goto(base + path);
      await page.waitForURL(/\/logg-inn$/);
      await page.getByLabel('E-postadresse').fill(SITE);
      await page.getByLabel('Passord').fill('frist-demo-2026');
      await page.getByRole('button', { name: 'Logg inn' }).click();
      await page.waitForURL((u) => u.pathname === path);
      await page.getByText(number).first().waitFor();
    },
  },
];
