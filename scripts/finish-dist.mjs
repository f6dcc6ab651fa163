// After `trunk build`: allow exactly the inline loader script Trunk writes into
// dist/index.html, by its sha256, in the Content-Security-Policy of
// dist/_headers. Nothing else inline may run.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const dist = process.argv[2] ?? 'dist';
const html = readFileSync(`${dist}/index.html`, 'utf8');
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
  .map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
const headers = readFileSync(`${dist}/_headers`, 'utf8').replace(
  "script-src 'self' 'wasm-unsafe-eval'",
  ["script-src 'self' 'wasm-unsafe-eval'", ...hashes].join(' '),
);
writeFileSync(`${dist}/_headers`, headers);
console.log(`CSP: ${hashes.length} inline script hash(es) allowed`);
