// Edge figures against `wrangler dev` on loopback (built app + worker
// needed: `make build`). Reports the cost of one login — PBKDF2-SHA256 with
// 100,000 iterations through the runtime's WebCrypto — as the difference
// between a login round trip and a session check round trip, plus p50/p99.
import { startServer } from '../tests/e2e/harness.mjs';
import { syntheticFnrs } from './fnr.mjs';

const N = Number(process.env.N ?? 40);
const server = await startServer();
const base = server.base;
const origin = { Origin: base, 'Content-Type': 'application/json' };
const creds = JSON.stringify({ email: 'saksbehandler@helfo.example', password: 'frist-demo-2026' });

async function time(fn) {
  const t = [];
  for (let i = 0; i < N; i++) {
    const s = performance.now();
    await fn();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return { p50: t[Math.floor(N * 0.5)], p99: t[Math.min(N - 1, Math.floor(N * 0.99))] };
}

try {
  let cookie = '';
  const login = await time(async () => {
    const r = await fetch(base + '/api/v1/session', { method: 'POST', headers: origin, body: creds });
    if (r.status !== 201) throw new Error(`login ${r.status}`);
    cookie = r.headers.get('set-cookie').split(';')[0];
  });
  const check = await time(async () => {
    const r = await fetch(base + '/api/v1/session', { headers: { Cookie: cookie } });
    if (r.status !== 200) throw new Error(`session ${r.status}`);
  });
  // Fristbrudd (issue 5): a notification, a case read, a transition.
  const site = await fetch(base + '/api/v1/session', {
    method: 'POST', headers: origin,
    body: JSON.stringify({ email: 'sykehus@innlandet.example', password: 'frist-demo-2026' }),
  });
  const siteCookie = site.headers.get('set-cookie').split(';')[0];
  const fnrs = syntheticFnrs(N);
  const ids = [];
  let k = 0;
  const notify = await time(async () => {
    const fnr = fnrs[k++];
    const r = await fetch(base + '/api/v1/fristbrudd/cases', {
      method: 'POST',
      headers: { ...origin, Cookie: siteCookie, 'Idempotency-Key': `bench-${Date.now()}-${k}` },
      body: JSON.stringify({
        patient_fnr: fnr, patient_name: 'Bench Pasient', patient_phone: '91234567', specialty: 'Ortopedi',
        fristdato: '2099-01-01', referral_received: '2026-01-10', warning_sent: '2026-03-01', kind: 'expected',
      }),
    });
    if (r.status !== 201) throw new Error(`notify ${r.status} ${await r.text()}`);
    ids.push((await r.json()).id);
  });
  k = 0;
  const read = await time(async () => {
    const r = await fetch(base + `/api/v1/fristbrudd/cases/${ids[k++]}`, { headers: { Cookie: cookie } });
    if (r.status !== 200) throw new Error(`read ${r.status}`);
  });
  k = 0;
  const takeUp = await time(async () => {
    const r = await fetch(base + `/api/v1/fristbrudd/cases/${ids[k++]}/events`, {
      method: 'POST', headers: { ...origin, Cookie: cookie, 'If-Match': '"1"' },
      body: JSON.stringify({ event: 'take_up' }),
    });
    if (r.status !== 200) throw new Error(`take_up ${r.status}`);
  });
  const f = (x) => x.toFixed(1).padStart(7);
  console.log(`edge (wrangler dev, loopback, ${N} calls each)      p50 ms   p99 ms`);
  console.log(`POST /api/v1/session (login, PBKDF2 100k)       ${f(login.p50)}  ${f(login.p99)}`);
  console.log(`GET  /api/v1/session (session check)            ${f(check.p50)}  ${f(check.p99)}`);
  console.log(`login cost above a session check (p50)          ${f(login.p50 - check.p50)}`);
  console.log(`POST fristbrudd/cases (notification)            ${f(notify.p50)}  ${f(notify.p99)}`);
  console.log(`GET  fristbrudd/cases/:id (case + history)      ${f(read.p50)}  ${f(read.p99)}`);
  console.log(`POST fristbrudd/cases/:id/events (take up)      ${f(takeUp.p50)}  ${f(takeUp.p99)}`);
} finally {
  server.stop();
}
