// Issue 27: the first screen in under 300 KB, and heavy checks off the
// page's thread. Sizes are measured in Chromium (every request before the
// login form is usable, gzip -9 of each body) against bench/budgets.json.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, startBrowser } from './harness.mjs';
import { login } from './accounts.test.mjs';
import { measureFirstLoad } from './first-load.mjs';

const budgets = JSON.parse(readFileSync(join(root, 'bench/budgets.json'), 'utf8'));
const kb = (b) => `${(b / 1024).toFixed(0)} KB`;
const heavy = /^\/frist-(app|checker)-/;

export const tests = [
  {
    name: 'first load: the login form is usable after at most the budget, without the signed-in app or the checker',
    async run({ base }) {
      // A browser of its own, with a new profile: a first visit, nothing
      // cached or stored by the tests before.
      const cold = await startBrowser();
      let m;
      try {
        m = await measureFirstLoad(cold.context, base);
      } finally {
        await cold.close();
      }
      const list = m.files.map((f) => `${f.url} ${kb(f.bytes)}`).join(', ');
      assert.ok(m.bytes <= budgets.first_download_gzip_bytes,
        `first download ${kb(m.bytes)} over the budget ${kb(budgets.first_download_gzip_bytes)}: ${list}`);
      assert.ok(!m.files.some((f) => heavy.test(f.url)), `fetched before the form was usable: ${list}`);
      // Only the chosen language's texts, named by their hash.
      const texts = m.files.filter((f) => f.url.startsWith('/texts/'));
      assert.deepEqual(texts.map((f) => /^\/texts\/nb-[0-9a-f]{16}\.json$/.test(f.url)), [true], list);
      // Once it is usable, the signed-in app is fetched in the background.
      assert.ok(m.later.some((f) => /frist-app-[0-9a-f]+_bg\.wasm$/.test(f.url)),
        `no prefetch of the signed-in app: ${m.later.map((f) => f.url).join(', ')}`);
      console.log(`     first download ${kb(m.bytes)} in ${m.files.length} files; login form usable after ${m.ms.toFixed(0)} ms`);
    },
  },
  {
    name: 'first load: a page asked for signed out shows the login form, and is where signing in leads',
    async run({ page, base }) {
      await page.goto(base + '/frikort/krav');
      await page.getByLabel('E-postadresse').waitFor();
      assert.equal(new URL(page.url()).pathname, '/logg-inn');
      await page.getByLabel('E-postadresse').fill('okonomi@helse-sorost.example');
      await page.getByLabel('Passord').fill('frist-demo-2026');
      await page.getByRole('button', { name: 'Logg inn' }).click();
      await page.waitForURL(/\/frikort\/krav$/);
      await page.getByRole('heading', { level: 1 }).waitFor();
      assert.match(await page.getByTestId('who').textContent(), /Helse Sør-Øst/);
    },
  },
  {
    name: 'checker: the claim check runs in its own worker, fetched when the first file is chosen',
    async run({ page, base }) {
      const fetched = [];
      page.on('request', (r) => fetched.push(r.url()));
      const workers = [];
      page.on('worker', (w) => workers.push(w.url()));
      await login(page, base, 'okonomi@helse-sorost.example');
      await page.locator('[data-testid="home"]').waitFor();
      await page.getByRole('link', { name: 'Send refusjonskrav' }).click();
      await page.getByLabel('Kravfil').waitFor();
      assert.ok(!fetched.some((u) => /frist-checker-/.test(u)), 'the checker was fetched before a file was chosen');
      const csv = 'fodselsnummer;transportdato;utbetalingsdato;egenandel\n'
        + '15038510190;02.03.2026;10.03.2026;171\n'
        + '15038510190;31.02.2026;10.03.2026;171\n';
      await page.getByLabel('Kravfil').setInputFiles({ name: 'to-linjer.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByTestId('check-report').waitFor();
      assert.equal(await page.getByTestId('lines').textContent(), '2');
      assert.equal(await page.getByTestId('valid').textContent(), '1');
      assert.ok(workers.some((u) => /frist-checker-[0-9a-f]+\.worker\.js$/.test(u)), `workers: ${workers.join(', ')}`);
      assert.ok(fetched.some((u) => /frist-checker-[0-9a-f]+_bg\.wasm$/.test(u)), 'the checker module was not fetched');
      // The error file comes from the lines the worker kept.
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Last ned feillinjene (CSV)' }).click();
      const file = await download;
      const text = readFileSync(await file.path(), 'utf8');
      assert.match(text, /^3;/m, text);
    },
  },
];
