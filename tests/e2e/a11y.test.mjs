// Issue 9: axe-core (WCAG 2.1 A and AA rules) on every page, as every role
// that uses it, with content on the page: lists with rows, a case page, a
// claims-control report with its chart. Any violation fails the test and
// names the page, the rule and the elements.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { root } from './harness.mjs';
import { login } from './accounts.test.mjs';
import { importSample } from './kontroll.test.mjs';

const TODAY = '2026-11-23';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export async function axe(page, where) {
  // Wait for the page's own content, not just the shell.
  await page.locator('main h1, h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  // axe really looked: a page of frist passes dozens of checks.
  assert.ok(result.passes.length > 10, `${where}: axe ran only ${result.passes.length} checks`);
  return result.violations.map((v) =>
    `${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

async function visit(page, base, path, where = path) {
  await page.goto(base + path);
  return axe(page, where);
}

/** The demo accounts, one per role. */
const ACCOUNTS = [
  { email: 'sykehus@innlandet.example', role: 'behandlingssted' },
  { email: 'kommune@lillehammer.example', role: 'kommune' },
  { email: 'okonomi@helse-sorost.example', role: 'hf' },
  { email: 'saksbehandler@helfo.example', role: 'helfo' },
  { email: 'admin@helfo.example', role: 'helfo_admin' },
];

/** The pages that need content first, by the name `open` knows them by;
 *  a page with a parameter not named here is not visited. */
const OPENED = {
  '/fristbrudd/saker/:id': 'case',
  '/fristbrudd/saker/:id/forside': 'cover',
  '/fastlege/meldinger/:id': 'message',
  '/kontroll': 'kontroll',
};

/** Every page of the app's page table (`tests/e2e/pages.json`, written
 *  from `app/src/pages/table.rs`), with who may open it. */
export const PAGES = JSON.parse(readFileSync(join(root, 'tests/e2e/pages.json'), 'utf8'));

/** Each account with every signed-in page its role may open. */
export const ROLES = ACCOUNTS.map(({ email, role }) => ({
  email,
  pages: PAGES.filter((p) => !p.public && p.roles.includes(role))
    .map((p) => OPENED[p.path] ?? p.path)
    .filter((p) => !p.includes(':')),
}));

/** Presses Tab until the focused element is `name` (its label or its text),
 *  and checks that the focus is visible there. */
async function tabTo(page, name, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate((name) => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const labels = el.labels ? [...el.labels].map((l) => l.textContent.trim()) : [];
      if (!labels.includes(name) && el.textContent.trim() !== name) return null;
      const s = getComputedStyle(el);
      return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
    }, name);
    if (found !== null) {
      assert.ok(found, `${name}: the focus is visible`);
      return;
    }
  }
  throw new Error(`${name} cannot be reached with Tab`);
}

/** Opens page `p` of a role's list (`case`, `cover` and `kontroll` are the
 *  first case, its cover sheet, and the claims-control report with its
 *  chart), then runs `check` on it. */
export async function open(page, base, p, check) {
  if (p === 'message') {
    await page.goto(base + '/fastlege/meldinger');
    const first = page.locator('table a[href^="/fastlege/meldinger/"]').first();
    await first.waitFor();
    await page.goto(base + (await first.getAttribute('href')));
  } else if (p === 'case' || p === 'cover') {
    await page.goto(base + '/fristbrudd/saker');
    const first = page.locator('table a[href^="/fristbrudd/saker/"]').first();
    await first.waitFor();
    const href = await first.getAttribute('href');
    await page.goto(base + (p === 'case' ? href : `${href}/forside`));
  } else if (p === 'kontroll') {
    await page.goto(base + '/kontroll');
    await importSample(page, { compare: true });
  } else {
    await page.goto(base + p);
  }
  await page.locator('main h1, h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  return check();
}

export const tests = [
  {
    name: 'a11y: a fristbrudd notification is sent with the keyboard alone, the focus always visible',
    async run({ page, base }) {
      const today = '2026-03-20';
      await page.clock.setFixedTime(new Date(`${today}T10:00:00+01:00`));
      await page.setExtraHTTPHeaders({ 'X-Frist-Today': today });
      await page.goto(base + '/logg-inn');
      // No draft from an earlier test: every field starts empty.
      await page.evaluate(() => localStorage.clear());
      await tabTo(page, 'E-postadresse');
      await page.keyboard.type('sykehus@innlandet.example');
      await tabTo(page, 'Passord');
      await page.keyboard.type('frist-demo-2026');
      await page.keyboard.press('Enter');
      await page.locator('[data-testid="home"]').waitFor();
      await tabTo(page, 'Meld fristbrudd');
      await page.keyboard.press('Enter');
      await page.getByTestId('fb-form').waitFor();
      for (const [label, text] of [
        ['Fødselsnummer eller D-nummer', '31127010040'], ['Navn', 'Ola Nordmann'],
        ['Telefonnummer', '912 34 567'], ['Fagområde', 'Ortopedi'],
        ['Henvisningen mottatt', '10.01.2026'], ['Fristdato', '01.04.2026'],
      ]) {
        await tabTo(page, label);
        await page.keyboard.type(text);
      }
      await tabTo(page, 'Fristbruddet');
      for (let i = 0; i < 3 && (await page.getByLabel('Fristbruddet').inputValue()) !== 'expected'; i++) {
        await page.keyboard.press('ArrowDown');
      }
      await tabTo(page, 'Varsel om fristbrudd sendt til pasienten');
      await page.keyboard.type('01.03.2026');
      await tabTo(page, 'Send til Helfo');
      await page.keyboard.press('Enter');
      const receipt = page.getByTestId('receipt');
      await receipt.waitFor();
      assert.match(await page.getByTestId('case-number').textContent(), /^\s*FB-2026-\d{6}\s*$/);
    },
  },
  {
    name: 'a11y: the login page and the shell have no WCAG 2.1 A/AA violations',
    async run({ page, base }) {
      const found = await visit(page, base, '/logg-inn');
      // The error summary after a failed attempt, too.
      await page.getByRole('button', { name: 'Logg inn' }).click();
      await page.getByTestId('error-summary').waitFor();
      found.push(...(await axe(page, '/logg-inn with errors')));
      assert.deepEqual(found, []);
    },
  },
  {
    // Issue 24: the front pages with their cards and the menu, the queue and
    // a fastlege message page on a phone-sized screen.
    name: 'a11y: the front pages, the queue and a message page at 360 px have no WCAG 2.1 A/AA violations',
    async run({ page, base }) {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00+01:00`));
      await page.setExtraHTTPHeaders({ 'X-Frist-Today': TODAY });
      const found = [];
      for (const [email, pages] of [
        ['saksbehandler@helfo.example', ['/', '/fristbrudd/ko', 'message']],
        ['kommune@lillehammer.example', ['/', '/fastlege/oversikt']],
        ['sykehus@innlandet.example', ['/', '/fristbrudd/saker']],
      ]) {
        await page.context().clearCookies();
        await login(page, base, email);
        await page.locator('[data-testid="home"]').waitFor();
        for (const p of pages) {
          found.push(...(await open(page, base, p, () => axe(page, `${email} ${p} at 360 px`))));
        }
      }
      // The case list says it scrolls sideways there (the hospital's, last).
      await page.goto(base + '/fristbrudd/saker');
      await page.getByText('rull sideveis for å se alle').first().waitFor();
      assert.deepEqual(found, []);
    },
  },
  ...ROLES.map(({ email, pages }) => ({
    name: `a11y: every page of ${email.split('@')[0]} has no WCAG 2.1 A/AA violations`,
    async run({ page, base }) {
      await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00+01:00`));
      await page.setExtraHTTPHeaders({ 'X-Frist-Today': TODAY });
      await login(page, base, email);
      await page.locator('[data-testid="home"]').waitFor();
      const found = [];
      for (const p of pages) {
        found.push(...(await open(page, base, p, () => axe(page, `${email} ${p}`))));
      }
      assert.deepEqual(found, []);
    },
  })),
];
