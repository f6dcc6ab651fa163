// The first download and the time to a usable login form (issue 27), from a
// cold cache: unthrottled, and on a slow office line through Chromium's
// network emulation (10 Mbit/s, 40 ms round trip). Needs `make build`.
// Usage: node bench/browser-first-load.mjs
import { startServer, startBrowser } from '../tests/e2e/harness.mjs';
import { measureFirstLoad, THROTTLED } from '../tests/e2e/first-load.mjs';

const server = await startServer();
const browser = await startBrowser();
try {
  const kb = (b) => `${(b / 1024).toFixed(0)} KB`;
  const plain = await measureFirstLoad(browser.context, server.base);
  const slow = await measureFirstLoad(browser.context, server.base, { throttle: THROTTLED });
  console.log(`first download before the login form is usable (gzip): ${kb(plain.bytes)} in ${plain.files.length} files`);
  for (const f of plain.files.sort((a, b) => b.bytes - a.bytes)) console.log(`  ${kb(f.bytes).padStart(8)}  ${f.url}`);
  console.log(`  fetched after it (prefetch of the signed-in app): ${kb(plain.laterBytes)}`);
  console.log(`time to a usable login form: ${plain.ms.toFixed(0)} ms here; ${slow.ms.toFixed(0)} ms at 10 Mbit/s and 40 ms round trip`);
  console.log('before issue 27 (one module with every page, 5 December 2026): 1223 KB in 9 files (the module 1185 KB); usable after 758 ms here, 1731 ms at 10 Mbit/s and 40 ms');
} finally {
  await browser.close();
  server.stop();
}
