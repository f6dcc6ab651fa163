// Issue 23: a page loads its data with resources it owns. A page left
// before its answer came aborts that fetch; the audit log's "Vis flere"
// adds each page of the trail once, in order.
import assert from 'node:assert/strict';
import { WAIT } from './harness.mjs';
import { loginAs } from './fristbrudd.test.mjs';

const AUDIT = '**/api/v1/audit?*';
const isAudit = (r) => r.url().includes('/api/v1/audit?');

/** Waits until the audit table has at least `n` rows. */
async function rows(page, n) {
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="audit-table"] tbody tr').length >= n, n, { timeout: WAIT });
  return page.getByTestId('audit-table').locator('tbody tr').count();
}

export const tests = [
  {
    name: 'loading: a page left before its list arrives aborts the fetch',
    async run({ page, base }) {
      await loginAs(page, base, 'saksbehandler@helfo.example');
      // The audit trail's answer is held back: the page is left first.
      const held = [];
      await page.route(AUDIT, (route) => {
        held.push(route);
      });
      const asked = page.waitForRequest(isAudit);
      const failed = page.waitForEvent('requestfailed', { predicate: isAudit, timeout: WAIT });
      await page.getByRole('link', { name: 'Logg', exact: true }).click();
      await page.getByTestId('audit-table').waitFor();
      await asked;
      await page.getByRole('link', { name: 'Forside', exact: true }).first().click();
      await page.getByTestId('home').waitFor();
      assert.match((await failed).failure()?.errorText ?? '', /ABORTED/i, 'the fetch of the page left is aborted');
      await page.unroute(AUDIT);
      for (const r of held) await r.continue().catch(() => {});
    },
  },
  {
    name: 'loading: the audit log shows 50 entries and adds the next 50 once on "Vis flere"',
    async run({ page, base }) {
      await loginAs(page, base, 'saksbehandler@helfo.example');
      // Each read of the queue is audited: the trail has more than two pages.
      for (let i = 0; i < 105; i++) {
        assert.equal((await page.request.get(base + '/api/v1/fristbrudd/queue')).status(), 200);
      }
      let asked = 0;
      page.on('request', (r) => {
        if (isAudit(r)) asked++;
      });
      await page.getByRole('link', { name: 'Logg', exact: true }).click();
      assert.equal(await rows(page, 50), 50);
      await page.getByRole('button', { name: 'Vis flere' }).click();
      assert.equal(await rows(page, 100), 100, 'the second page is added once');
      assert.equal(asked, 2, 'one request a page');
      // The newest entry first, the trail in order across the pages.
      const times = await page.getByTestId('audit-table').locator('tbody tr time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
      assert.deepEqual(times, [...times].sort().reverse());
    },
  },
];
