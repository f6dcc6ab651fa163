// frist's claim-file check compiled to wasm (the code the browser runs),
// timed under Node on the bench's claim file, fed in the app's 512 KiB slices.
// Usage: node bench/claims-wasm.mjs PKG_DIR FILE [TODAY]; prints one JSON line.
import { openSync, readSync, fstatSync, closeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const [pkg, file, today = '2026-11-23'] = process.argv.slice(2);
const { ClaimCheck } = createRequire(import.meta.url)(join(resolve(pkg), 'frist_bench_wasm.js'));
const slice = Buffer.alloc(512 * 1024);
let best = null;
for (let round = 0; round < 3; round++) {
  const started = performance.now();
  const fd = openSync(file, 'r');
  const check = new ClaimCheck(today, fstatSync(fd).size);
  for (;;) {
    const n = readSync(fd, slice, 0, slice.length, null);
    check.feed(slice.subarray(0, n), n === 0);
    if (n === 0) break;
  }
  closeSync(fd);
  const seconds = (performance.now() - started) / 1000;
  const summary = JSON.parse(check.summary());
  check.free();
  if (!best || seconds < best.seconds) best = { ...summary, seconds };
}
console.log(JSON.stringify({ ...best, per_s: Math.round(best.lines / best.seconds) }));
