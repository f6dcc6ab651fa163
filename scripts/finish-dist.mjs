// After `trunk build` (issue 27 and before):
//  1. Each language's texts (texts/app/*.json and the domain's
//     texts/issues.json, as `issue.<code>`) become one file per language,
//     dist/texts/<lang>-<hash>.json: the page fetches only its language's.
//  2. The signed-in app (`frist-app`) and the checker worker
//     (`frist-checker`), which Trunk builds as unhashed worker modules, get
//     their content's hash in their names, and the checker a module-worker
//     loader.
//  3. dist/index.html lists those files for the entry module in
//     <script type="application/json" id="frist-assets">.
//  4. The Content-Security-Policy in dist/_headers allows exactly the inline
//     loader script Trunk writes into index.html, by its sha256. Nothing
//     else inline may run (the asset list is data, not script).
// A text without all three languages, or defined twice, fails the build.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(process.argv[2] ?? 'dist');
const hash = (...parts) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex').slice(0, 16);
};

// 1. Texts, one file per language.
const LANGS = ['nb', 'nn', 'en'];
function readCatalogue() {
  const all = new Map();
  const problems = [];
  const add = (file, key, texts) => {
    if (!Array.isArray(texts) || texts.length !== 3 || texts.some((t) => typeof t !== 'string')) {
      problems.push(`${file}: ${key}: needs [nb, nn, en]`);
    } else if (all.has(key)) {
      problems.push(`${file}: ${key}: defined twice`);
    } else {
      all.set(key, texts);
    }
  };
  const appDir = join(root, 'texts/app');
  for (const f of readdirSync(appDir).filter((f) => f.endsWith('.json')).sort()) {
    for (const [key, texts] of Object.entries(JSON.parse(readFileSync(join(appDir, f), 'utf8')))) add(`texts/app/${f}`, key, texts);
  }
  for (const [code, texts] of Object.entries(JSON.parse(readFileSync(join(root, 'texts/issues.json'), 'utf8')))) {
    add('texts/issues.json', `issue.${code}`, texts);
  }
  if (problems.length) {
    console.error(`text catalogue errors:\n${problems.join('\n')}`);
    process.exit(1);
  }
  return all;
}
const catalogue = readCatalogue();
mkdirSync(join(dist, 'texts'), { recursive: true });
const texts = {};
LANGS.forEach((lang, i) => {
  const body = JSON.stringify(Object.fromEntries([...catalogue].map(([k, t]) => [k, t[i]])));
  const name = `texts/${lang}-${hash(body)}.json`;
  writeFileSync(join(dist, name), body);
  texts[lang] = `/${name}`;
});

// 2. The worker-built modules, named by their content.
function hashModule(name) {
  const js = join(dist, `${name}.js`);
  const wasm = join(dist, `${name}_bg.wasm`);
  if (!existsSync(js) || !existsSync(wasm)) {
    console.error(`finish-dist: ${name}.js or ${name}_bg.wasm is missing from ${dist}; run trunk build first`);
    process.exit(1);
  }
  const h = hash(readFileSync(wasm), readFileSync(js));
  const named = `${name}-${h}`;
  const code = readFileSync(js, 'utf8').replaceAll(`'${name}_bg.wasm'`, `'${named}_bg.wasm'`);
  writeFileSync(join(dist, `${named}.js`), code);
  renameSync(wasm, join(dist, `${named}_bg.wasm`));
  rmSync(js);
  return { js: `/${named}.js`, wasm: `/${named}_bg.wasm`, named };
}
const app = hashModule('frist-app');
const checker = hashModule('frist-checker');
const loader = `${checker.named}.worker.js`;
writeFileSync(join(dist, loader),
  `import init from './${checker.named}.js';\nawait init({ module_or_path: new URL('./${checker.named}_bg.wasm', import.meta.url) });\n`);

// 3. The asset list, for the entry module.
const assets = { app: { js: app.js, wasm: app.wasm }, checker: `/${loader}`, texts };
let html = readFileSync(join(dist, 'index.html'), 'utf8');
html = html.replace('</head>', `<script type="application/json" id="frist-assets">${JSON.stringify(assets)}</script></head>`);
writeFileSync(join(dist, 'index.html'), html);

// 4. The CSP: the inline loader script by its hash.
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*\btype="application\/json")[^>]*>([\s\S]*?)<\/script>/g)]
  .map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
const headers = readFileSync(join(dist, '_headers'), 'utf8').replace(
  "script-src 'self' 'wasm-unsafe-eval'",
  ["script-src 'self' 'wasm-unsafe-eval'", ...hashes].join(' '),
);
writeFileSync(join(dist, '_headers'), headers);
console.log(`texts: ${LANGS.map((l) => texts[l]).join(', ')}; app ${app.js}; checker ${loader}`);
console.log(`CSP: ${hashes.length} inline script hash(es) allowed`);
