// Browser figures for a claim file (issue 7/11): the time from choosing a
// file to the finished report, and the longest main-thread task meanwhile
// (the page must stay responsive: no task of 50 ms or more; the check runs in the checker worker, issue 27). Needs `make build`
// and the generator: `cargo build --profile release-native -p frist-bench`.
// Usage: node bench/browser-frikort.mjs [LINES]   (default 1,000,000)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, startBrowser, root } from '../tests/e2e/harness.mjs';

const lines = Number(process.argv[2] ?? 1_000_000);
const dir = join(root, 'build/bench');
mkdirSync(dir, { recursive: true });
const file = join(dir, `claims-browser-${lines}.csv`);
writeFileSync(file, execFileSync(join(root, 'target/release-native/frist-bench'), ['claims', String(lines), '50', '2026-03-20'], { maxBuffer: 1 << 30 }));
const server = await startServer();
const browser = await startBrowser();
try {
  const page = await browser.context.newPage();
  await page.addInitScript(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.clock.setFixedTime(new Date('2026-03-20T10:00:00+01:00'));
  await page.goto(server.base + '/logg-inn');
  await page.getByLabel('E-postadresse').fill('okonomi@helse-sorost.example');
  await page.getByLabel('Passord').fill('frist-demo-2026');
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.locator('[data-testid="home"]').waitFor();
  await page.goto(server.base + '/frikort/ny');
  await page.getByLabel('Kravfil').waitFor();
  await page.evaluate(() => { window.__longest = 0; });
  const started = Date.now();
  await page.getByLabel('Kravfil').setInputFiles(file);
  await page.getByTestId('check-report').waitFor({ timeout: 600_000 });
  const wall = (Date.now() - started) / 1000;
  const elapsed = await page.getByTestId('elapsed').textContent();
  const longest = await page.evaluate(() => window.__longest);
  const valid = await page.getByTestId('valid').textContent();
  console.log(`browser check of ${lines.toLocaleString('en')} lines (${(readFileSync(file).length / 1e6).toFixed(1)} MB):`);
  console.log(`  checking time (in page): ${elapsed}; from choosing the file: ${wall.toFixed(1)} s; ${Math.round(lines / wall).toLocaleString('en')} lines/s`);
  // The Long Tasks API reports only tasks of 50 ms or more.
  const task = longest === 0 ? 'none of 50 ms or more' : `${longest.toFixed(0)} ms`;
  console.log(`  valid lines: ${valid}; longest main-thread task: ${task} (limit 50 ms: ${longest < 50 ? 'met' : 'NOT MET'})`);
  console.log('  before issue 27 (the check on the page\'s thread, 5 December 2026): 0.9 s from choosing the file, 0.7 s checking; no task of 50 ms or more');
} finally {
  await browser.close();
  server.stop();
}
