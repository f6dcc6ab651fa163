// Test identities for the edge benchmarks and the load test (local mode
// accepts synthetic numbers).

/** `n` synthetic (Tenor, month + 80) fødselsnummer, all different. */
export function syntheticFnrs(n) {
  const w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
  const w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const out = [];
  for (let i = 0; out.length < n; i++) {
    const first = `${String(1 + (i % 28)).padStart(2, '0')}${81 + Math.floor(i / 28) % 12}80${String(100 + Math.floor(i / 336)).padStart(3, '0')}`;
    const d = [...first].map(Number);
    const k1 = (11 - (d.reduce((s, x, j) => s + x * w1[j], 0) % 11)) % 11;
    if (k1 === 10) continue;
    const k2 = (11 - ([...d, k1].reduce((s, x, j) => s + x * w2[j], 0) % 11)) % 11;
    if (k2 === 10) continue;
    out.push(first + k1 + k2);
  }
  return out;
}
