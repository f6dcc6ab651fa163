// Issue 8: a municipality imports the sample month of bills and its
// practitioner list on the claims-control page and sees every planted error
// with its rule named, the missing-takster hint for the new doctor, and —
// after sending only the month's sums — the planted outlier against the
// seeded peers. Fixed date: 23 November 2026.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { login } from './accounts.test.mjs';

const TODAY = '2026-11-23';
const sample = (name) => readFileSync(new URL(`../../public/eksempel/${name}`, import.meta.url));

/** On /kontroll: chooses the sample practitioner list and bill file and
 *  waits for the report; with `compare`, also sends the month's sums and
 *  waits for the peer chart. */
export async function importSample(page, { compare = false } = {}) {
  // By id, so the language test can import in nynorsk and English too.
  await page.locator('#kt-doctors').setInputFiles({ name: 'legeliste.csv', mimeType: 'text/csv', buffer: sample('legeliste.csv') });
  await page.getByTestId('doctor-list').waitFor();
  await page.locator('#kt-bills').setInputFiles({ name: 'regningskort.csv', mimeType: 'text/csv', buffer: sample('regningskort.csv') });
  await page.getByTestId('kontroll-report').waitFor();
  if (compare) {
    await page.getByTestId('compare').click();
    await page.getByTestId('peer-chart').waitFor();
  }
}

export const tests = [
  {
    name: 'kontroll: the sample month shows every planted error with its rule, the missing takster and the outlier',
    async run({ page, base }) {
      await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00+01:00`));
      await page.setExtraHTTPHeaders({ 'X-Frist-Today': TODAY });
      await login(page, base, 'kommune@lillehammer.example');
      await page.locator('[data-testid="home"]').waitFor();
      await page.getByRole('link', { name: 'Kontroll av legeregninger' }).click();
      // The sample files are offered for download on the page itself.
      await page.getByText('Filformat og eksempelfiler').click();
      const link = page.getByRole('link', { name: /Eksempel: regningskort\.csv/ });
      const served = await page.request.get(new URL(await link.getAttribute('href'), base).href);
      assert.equal(served.status(), 200);
      assert.deepEqual(Buffer.from(await served.body()), sample('regningskort.csv'));

      await importSample(page);
      assert.match(await page.getByTestId('doctor-list').textContent(), /7 leger/);
      assert.equal(await page.getByTestId('bills').textContent(), '439');
      // Ten with errors; the takst frist's list lacks (2xz, line 439) is a warning.
      assert.equal(await page.getByTestId('with-errors').textContent(), '10');
      const byRule = await page.getByTestId('by-rule').textContent();
      for (const rule of ['CTRL-1', 'CTRL-2', 'CTRL-3', 'CTRL-4', 'CTRL-5', 'CTRL-6', 'CTRL-7', 'CTRL-8']) {
        assert.match(byRule, new RegExp(rule), `${rule} in ${byRule}`);
      }
      // Every planted line (427–440) is listed, and nothing else.
      const rows = page.getByTestId('bill-issues').locator('tbody tr');
      const lines = new Set(await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.dataset.line))));
      assert.deepEqual([...lines].sort((a, b) => a - b), Array.from({ length: 14 }, (_, i) => 427 + i));
      const text = (line) => page.locator(`[data-testid="bill-issues"] tr[data-line="${line}"]`).first().textContent();
      assert.match(await text(429), /CTRL-2.*1bd kan ikke kombineres med andre takster/);
      assert.match(await text(432), /CTRL-3.*2cd er et tillegg/);
      assert.match(await text(434), /CTRL-5.*2ad og 2ak/);
      assert.match(await text(437), /CTRL-7.*12\.10\.2026/);
      assert.match(await text(438), /CTRL-8.*02\.11\.2026/);
      // The new doctor's hint names the takster the others use.
      assert.match(await page.getByTestId('missing-takster').textContent(), /3345671 \(LIS1\):.*2cd/);
      // Filter to one doctor.
      await page.getByLabel('Vis lege').selectOption('6654321');
      assert.deepEqual(
        new Set(await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.dataset.line)))),
        new Set([435, 437]),
      );

      // CTRL-9: only the sums are sent; the seeded peers make 5612347 stand out.
      await page.getByTestId('compare').click();
      await page.getByTestId('peer-chart').waitFor();
      assert.match(await page.getByTestId('outlier-count').textContent(), /^1 av kommunens leger/);
      assert.equal(await page.locator('[data-testid="peer-table"] tr[data-hpr="5612347"]').getAttribute('data-outlier'), 'true');
      assert.equal(await page.locator('[data-testid="peer-table"] tr[data-hpr="9144889"]').getAttribute('data-outlier'), 'false');
      assert.match(await page.getByTestId('peer-chart').textContent(), /mellomstore kommuner/);
      await page.getByLabel('Alle kommuner').check();
      await page.getByText('Sammenlignet med alle kommuner.').waitFor();
    },
  },
];
