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
import { seededRandom } from '../dist/schedule/seeded-random.js';
import { revlogColumns, writeAnkiCollection } from '../dist/store/anki-collection-writer.js';
import { report } from './measure.js';

const ENGRAM = fileURLToPath(new URL('../bin/engram', import.meta.url));
const PEAK_RSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('peak-rss-kb '+process.resourceUsage().maxRSS+'\\n'))`;
// ANKI_BENCH_SCALE=0.1 runs a tenth of it (for profiling).
const SCALE = Number(process.env.ANKI_BENCH_SCALE ?? 1);
const NOTES = Math.round(50_000 * SCALE);
const REVLOG = Math.round(1_000_000 * SCALE);
const DAY = 86_400_000;

// The fields are what Anki's editor writes, not only the text, <b>, <i> and <br> that html-markdown.ts reads without
// its HTML converter: a field of the bench once was always that kind, which made the import look faster than a real
// collection's. Each field is drawn (seeded, so every run imports the same package) from these shapes, in these shares:
//   a third  text with <b>, <i>, <br> (typed plain, or pasted text that kept no formatting);
//   18 %     &nbsp; where the editor keeps a second or a trailing space ("word&nbsp; word", "Paris?&nbsp;");
//   15 %     <div> lines: the editor puts each line after the first in a <div> ("line<div>line 2</div>"), at times a
//            <div><br></div> for a blank one;
//    8 %     <span style="..."> around words (colour or size set in the editor, or kept from a pasted web page);
//    5 %     <u> (the editor's underline);
//    7 %     the entities the editor writes for <, > and & ("a &lt; b &amp;&amp; c &gt; d");
//    6 %     <img src="..."> with or without text (a pasted or added picture);
//    3 %     [sound:...] (an added recording);
//    2 %     <ul><li> lists;
//    1 %     <a href> links;
//    1 %     <h1> headings (as the shared decks in ../shared/anki have).
// Cloze texts put <b> around a cloze, markup inside a cloze, &nbsp; and <div> lines around them in the same spirit.
const SHAPES = [
  [1 / 3, (w, n) => `What is <b>${w} ${n}</b>?<br>Think of ${n % 97}.`],
  [0.18, (w, n) => (n % 2 ? `${w}&nbsp; ${n} in&nbsp;short?&nbsp;` : `The ${w} of ${n}&nbsp;`)],
  [0.15, (w, n) => (n % 3 ? `${w} ${n}<div>second line of ${n % 41}</div>` : `<div>${w} ${n}</div><div><br></div><div>after a blank line</div>`)],
  [0.08, (w, n) => `<span style="color: rgb(0, 0, 255);">${w}</span> ${n}<span style="font-size: 20px;"> big ${n % 7}</span>`],
  [0.05, (w, n) => `<u>${w}</u> is ${n}`],
  [0.07, (w, n) => `${n} &lt; ${n + 1} &amp;&amp; ${w} &gt; 0`],
  [0.06, (w, n) => (n % 2 ? `<img src="pic-${n}.jpg">` : `${w} ${n}<br><img src="pic ${n}.png">`)],
  [0.03, (w, n) => `${w} ${n} [sound:say-${n}.mp3]`],
  [0.02, (w, n) => `${w}:<ul><li>first ${n}</li><li>second</li></ul>`],
  [0.01, (w, n) => `See <a href="https://example.org/${n}">${w}</a>`],
  [0.01, (w, n) => `<h1>${w} ${n}</h1>`],
];
const WORDS = ['item', 'capital', 'verb', 'enzyme', 'theorem', 'kanji', 'café', 'river'];
const CLOZES = [
  (n) => `Fact ${n}: {{c1::alpha ${n}}} goes with {{c2::beta ${n}}}`,
  (n) => `<b>{{c1::alpha ${n}}}</b> goes with&nbsp;{{c2::<i>beta</i> ${n}::hint}}`,
  (n) => `Fact ${n}<div>{{c1::alpha&nbsp;${n}}} &lt; {{c2::beta}}</div>`,
  (n) => `<span style="color: rgb(0, 0, 0);">{{c1::alpha ${n}}}</span> and {{c2::<u>beta</u>}}<br>${n}`,
];

/** A field drawn from SHAPES by `random`, its words varied by `n`. */
function field(random, n) {
  let r = random();
  const word = WORDS[Math.floor(random() * WORDS.length)];
  for (const [share, shape] of SHAPES) {
    if (r < share) return shape(word, n);
    r -= share;
  }
  return SHAPES[0][1](word, n);
}

/** A schema-11 collection of NOTES notes in 20 decks, their cards sharing REVLOG review rows over two years. */
export function generateCollection(path, now) {
  const decks = new Map();
  for (let d = 0; d < 20; d++) decks.set(1_600_000_000_000 + d, `Bench::Deck ${d}`);
  const notes = [];
  const cards = [];
  let id = now - 3 * 365 * DAY;
  const random = seededRandom(18);
  for (let i = 0; i < NOTES; i++) {
    const nid = ++id;
    const kind = i % 10 < 7 ? 'basic' : i % 10 < 9 ? 'reversed' : 'cloze';
    const mid = kind === 'basic' ? BASIC_ID : kind === 'reversed' ? REVERSED_ID : CLOZE_ID;
    const flds = kind === 'cloze' ? `${CLOZES[Math.floor(random() * CLOZES.length)](i)}\x1f${random() < 0.3 ? field(random, i) : ''}` : `${field(random, i)}\x1f${field(random, i + 1)}`;
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
      revlog.push({ id: at + revlog.length % 1000, cardId: c.id, ease, ivl: k + 1, lastIvl: k, factor: 2500, time: 3000 + (k % 10) * 500, type: k === 0 ? 0 : 1 });
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
    revlog: revlogColumns(revlog),
  });
  // The pictures and recordings the fields name, which the package holds (as Anki's export does): the import copies them.
  const media = new Set();
  for (const n of notes) for (const m of n.flds.matchAll(/<img src="([^"]+)"|\[sound:([^\]]+)\]/g)) media.add(m[1] ?? m[2]);
  return { notes: notes.length, cards: cards.length, revlog: revlog.length, media: [...media] };
}

/**
 * The package: the collection, the media map (JSON, as collection.anki21 packages have it) and a media file of
 * MEDIA_BYTES for every name the fields use (small: the figure is of the import's work, not of the disk).
 */
export function packageOf(collectionPath, media) {
  const files = { 'collection.anki21': readFileSync(collectionPath), meta: Uint8Array.from([8, 2]) };
  const map = {};
  const bytes = new Uint8Array(MEDIA_BYTES).fill(0x2a);
  media.forEach((name, i) => {
    map[String(i)] = name;
    files[String(i)] = bytes;
  });
  files.media = new TextEncoder().encode(JSON.stringify(map));
  return zipSync(files);
}
const MEDIA_BYTES = 2048;

function engram(args, env) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', PEAK_RSS, ENGRAM, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`engram ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  const rss = /peak-rss-kb (\d+)/.exec(r.stderr);
  return { ms, rssMb: rss ? Number(rss[1]) / 1024 : NaN, out: r.stdout, status: r.status, stderr: r.stderr };
}

/** Generates the package, imports it, exports it again, and prints the figures. */
export async function ankiBench() {
  const dir = mkdtempSync(join(tmpdir(), 'engram-anki-bench-'));
  try {
    const now = Date.parse('2026-03-02T10:00:00Z');
    const made = generateCollection(join(dir, 'collection.anki21'), now);
    writeFileSync(join(dir, 'bench.apkg'), packageOf(join(dir, 'collection.anki21'), made.media));
    const env = { ...process.env, ENGRAM_NOW: '2026-03-02T10:00:00Z', XDG_CONFIG_HOME: join(dir, 'config'), NO_COLOR: '1' };
    const db = join(dir, 'engram.db');
    const imported = engram(['import', join(dir, 'bench.apkg'), '--into', join(dir, 'decks'), '--db', db, '--json'], env);
    const result = JSON.parse(imported.out);
    if (result.reviews < made.revlog * 0.99) throw new Error(`only ${result.reviews} of ${made.revlog} reviews imported`);
    // Every field the package holds imports without a problem, every media file named is copied.
    if (imported.status !== 0 || result.media !== made.media.length) throw new Error(`the import reported problems (exit ${imported.status}, ${result.media} of ${made.media.length} media files): ${imported.stderr.slice(0, 2000)}`);
    const exported = engram(['export', '--what', 'apkg', '-o', join(dir, 'out.apkg'), '--db', db], env);
    report(`Anki packages: ${made.notes.toLocaleString('en')} notes, ${made.cards.toLocaleString('en')} cards, ${made.revlog.toLocaleString('en')} review log rows (${(statSync(join(dir, 'bench.apkg')).size / 1e6).toFixed(1)} MB package)`, [
      ['engram import bench.apkg (markdown, cards, reviews, replay)', imported.ms, 'ms', '<= 15,000 ms', imported.ms <= 15_000],
      ['  reviews imported', result.reviews, 'rows'],
      ['  media files copied', result.media, 'files'],
      ['  peak RSS', imported.rssMb, 'MB'],
      ['engram export --what apkg (every deck)', exported.ms, 'ms', '<= 10,000 ms', exported.ms <= 10_000],
      ['  peak RSS', exported.rssMb, 'MB'],
      ['  package written', statSync(join(dir, 'out.apkg')).size / 1e6, 'MB'],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
