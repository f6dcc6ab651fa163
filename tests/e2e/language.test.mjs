// Issue 9: switch language on every page, as every role, and find no
// untranslated text: no raw text key, and no bokmål sentence that has its
// own nynorsk or English text. The choice is remembered across reloads.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './harness.mjs';
import { login } from './accounts.test.mjs';
import { ROLES, axe, open } from './a11y.test.mjs';

const TODAY = '2026-11-23';
const LANGS = { nb: 0, nn: 1, en: 2 };

/** Every app text: key → [nb, nn, en]. */
function texts() {
  const dir = join(root, 'texts/app');
  const all = {};
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    Object.assign(all, JSON.parse(readFileSync(join(dir, f), 'utf8')));
  }
  return all;
}

/** The bokmål pieces that must not show in `lang`: every bokmål text that
 *  differs there, cut at its placeholders, kept where a piece is long enough
 *  (three words or more) not to occur by chance in another text. */
function bokmalOnly(all, lang) {
  const i = LANGS[lang];
  const own = Object.values(all).map((v) => v[i]);
  const pieces = new Set();
  for (const v of Object.values(all)) {
    if (v[0] === v[i]) continue;
    for (const piece of v[0].split(/\{\w+\}/)) {
      const p = piece.trim();
      if (p.split(/\s+/).length < 3) continue;
      // A piece that is also part of a text in `lang` proves nothing.
      if (own.some((t) => t.includes(p))) continue;
      pieces.add(p);
    }
  }
  return [...pieces];
}

/** What a user can read or hear on the page: its text and the texts of
 *  labels a screen reader announces. */
async function readable(page) {
  return page.evaluate(() => {
    const parts = [document.body.innerText];
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt], svg title, svg desc')) {
      for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
        if (el.getAttribute(a)) parts.push(el.getAttribute(a));
      }
      if (el.tagName === 'title' || el.tagName === 'desc') parts.push(el.textContent);
    }
    return parts.join('\n').replace(/\s+/g, ' ');
  });
}

async function choose(page, lang) {
  await page.getByTestId('language').selectOption(lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  await page.locator('main h1, h1').first().waitFor();
}

export const tests = ['nn', 'en'].flatMap((lang) => ROLES.map(({ email, pages }) => ({
  name: `language: every page of ${email.split('@')[0]} in ${lang} has no untranslated text and no WCAG violations`,
  async run({ page, base }) {
    const all = texts();
    const keys = Object.keys(all);
    const forbidden = bokmalOnly(all, lang);
    assert.ok(forbidden.length > 100, `only ${forbidden.length} bokmål pieces to look for`);
    await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00+01:00`));
    await page.setExtraHTTPHeaders({ 'X-Frist-Today': TODAY });
    try {
      await login(page, base, email);
      await page.locator('[data-testid="home"]').waitFor();
      await choose(page, lang);
      const found = [];
      for (const p of pages) {
        const text = await open(page, base, p, () => readable(page));
        // Remembered: every page opens in the chosen language.
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang, `${p}: <html lang>`);
        // The page really is in `lang` (the log-out button, on every page).
        assert.ok(text.includes(all['shell.logout'][LANGS[lang]]), `${p}: not in ${lang}`);
        // A key on its own (not part of a longer word such as a file name).
        for (const k of keys) {
          if (new RegExp(`(^|[^\\w.])${k.replace(/\./g, '\\.')}($|[^\\w.])`).test(text)) found.push(`${p}: the key ${k} shows`);
        }
        for (const f of forbidden) if (text.includes(f)) found.push(`${p}: bokmål "${f}"`);
        // And as accessible in this language as in bokmål (issue 24).
        found.push(...(await axe(page, `${p} in ${lang}`)));
      }
      assert.deepEqual(found, []);
    } finally {
      // The browser profile is shared by the tests that follow: back to bokmål.
      await page.evaluate(() => localStorage.removeItem('frist.lang'));
    }
  },
})));

tests.unshift({
  name: 'language: the login page switches to English and nynorsk, errors included, and stays switched',
  async run({ page, base }) {
    try {
      await page.goto(base + '/logg-inn');
      await choose(page, 'en');
      assert.equal(await page.locator('h1').textContent(), 'Log in');
      await page.getByRole('button', { name: 'Log in' }).click();
      const summary = page.getByTestId('error-summary');
      await summary.waitFor();
      // The domain's issue texts follow the choice too.
      assert.match(await summary.textContent(), /This field is required\./);
      assert.match(await page.getByLabel('E-mail address').getAttribute('aria-describedby') ?? '', /login-email/);
      // Remembered across a reload; the switch offers every language in its own name.
      await page.reload();
      await page.locator('h1').waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      assert.deepEqual(await page.getByTestId('language').locator('option').allTextContents(), ['Bokmål', 'Nynorsk', 'English']);
      await choose(page, 'nn');
      await page.getByRole('button', { name: 'Logg inn' }).click();
      assert.match(await page.getByTestId('error-summary').textContent(), /Feltet må fyllast ut\./);
    } finally {
      await page.evaluate(() => localStorage.removeItem('frist.lang'));
    }
  },
});
