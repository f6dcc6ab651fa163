// Issue 2: the app shell loads, shows the product name and reaches the API.
import assert from 'node:assert/strict';

export const tests = [
  {
    name: 'shell shows the product name and a healthy service',
    async run({ page, base }) {
      await page.goto(base + '/');
      await page.locator('.frist-product').waitFor();
      assert.equal(await page.locator('.frist-product').textContent(), 'frist');
      assert.equal(await page.getAttribute('html', 'lang'), 'nb');
      const health = page.getByTestId('health');
      await health.filter({ hasText: 'Tjenesten er oppe' }).waitFor();
      assert.match(await health.textContent(), /versjon \d+\.\d+\.\d+/);
    },
  },
  {
    name: 'a deep link loads the app (single-page fallback)',
    async run({ page, base }) {
      const resp = await page.goto(base + '/fristbrudd/saker');
      assert.equal(resp.status(), 200);
      await page.locator('.frist-product').waitFor();
    },
  },
];
