// The graded sample of derived cards (issue 15): 25 cards derived from notes
// per deck whose name starts with each prefix, the same cards on every run.
//
//   engram cards --json --db S > cards.json
//   node scripts/sample-derived-cards.mjs cards.json [--json] [--prefixes 001,002,003,004] [--seed 15] [--per-deck 25|all]
//
// `--per-deck all` prints every derived card (grading the whole population
// leaves no sampling error).
//
// Cards sorted by id are shuffled (Fisher-Yates, mulberry32 seeded), the first
// 25 kept and printed in id order, as a learner reads them: heading path,
// context, front, back.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const file = args.find((a, i) => !a.startsWith('--') && !['--prefixes', '--seed', '--per-deck'].includes(args[i - 1]));
if (!file) {
  console.error('usage: node scripts/sample-derived-cards.mjs cards.json [--json] [--prefixes 001,002] [--seed 15] [--per-deck 25|all]');
  process.exit(2);
}
const cards = JSON.parse(readFileSync(file, 'utf8'));
const prefixes = option('--prefixes', '001,002,003,004').split(',');
const seed = Number(option('--seed', '15'));
const perDeck = option('--per-deck', '25');
const PER_DECK = perDeck === 'all' ? Infinity : Number(perDeck);

/** mulberry32: a small seeded generator, so the sample never depends on Math.random. */
function mulberry32(a) {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sample = [];
for (const prefix of prefixes) {
  const pool = cards.filter((c) => c.deck.startsWith(prefix) && c.derived).sort((a, b) => a.id - b.id);
  const next = mulberry32(seed);
  const ids = pool.map((c) => c.id);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [ids[i], ids[j]] = [ids[j], ids[i]];
  }
  const picked = new Set(ids.slice(0, PER_DECK));
  sample.push(...pool.filter((c) => picked.has(c.id)));
}

if (args.includes('--json')) console.log(JSON.stringify(sample, null, 1));
else {
  for (const c of sample) {
    console.log(`#${c.id} [${c.deck}] ${c.kind}/${c.syntax} ${c.source.path.split('/').pop()}:${c.source.line}`);
    console.log(`  path: ${(c.headingPath ?? []).join(' > ')}`);
    if (c.context) console.log(`  ctx : ${c.context}`);
    console.log(`  Q   : ${c.front}`);
    console.log(`  A   : ${c.back}`);
  }
}
