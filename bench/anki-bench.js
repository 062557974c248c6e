// Anki packages: a generated collection of 50,000 notes (basic, reversed and
// cloze) and 1,000,000 review log rows imported by the real engram (spawned),
// then the imported decks exported back as a package; time and peak memory of
// each process. Targets: import <= 15 s, export <= 10 s.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { BASIC_ID, CLOZE_ID, REVERSED_ID, collectionConfJson, deckConfigJson, deckJson, stockModels } from '../dist/anki/stock-note-types.js';
import { writeAnkiCollection } from '../dist/store/anki-collection-writer.js';
import { report } from './measure.js';

const ENGRAM = fileURLToPath(new URL('../bin/engram', import.meta.url));
const PEAK_RSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('peak-rss-kb '+process.resourceUsage().maxRSS+'\\n'))`;
// ANKI_BENCH_SCALE=0.1 runs a tenth of it (for profiling).
const SCALE = Number(process.env.ANKI_BENCH_SCALE ?? 1);
const NOTES = Math.round(50_000 * SCALE);
const REVLOG = Math.round(1_000_000 * SCALE);
const DAY = 86_400_000;

/** A schema-11 collection of NOTES notes in 20 decks, their cards sharing REVLOG review rows over two years. */
export function generateCollection(path, now) {
  const decks = new Map();
  for (let d = 0; d < 20; d++) decks.set(1_600_000_000_000 + d, `Bench::Deck ${d}`);
  const notes = [];
  const cards = [];
  let id = now - 3 * 365 * DAY;
  for (let i = 0; i < NOTES; i++) {
    const nid = ++id;
    const kind = i % 10 < 7 ? 'basic' : i % 10 < 9 ? 'reversed' : 'cloze';
    const mid = kind === 'basic' ? BASIC_ID : kind === 'reversed' ? REVERSED_ID : CLOZE_ID;
    const flds = kind === 'cloze' ? `Fact ${i}: {{c1::alpha ${i}}} goes with {{c2::beta ${i}}}\x1f` : `What is <b>item ${i}</b>?<br>Think of ${i % 97}.\x1fAnswer ${i}, because of <i>reason ${i % 13}</i>.`;
    notes.push({ id: nid, guid: `g${i.toString(36)}x`, mid, mod: 0, tags: '', flds, sfld: `item ${i}`, csum: 0 });
    const did = 1_600_000_000_000 + (i % 20);
    const count = kind === 'basic' ? 1 : 2;
    for (let ord = 0; ord < count; ord++) cards.push({ id: ++id, nid, did, ord, mod: 0, type: 2, queue: i % 50 === 0 ? -1 : 2, due: 900, ivl: 10, factor: 2500, reps: 0, lapses: 0, left: 0, data: '{}' });
  }
  const revlog = [];
  const perCard = Math.floor(REVLOG / cards.length);
  let extra = REVLOG - perCard * cards.length;
  let t = now - 2 * 365 * DAY;
  for (const c of cards) {
    const n = perCard + (extra-- > 0 ? 1 : 0);
    let at = t + (c.id % 1000) * 60_000;
    for (let k = 0; k < n; k++) {
      at += (k + 1) * 3 * DAY + (k % 7) * 1000;
      const ease = k % 9 === 4 ? 1 : k % 5 === 0 ? 4 : 3;
      revlog.push({ id: at + revlog.length % 1000, cid: c.id, ease, ivl: k + 1, lastIvl: k, factor: 2500, time: 3000 + (k % 10) * 500, type: k === 0 ? 0 : 1 });
    }
  }
  // Review ids are times and must be unique.
  const seen = new Set();
  for (const r of revlog) {
    while (seen.has(r.id)) r.id++;
    seen.add(r.id);
  }
  const secs = Math.floor(now / 1000);
  writeAnkiCollection(path, {
    createdSecs: Math.floor((now - 3 * 365 * DAY) / 1000),
    modMs: now,
    conf: collectionConfJson(),
    models: stockModels(secs),
    decks: deckJson(decks, secs),
    dconf: deckConfigJson(secs),
    notes,
    cards,
    revlog,
  });
  return { notes: notes.length, cards: cards.length, revlog: revlog.length };
}

function engram(args, env) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', PEAK_RSS, ENGRAM, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`engram ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  const rss = /peak-rss-kb (\d+)/.exec(r.stderr);
  return { ms, rssMb: rss ? Number(rss[1]) / 1024 : NaN, out: r.stdout };
}

/** Generates the package, imports it, exports it again, and prints the figures. */
export async function ankiBench() {
  const dir = mkdtempSync(join(tmpdir(), 'engram-anki-bench-'));
  try {
    const now = Date.parse('2026-03-02T10:00:00Z');
    const made = generateCollection(join(dir, 'collection.anki21'), now);
    writeFileSync(join(dir, 'bench.apkg'), zipSync({ 'collection.anki21': readFileSync(join(dir, 'collection.anki21')), media: new TextEncoder().encode('{}'), meta: Uint8Array.from([8, 2]) }));
    const env = { ...process.env, ENGRAM_NOW: '2026-03-02T10:00:00Z', XDG_CONFIG_HOME: join(dir, 'config'), NO_COLOR: '1' };
    const db = join(dir, 'engram.db');
    const imported = engram(['import', join(dir, 'bench.apkg'), '--into', join(dir, 'decks'), '--db', db, '--json'], env);
    const result = JSON.parse(imported.out);
    if (result.reviews < made.revlog * 0.99) throw new Error(`only ${result.reviews} of ${made.revlog} reviews imported`);
    const exported = engram(['export', '--what', 'apkg', '-o', join(dir, 'out.apkg'), '--db', db], env);
    report(`Anki packages: ${made.notes.toLocaleString('en')} notes, ${made.cards.toLocaleString('en')} cards, ${made.revlog.toLocaleString('en')} review log rows (${(statSync(join(dir, 'bench.apkg')).size / 1e6).toFixed(1)} MB package)`, [
      ['engram import bench.apkg (markdown, cards, reviews, replay)', imported.ms, 'ms', '<= 15,000 ms', imported.ms <= 15_000],
      ['  reviews imported', result.reviews, 'rows'],
      ['  peak RSS', imported.rssMb, 'MB'],
      ['engram export --what apkg (every deck)', exported.ms, 'ms', '<= 10,000 ms', exported.ms <= 10_000],
      ['  peak RSS', exported.rssMb, 'MB'],
      ['  package written', statSync(join(dir, 'out.apkg')).size / 1e6, 'MB'],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
