// Size budgets (issue 11): the app's initial download (wasm + JS + CSS) and
// the worker bundle, gzip-compressed, against bench/budgets.json. Fails the
// build when either grows past its budget. Run after `make build`.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const budgets = JSON.parse(readFileSync(join(root, 'bench/budgets.json'), 'utf8'));
const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
const pick = (dir, exts) => readdirSync(dir).filter((f) => exts.some((e) => f.endsWith(e))).map((f) => join(dir, f));

// `--worker-dir DIR` measures another worker bundle (the production dry
// run's, issue 26); `--worker-only` skips the app.
const args = process.argv.slice(2);
const workerDir = args.includes('--worker-dir') ? args[args.indexOf('--worker-dir') + 1] : 'functions/build';
const groups = [
  ['app (wasm + js + css)', pick(join(root, 'dist'), ['.wasm', '.js', '.css']), budgets.app_gzip_bytes],
  [`worker (${workerDir})`, pick(join(root, workerDir), ['.wasm', '.js']), budgets.worker_gzip_bytes],
].filter(([name]) => !(args.includes('--worker-only') && name.startsWith('app')));
let over = false;
for (const [name, files, budget] of groups) {
  if (files.length === 0) {
    console.error(`size budget: no files for ${name}; run \`make build\` first`);
    process.exit(1);
  }
  const size = files.reduce((sum, f) => sum + gz(f), 0);
  const ok = size <= budget;
  over ||= !ok;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${name.padEnd(36)} ${(size / 1024).toFixed(0).padStart(6)} KB gzip   budget ${(budget / 1024).toFixed(0)} KB`);
}
process.exit(over ? 1 : 0);
