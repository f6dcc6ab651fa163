// Issue 9: two minutes before a session ends for lack of use, the user is
// warned and can stay logged in; when it ends, the user is logged out, told
// why, and brought back to the form with everything typed still there.
import assert from 'node:assert/strict';
import { clearDrafts } from './harness.mjs';
import { login } from './accounts.test.mjs';

const MINUTE = 60_000;

export const tests = [
  {
    name: 'session: a warning before the idle timeout, "stay logged in", then expiry keeps the draft',
    async run({ page, base }) {
      await page.clock.install({ time: new Date('2026-03-20T10:00:00+01:00') });
      await page.setExtraHTTPHeaders({ 'X-Frist-Today': '2026-03-20' });
      await login(page, base, 'sykehus@innlandet.example');
      await page.locator('[data-testid="home"]').waitFor();
      await page.getByRole('link', { name: 'Meld fristbrudd' }).click();
      await page.getByTestId('fb-form').waitFor();
      await clearDrafts(page);
      await page.reload();
      await page.getByTestId('fb-form').waitFor();
      await page.getByLabel('Navn', { exact: true }).fill('Kari Venter');
      const warning = page.getByTestId('expiry-warning');
      assert.equal(await warning.count(), 0);

      // 28½ minutes idle: the warning, with the button focused.
      await page.clock.fastForward(28.5 * MINUTE);
      await warning.waitFor();
      assert.equal(await warning.getAttribute('role'), 'alertdialog');
      assert.match(await warning.textContent(), /Om 1:[0-5]\d logges du ut/);
      const stay = page.getByRole('button', { name: 'Forbli innlogget' });
      assert.equal(await stay.evaluate((b) => b === document.activeElement), true);
      await stay.click();
      await warning.waitFor({ state: 'detached' });

      // Idle past the end: logged out, told why, the draft kept.
      await page.clock.fastForward(31 * MINUTE);
      await page.getByTestId('expired').waitFor();
      assert.match(page.url(), /\/logg-inn$/);
      await page.getByLabel('E-postadresse').fill('sykehus@innlandet.example');
      await page.getByLabel('Passord').fill('frist-demo-2026');
      await page.getByRole('button', { name: 'Logg inn' }).click();
      await page.waitForURL(/\/fristbrudd\/ny$/);
      await page.getByTestId('fb-form').waitFor();
      assert.equal(await page.getByLabel('Navn', { exact: true }).inputValue(), 'Kari Venter');
    },
  },
];
