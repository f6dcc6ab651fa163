// The first download (issue 27): everything the browser fetches, from a cold
// cache, before the login form can be used, and how long that takes. Shared
// by the browser test (first-load.test.mjs, against bench/budgets.json) and
// `make bench` (bench/browser-first-load.mjs, with and without throttling).
//
// "Usable" is when the page shows the e-mail field and a sign-in button
// (both are offered in local mode). Sizes are the gzip -9 size of each
// response body — what a compressing server sends — so the figure does not
// depend on whether `wrangler dev` compresses.
import { gzipSync } from 'node:zlib';

/** Chromium's network emulation for "a slow office line": 10 Mbit/s down,
 * 5 up, 40 ms round trip. */
export const THROTTLED = { latency: 40, downloadThroughput: (10e6 / 8), uploadThroughput: (5e6 / 8) };

/** Loads `base` in a fresh page with an empty cache (optionally throttled)
 * and returns `{ bytes, ms, files: [{ url, bytes }], later }`: bytes and
 * files fetched before the login form was usable, the time to usable (ms
 * from navigation start), and the files fetched after it (the prefetch of
 * the signed-in app, say). */
export async function measureFirstLoad(context, base, { throttle = null, path = '/' } = {}) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.clearBrowserCache');
  // A first visit: no language chosen, nothing stored.
  await cdp.send('Storage.clearDataForOrigin', { origin: new URL(base).origin, storageTypes: 'local_storage,session_storage' });
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttle) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...throttle });
  await page.addInitScript(() => {
    const seen = () => document.querySelector('#login-email') && document.querySelector('[data-testid^="login-"][href]');
    new MutationObserver((_, obs) => {
      if (window.__usable === undefined && seen()) {
        window.__usable = performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const requests = [];
  page.on('requestfinished', (r) => requests.push(r));
  try {
    await page.goto(base + path);
    await page.waitForFunction(() => window.__usable !== undefined, null, { timeout: 120_000 });
    const { usable, origin } = await page.evaluate(() => ({ usable: window.__usable, origin: performance.timeOrigin }));
    const at = origin + usable;
    // Whatever the page asks for right after (a prefetch) is reported apart.
    await page.waitForLoadState('networkidle');
    const before = [];
    const later = [];
    for (const r of requests) {
      const response = await r.response();
      let body = response ? await response.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
      // Chromium does not hand over the body of a prefetch: the same file
      // is read again here to size it.
      if (!body.length && response?.status() === 200 && r.method() === 'GET') {
        body = Buffer.from(await (await fetch(r.url())).arrayBuffer());
      }
      const entry = { url: r.url().replace(base, ''), bytes: gzipSync(body, { level: 9 }).length };
      (r.timing().startTime <= at ? before : later).push(entry);
    }
    const sum = (xs) => xs.reduce((s, f) => s + f.bytes, 0);
    return { bytes: sum(before), ms: usable, files: before, later, laterBytes: sum(later) };
  } finally {
    await page.close();
  }
}
