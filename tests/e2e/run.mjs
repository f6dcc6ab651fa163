// Browser tests: load the app from `wrangler dev` in Debian's Chromium.
// Prints "N passed, N failed" so CI counts them; exits 1 on any failure.
import { startServer, startBrowser } from './harness.mjs';
import { tests as shellTests } from './shell.test.mjs';
import { tests as accountTests } from './accounts.test.mjs';
import { tests as fristbruddTests } from './fristbrudd.test.mjs';
import { tests as fastlegeTests } from './fastlege.test.mjs';
import { tests as frikortTests } from './frikort.test.mjs';
import { tests as kontrollTests } from './kontroll.test.mjs';
import { tests as a11yTests } from './a11y.test.mjs';
import { tests as sessionTests } from './session.test.mjs';
import { tests as languageTests } from './language.test.mjs';
import { tests as outboxTests } from './outbox.test.mjs';
import { tests as privacyTests } from './privacy.test.mjs';
import { tests as overviewTests } from './overview.test.mjs';
import { tests as mailTests } from './mail.test.mjs';
import { tests as oidcTests } from './oidc.test.mjs';
import { tests as firstLoadTests } from './first-load.test.mjs';
import { tests as loadingTests } from './loading.test.mjs';

const all = [...shellTests, ...accountTests, ...fristbruddTests, ...fastlegeTests, ...frikortTests, ...kontrollTests, ...a11yTests, ...sessionTests, ...outboxTests, ...privacyTests, ...overviewTests, ...mailTests, ...oidcTests, ...loadingTests, ...firstLoadTests, ...languageTests];
const only = process.argv[2];
const server = await startServer();
const browser = await startBrowser();
let passed = 0;
let failed = 0;
try {
  for (const t of all.filter((t) => !only || t.name.includes(only))) {
    // Each test starts logged out.
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // Chromium logs every 4xx answer as a console error; a refused login or
    // an anonymous session check is an expected answer, not a fault. Any
    // other console error, any 5xx and any uncaught exception fails the test.
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())) return;
      errors.push(m.text());
    });
    const started = Date.now();
    try {
      await t.run({ page, base: server.base, errors });
      if (errors.length) throw new Error(`browser errors: ${errors.join(' | ')}`);
      passed++;
      console.log(`ok   ${t.name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${t.name}: ${e.stack ?? e}`);
    } finally {
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.stop();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
