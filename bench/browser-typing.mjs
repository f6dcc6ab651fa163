// Keystroke-to-message on the fristbrudd notification form (issue 11): the
// last digit of a valid fødselsnummer is typed over with a wrong one (the
// message appears), then with the right one (it goes), 40 times.
// Performance marks: `key` when the input event reaches the page (before the
// app's own handler), `message` when the error message is added or removed
// in the DOM (a MutationObserver), `painted` at the next animation frame,
// when the caseworker can see it. Needs `make build`.
// Usage: node bench/browser-typing.mjs [ROUNDS]
import { startServer, startBrowser } from '../tests/e2e/harness.mjs';
import { login } from '../tests/e2e/accounts.test.mjs';

const rounds = Number(process.argv[2] ?? 40);
const server = await startServer();
const browser = await startBrowser();
try {
  const page = await browser.context.newPage();
  // No fake clock here: Playwright's replaces `performance` and its marks.
  await login(page, server.base, 'sykehus@innlandet.example');
  await page.locator('[data-testid="home"]').waitFor({ timeout: 15_000 });
  await page.getByRole('link', { name: 'Meld fristbrudd' }).click();
  const field = page.getByLabel('Fødselsnummer eller D-nummer');
  await field.fill('15038510190');
  await field.evaluate((input) => {
    document.addEventListener('input', (e) => {
      if (e.target === input) performance.mark('key');
    }, { capture: true });
    new MutationObserver((changes) => {
      const touched = changes.some((c) => [...c.addedNodes, ...c.removedNodes]
        .some((n) => n.nodeType === 1 && (n.id === 'fb-patient_fnr-error' || n.querySelector?.('#fb-patient_fnr-error'))));
      if (!touched) return;
      performance.mark('message');
      performance.measure('to-message', 'key', 'message');
      requestAnimationFrame(() => {
        performance.mark('painted');
        performance.measure('to-paint', 'key', 'painted');
      });
    }).observe(document.body, { childList: true, subtree: true });
  });
  const error = page.locator('#fb-patient_fnr-error');
  for (let i = 0; i < rounds; i++) {
    await field.press('End');
    await field.press('Shift+ArrowLeft');
    await field.press('1'); // 15038510191: a wrong check digit (ID-1)
    await error.waitFor();
    await field.press('End');
    await field.press('Shift+ArrowLeft');
    await field.press('0'); // 15038510190: valid, the message goes
    await error.waitFor({ state: 'detached' });
  }
  await page.waitForTimeout(100);
  const figures = await page.evaluate(() => {
    const of = (name) => performance.getEntriesByName(name).map((e) => e.duration).sort((a, b) => a - b);
    const stats = (d) => ({ n: d.length, p50: d[Math.floor(d.length / 2)], p99: d[Math.min(d.length - 1, Math.floor(d.length * 0.99))], max: d[d.length - 1] });
    return { message: stats(of('to-message')), paint: stats(of('to-paint')) };
  });
  const f = (x) => x.toFixed(1);
  console.log(`browser keystroke to message (fødselsnummer field, ${figures.message.n} messages shown or cleared):`);
  console.log(`  to the DOM:   p50 ${f(figures.message.p50)} ms, p99 ${f(figures.message.p99)} ms, max ${f(figures.message.max)} ms`);
  console.log(`  to the frame: p50 ${f(figures.paint.p50)} ms, p99 ${f(figures.paint.p99)} ms, max ${f(figures.paint.max)} ms`);
} finally {
  await browser.close();
  server.stop();
}
