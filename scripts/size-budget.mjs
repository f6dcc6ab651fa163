// Size budgets (issues 11 and 27), gzip-compressed, against
// bench/budgets.json. Fails the build when anything grows past its budget.
// Run after `make build`.
//  - the entry module with the style sheets: what the browser downloads
//    before the login form is usable (the browser test first-load.test.mjs
//    measures the same in Chromium, every request counted);
//  - the signed-in app's module, fetched once someone is signed in;
//  - the checker worker's module, fetched the first time a file is chosen;
//  - the edge worker bundle.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const budgets = JSON.parse(readFileSync(join(root, 'bench/budgets.json'), 'utf8'));
const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
const pick = (dir, test) => readdirSync(dir).filter(test).map((f) => join(dir, f));
const dist = join(root, 'dist');

// `--worker-dir DIR` measures another worker bundle (the production dry
// run's, issue 26); `--worker-only` skips the app.
const args = process.argv.slice(2);
const workerDir = args.includes('--worker-dir') ? args[args.indexOf('--worker-dir') + 1] : 'functions/build';
const module = (name) => (f) => f.startsWith(`${name}-`) && (f.endsWith('.wasm') || f.endsWith('.js'));
const groups = [
  ['first download (entry + css)', () => pick(dist, (f) => module('frist-entry')(f) || f.endsWith('.css')), budgets.first_download_gzip_bytes],
  ['signed-in app module', () => pick(dist, module('frist-app')), budgets.app_module_gzip_bytes],
  ['checker worker module', () => pick(dist, module('frist-checker')), budgets.checker_module_gzip_bytes],
  [`edge worker (${workerDir})`, () => pick(join(root, workerDir), (f) => f.endsWith('.wasm') || f.endsWith('.js')), budgets.worker_gzip_bytes],
].filter(([name]) => !(args.includes('--worker-only') && !name.startsWith('edge')));
let over = false;
for (const [name, files, budget] of groups) {
  const found = files();
  if (found.length === 0) {
    console.error(`size budget: no files for ${name}; run \`make build\` first`);
    process.exit(1);
  }
  const size = found.reduce((sum, f) => sum + gz(f), 0);
  const ok = size <= budget;
  over ||= !ok;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${name.padEnd(36)} ${(size / 1024).toFixed(0).padStart(6)} KB gzip   budget ${(budget / 1024).toFixed(0)} KB`);
}
process.exit(over ? 1 : 0);
