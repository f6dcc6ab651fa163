// Reference for frist's fødselsnummer check: NAV's @navikt/fnrvalidator, the
// validator Norwegian public-sector JavaScript uses today, over the same
// seeded fnr.txt. Only the validation loop is timed (best of 3), so the rate
// compares the checks, not file reading. Usage: node fnr_ref.mjs DIR
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fnr } from '@navikt/fnrvalidator';

const numbers = readFileSync(join(process.argv[2], 'fnr.txt'), 'utf8').split('\n').filter(Boolean);
let valid = 0;
let best = Infinity;
for (let run = 0; run < 3; run++) {
  const t = performance.now();
  valid = 0;
  for (const n of numbers) if (fnr(n).status === 'valid') valid++;
  best = Math.min(best, performance.now() - t);
}
console.log(JSON.stringify({
  fnr_count: numbers.length,
  fnr_valid: valid,
  fnr_per_s: Math.round(numbers.length / (best / 1000)),
}));
