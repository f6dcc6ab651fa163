// Starts one `wrangler dev` (app + API) on a free loopback port with a
// throwaway state folder, and Chromium through playwright-core; stops both,
// whatever happens. Used by run.mjs.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

// How long a browser test waits for a condition before it fails. These are
// deadlines, never delays: a test waits for what it needs to see and goes on
// the moment it appears. They are generous because a fresh, loaded 2-core
// machine compiles the 1 MB app module and runs wrangler dev at the same
// time; a fast machine never comes near them.
export const WAIT = 60_000;
/// For work that is large on purpose (100,000 claim lines, 1,000 chunks).
export const LONG_WORK = 300_000;

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const wrangler = join(root, 'node_modules/.bin/wrangler');

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
    s.on('error', rej);
  });
}

/** Deletes every draft stored in this browser (all users' encrypted
 * drafts, `frist.vault.*`); the page forgets what it holds after a reload. */
export async function clearDrafts(page) {
  await page.evaluate(() => Object.keys(localStorage)
    .filter((k) => k.startsWith('frist.vault.'))
    .forEach((k) => localStorage.removeItem(k)));
}

/** Whether this browser stores a draft entry whose name ends with `name`. */
export async function hasDraftEntry(page, name) {
  return page.evaluate((n) => Object.keys(localStorage).some((k) => k.startsWith('frist.vault.') && k.endsWith(n)), name);
}

/** The local HelseID and ID-porten stand-ins (scripts/local-op/op.mjs) on
 * free ports, stopped with the test run: `{ helseid, idporten }` issuers. */
export async function startLocalOp() {
  const child = spawn(process.execPath, [join(root, 'scripts/local-op/op.mjs'),
    '--helseid-port', '0', '--idporten-port', '0'], { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
  process.on('exit', () => { try { process.kill(-child.pid, 'SIGKILL'); } catch {} });
  const deadline = setTimeout(() => child.emit('error', new Error('the local OpenID Provider did not start')), 120_000);
  const issuers = await new Promise((res, rej) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => l.startsWith('{') && l.endsWith('}'));
      if (line) res(JSON.parse(line));
    });
    child.on('error', rej);
    child.on('exit', (code) => rej(new Error(`the local OpenID Provider exited (${code})`)));
  });
  clearTimeout(deadline);
  // Its output is drained, and neither it nor its pipe keeps a script that
  // is done alive: the handler above ends it when this process exits.
  child.stdout.resume();
  child.stdout.unref();
  child.unref();
  return issuers;
}

export async function startServer() {
  const op = await startLocalOp();
  const state = mkdtempSync(join(tmpdir(), 'frist-e2e-'));
  const cwd = join(root, 'functions');
  const env = { ...process.env, CI: 'true', FRIST_SKIP_BUILD: '1' };
  execFileSync(wrangler, ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state], { cwd, env, stdio: 'pipe' });
  execFileSync(wrangler, ['d1', 'execute', 'DB', '--local', '--persist-to', state, '--file', 'seed/demo.sql'], { cwd, env, stdio: 'pipe' });
  const port = await freePort();
  const log = openSync(join(state, 'wrangler.log'), 'w');
  // detached: its own process group, stopped as a group (never `kill -<pgid>` from a shell).
  const child = spawn(wrangler, ['dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', '0',
    '--persist-to', state, '--show-interactive-dev-session=false',
    // The test clock: a page may name its date with X-Frist-Today (fixed-date tests).
    '--var', 'FRIST_TEST_CLOCK:1',
    // Local mode: the configuration without one is production (wrangler.toml).
    '--var', 'FRIST_MODE:local',
    // Sign-in through the local HelseID and ID-porten stand-ins.
    '--var', `FRIST_OIDC_HELSEID_ISSUER:${op.helseid}`,
    '--var', `FRIST_OIDC_IDPORTEN_ISSUER:${op.idporten}`], { cwd, env, detached: true, stdio: ['ignore', log, log] });
  const base = `http://127.0.0.1:${port}`;
  const stop = () => {
    try { process.kill(-child.pid, 'SIGTERM'); } catch {}
    setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch {} }, 500).unref();
  };
  process.on('exit', () => { try { process.kill(-child.pid, 'SIGKILL'); } catch {} ; rmSync(state, { recursive: true, force: true }); });
  const deadline = Date.now() + 180_000; // a deadline for a loaded machine, not a delay
  for (;;) {
    try {
      const r = await fetch(`${base}/api/v1/health`);
      if (r.status === 200) break;
    } catch {}
    if (Date.now() > deadline) { stop(); throw new Error(`wrangler dev did not answer on ${base}; see ${state}/wrangler.log`); }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { base, stop, state, op };
}

export async function startBrowser() {
  const profile = mkdtempSync(join(tmpdir(), 'frist-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context.setDefaultTimeout(WAIT);
  return { context, close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); } };
}
