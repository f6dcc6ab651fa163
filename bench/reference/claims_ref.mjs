// Reference for frist's claim-file check, done the usual JavaScript way:
// fs.createReadStream piped into csv-parse, @navikt/fnrvalidator for the
// fødselsnummer, Date for the dd.mm.yyyy dates, a Set for duplicates. frist's
// rules (valid fnr, real dates, amount > 0 with at most two decimals, payout
// not before transport nor after today, each trip once, ragged rows are
// errors, FK-6's bar at payout + 3 years; without frist's roll-forward of a
// bar date that falls on a holiday). Timed from opening the file to the last
// record (wall).
// Usage: node claims_ref.mjs DIR [TODAY=2026-11-23]
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { fnr } from '@navikt/fnrvalidator';

const today = Date.parse(process.argv[3] ?? '2026-11-23');

/** dd.mm.yyyy as UTC ms, or NaN unless a real calendar date. */
function date(text) {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text ?? '');
  if (!m) return NaN;
  const d = new Date(Date.UTC(+m[3], m[2] - 1, +m[1]));
  return d.getUTCDate() === +m[1] && d.getUTCMonth() === m[2] - 1 ? d.getTime() : NaN;
}

/** `171,00` in øre, or NaN unless positive with at most two decimals. */
function ore(text) {
  const m = /^(\d{1,9})(?:,(\d{1,2}))?$/.exec(text ?? '');
  const v = m ? +m[1] * 100 + +(m[2] ?? '0').padEnd(2, '0') : NaN;
  return v > 0 ? v : NaN;
}

const t = performance.now();
const seen = new Set();
let lines = 0, valid = 0, validOre = 0;
const records = createReadStream(join(process.argv[2], 'claims-1000000.csv'))
  .pipe(parse({ delimiter: ';', columns: true, relax_column_count: true }));
for await (const r of records) {
  lines++;
  if (r.egenandel === undefined || fnr(r.fodselsnummer).status !== 'valid') continue;
  const transport = date(r.transportdato), payout = date(r.utbetalingsdato), amount = ore(r.egenandel);
  if (Number.isNaN(transport + payout + amount) || payout < transport || payout > today) continue;
  const p = new Date(payout);
  const bar = new Date(Date.UTC(p.getUTCFullYear() + 3, p.getUTCMonth(), p.getUTCDate()));
  if (bar.getUTCMonth() !== p.getUTCMonth()) bar.setUTCDate(0); // 29 Feb + 3 years: 28 Feb
  if (today > bar.getTime()) continue;
  const key = `${r.fodselsnummer}|${transport}|${payout}|${amount}`;
  if (seen.has(key)) continue;
  seen.add(key);
  valid++;
  validOre += amount;
}
const seconds = (performance.now() - t) / 1000;
console.log(JSON.stringify({
  claims_lines: lines, claims_valid: valid, claims_errors: lines - valid, claims_valid_ore: validOre,
  claims_seconds: +seconds.toFixed(3), claims_per_s: Math.round(lines / seconds),
}));
