// Import speed of two built checkouts of engram, side by side: the same
// generated 100k-card file, cold import and no-change re-import, then two
// commands that derive no card (`decks` on a store, a cold import of a few
// card files), each run in turn on A and B (A B A B ..., so a busy machine
// slows both alike). Prints the medians and B / A as a ratio: above 1 means B is slower.
//
// Usage: node scripts/compare-import-speed.mjs <checkout A> <checkout B> [rounds]
//   e.g. git worktree add /tmp/before fd91555 && (cd /tmp/before && npm ci && npm run build)
//        node scripts/compare-import-speed.mjs /tmp/before .
// Both checkouts must be built (bin/engram loads dist/bundle/main.js).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateDeck } from '../bench/generate-deck.js';
import { median } from '../bench/measure.js';

const [a, b, roundsArg] = process.argv.slice(2);
if (!a || !b) {
  console.error('usage: node scripts/compare-import-speed.mjs <checkout A> <checkout B> [rounds]');
  process.exit(2);
}
const ROUNDS = Number(roundsArg) || 5;
const CHECKOUTS = { A: resolve(a), B: resolve(b) };
const CARDS = 100_000;

/** Runs engram of one checkout; returns wall ms and stdout. Fails loudly when the command does. */
function engram(root, args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(root, 'bin/engram'), ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${root}: engram ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, out: r.stdout };
}

const dir = mkdtempSync(join(tmpdir(), 'engram-compare-'));
try {
  const deck = join(dir, 'deck.md');
  writeFileSync(deck, generateDeck(CARDS));
  // A few card files: the sample decks of checkout B that hold written cards (notes would load the English model).
  const { parseText } = await import(pathToFileURL(join(CHECKOUTS.B, 'dist/parse/parse-source.js')).href);
  const decksDir = join(CHECKOUTS.B, 'decks');
  const cardFiles = readdirSync(decksDir, { recursive: true })
    .filter((f) => String(f).endsWith('.md'))
    .map((f) => join(decksDir, String(f)))
    .filter((f) => !parseText(readFileSync(f, 'utf8'), f).fromNotes);

  const times = {};
  const record = (what, side, ms) => ((times[what] ??= { A: [], B: [] })[side].push(ms));
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which goes first, so neither always runs on a warmer cache.
    for (const side of round % 2 === 0 ? ['A', 'B'] : ['B', 'A']) {
      const root = CHECKOUTS[side];
      const db = join(dir, `${side}-${round}.db`);
      const cold = engram(root, ['import', deck, '--db', db, '--json']);
      if (JSON.parse(cold.out).totals.cards !== CARDS) throw new Error(`${side}: cold import made the wrong number of cards`);
      record(`cold import of ${CARDS.toLocaleString('en')} cards`, side, cold.ms);
      const again = engram(root, ['import', deck, '--db', db, '--json']);
      if (JSON.parse(again.out).totals.unchanged !== CARDS) throw new Error(`${side}: re-import changed cards`);
      record('no-change re-import of the file', side, again.ms);
      record('decks --db (a command that derives no card)', side, engram(root, ['decks', '--db', db]).ms);
      const small = join(dir, `${side}-${round}-small.db`);
      record(`cold import of ${cardFiles.length} card files (decks/)`, side, engram(root, ['import', ...cardFiles, '--db', small, '--json']).ms);
      rmSync(db, { force: true });
      rmSync(small, { force: true });
    }
  }

  console.log(`A = ${CHECKOUTS.A}\nB = ${CHECKOUTS.B}\nmedians of ${ROUNDS} alternating rounds (ms); B / A above 1 means B is slower\n`);
  console.log(`  ${'what'.padEnd(50)} ${'A'.padStart(8)} ${'B'.padStart(8)} ${'B / A'.padStart(7)}`);
  for (const [what, { A, B }] of Object.entries(times)) {
    const ma = median(A);
    const mb = median(B);
    console.log(`  ${what.padEnd(50)} ${ma.toFixed(0).padStart(8)} ${mb.toFixed(0).padStart(8)} ${(mb / ma).toFixed(2).padStart(7)}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
