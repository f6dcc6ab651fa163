// `make load` (issue 10): 60 s of mixed read/write traffic from the three
// workflows against `wrangler dev` on loopback (built app + worker needed:
// `make build`), from CONCURRENCY clients at once. Prints, per kind of
// request and in total: requests, requests/s, p50/p99 latency and errors
// (any answer other than the expected status).
import { startServer } from '../tests/e2e/harness.mjs';
import { syntheticFnrs } from './fnr.mjs';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const CONCURRENCY = Number(process.env.LOAD_CONCURRENCY ?? 8);
const TODAY = '2026-03-20';
const server = await startServer();
const base = server.base;

async function login(email) {
  const r = await fetch(base + '/api/v1/session', {
    method: 'POST', headers: { Origin: base, 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: 'frist-demo-2026' }),
  });
  if (r.status !== 201) throw new Error(`login ${email}: ${r.status}`);
  return r.headers.get('set-cookie').split(';')[0];
}

const site = await login('sykehus@innlandet.example');
const helfo = await login('saksbehandler@helfo.example');
const kommune = await login('kommune@lillehammer.example');
const hf = await login('okonomi@helse-sorost.example');
const write = (cookie, extra = {}) => ({ Origin: base, 'Content-Type': 'application/json', Cookie: cookie, 'X-Frist-Today': TODAY, ...extra });
const FNRS = ['15038510190', '01019010046', '31127010040'];
// One open case per patient (FB-1): every notification names a new one.
const PATIENTS = syntheticFnrs(20_000);
let serial = 0;
const caseIds = [];
const claims = []; // { id, next, chunks }

async function newClaim() {
  const r = await fetch(base + '/api/v1/frikort/claims', {
    method: 'POST', headers: write(hf, { 'Idempotency-Key': `load-claim-${serial++}-${Date.now()}` }),
    body: JSON.stringify({ file_name: 'last.csv', aware: '2026-03-01', lines: 5000 * 200, chunks: 200 }),
  });
  if (r.status !== 201) throw new Error(`claim ${r.status} ${await r.text()}`);
  claims.push({ id: (await r.json()).id, next: 0 });
}

/** A 5,000-line chunk: lines the edge checks one by one (FK rules). */
function chunkBody(n) {
  const lines = [];
  for (let i = 0; i < 5000; i++) {
    const line = n * 5000 + i + 2;
    lines.push({ line, fodselsnummer: FNRS[i % 3], transportdato: `${String(1 + (i % 28)).padStart(2, '0')}.02.2026`,
      utbetalingsdato: '10.03.2026', egenandel: '171,00', referanse: `L${line}` });
  }
  return JSON.stringify({ lines });
}
const chunkText = chunkBody(0);

const KINDS = {
  'fristbrudd: case read': { weight: 35, expect: 200, run: () => fetch(`${base}/api/v1/fristbrudd/cases/${caseIds[serial++ % caseIds.length]}`, { headers: { Cookie: helfo } }) },
  'fristbrudd: queue': { weight: 10, expect: 200, run: () => fetch(`${base}/api/v1/fristbrudd/queue?limit=50`, { headers: { Cookie: helfo } }) },
  'fristbrudd: notification': {
    weight: 15, expect: 201, run: async () => {
      const r = await fetch(base + '/api/v1/fristbrudd/cases', {
        method: 'POST', headers: write(site, { 'Idempotency-Key': `load-${serial++}-${Date.now()}` }),
        body: JSON.stringify({ patient_fnr: PATIENTS[serial], patient_name: 'Last Pasient', patient_phone: '91234567',
          specialty: 'Ortopedi', fristdato: '01.04.2026', referral_received: '10.01.2026', warning_sent: '01.03.2026', kind: 'expected' }),
      });
      if (r.status === 201) caseIds.push((await r.clone().json()).id);
      return r;
    },
  },
  'fastlege: message list': { weight: 15, expect: 200, run: () => fetch(`${base}/api/v1/fastlege/messages?limit=50`, { headers: { Cookie: kommune } }) },
  'frikort: claim list': { weight: 10, expect: 200, run: () => fetch(`${base}/api/v1/frikort/claims?limit=50`, { headers: { Cookie: hf } }) },
  'frikort: 5,000-line chunk': {
    weight: 5, expect: 200, run: async () => {
      let c = claims.find((c) => c.next < 200);
      if (!c) { await newClaim(); c = claims[claims.length - 1]; }
      const n = c.next++;
      const body = n === 0 ? chunkText : chunkBody(n);
      return fetch(`${base}/api/v1/frikort/claims/${c.id}/chunks/${n}`, { method: 'PUT', headers: write(hf), body });
    },
  },
};

try {
  // Something to read from the start.
  for (let i = 0; i < 20; i++) await KINDS['fristbrudd: notification'].run();
  await newClaim();
  const bag = Object.entries(KINDS).flatMap(([name, k]) => Array(k.weight).fill(name));
  const seen = Object.fromEntries(Object.keys(KINDS).map((k) => [k, { times: [], errors: 0 }]));
  const end = performance.now() + SECONDS * 1000;
  let pick = 0;
  async function client() {
    while (performance.now() < end) {
      const name = bag[(pick = (pick * 1103515245 + 12345) % 2147483648) % bag.length];
      const started = performance.now();
      let ok = false;
      try {
        const r = await KINDS[name].run();
        await r.arrayBuffer();
        ok = r.status === KINDS[name].expect;
      } catch { ok = false; }
      seen[name].times.push(performance.now() - started);
      if (!ok) seen[name].errors++;
    }
  }
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  const secs = (performance.now() - t0) / 1000;
  const q = (t, p) => t[Math.min(t.length - 1, Math.floor(t.length * p))] ?? 0;
  const row = (name, t, errors) => {
    t.sort((a, b) => a - b);
    console.log(`${name.padEnd(28)} ${String(t.length).padStart(8)} ${(t.length / secs).toFixed(1).padStart(8)} ${q(t, 0.5).toFixed(1).padStart(8)} ${q(t, 0.99).toFixed(1).padStart(8)} ${String(errors).padStart(7)}`);
  };
  console.log(`load: ${SECONDS} s, ${CONCURRENCY} clients, wrangler dev on loopback`);
  console.log(`${'request'.padEnd(28)} ${'count'.padStart(8)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'errors'.padStart(7)}`);
  for (const [name, s] of Object.entries(seen)) row(name, s.times, s.errors);
  row('all', Object.values(seen).flatMap((s) => s.times), Object.values(seen).reduce((n, s) => n + s.errors, 0));
} finally {
  server.stop();
}
