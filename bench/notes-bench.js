// Notes parsing: generated notes (chapter prose, captures, bullet summaries,
// outlines; see generate-notes.js) at 1, 5 and 10 MB through the auto mode of
// the real parser, and the user's own notes when they are beside the repo.
// Each figure is the median of several runs. Linear means the time per MB
// stays flat as the file grows; the target is 1 s per MB.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseText } from '../dist/parse/parse-source.js';
import { generateNotes } from './generate-notes.js';
import { median, report, timeMs } from './measure.js';

export { generateNotes };

/** Notes import must stay at or under this many ms per MB (issue 15). */
const TARGET_MS_PER_MB = 1000;
/** Runs per size (BENCH_RUNS overrides): the median is reported. */
const RUNS = { 1: 5, 5: 3, 10: 3 };
// The seeds sit in shared/ beside the repo; BENCH_SEEDS names another folder (a worktree elsewhere).
const SEEDS = process.env.BENCH_SEEDS ? `${process.env.BENCH_SEEDS.replace(/\/$/, '')}/` : fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
const MB = 1024 * 1024;

/** The median time of parsing `text` as notes in auto mode, and its card count. */
function measure(text, runs) {
  let cards = 0;
  const times = [];
  for (let run = 0; run < runs; run++) {
    times.push(
      timeMs(() => {
        cards = parseText(text, 'notes.md').cards.length;
      }),
    );
  }
  return { ms: median(times), cards };
}

/** The user's note seeds (001-004), each a file of its own as an import reads them, or null when they are not beside the repo. */
function userNotes() {
  if (!existsSync(SEEDS)) return null;
  const files = readdirSync(SEEDS).filter((f) => /^00[1-4]/.test(f)).sort();
  if (files.length === 0) return null;
  return files.map((f) => readFileSync(SEEDS + f, 'utf8'));
}

/** The median time of parsing every file of `texts` (one after another), and their card count. */
function measureFiles(texts, runs) {
  let cards = 0;
  const times = [];
  for (let run = 0; run < runs; run++) {
    cards = 0;
    times.push(
      timeMs(() => {
        for (const text of texts) cards += parseText(text, 'notes.md').cards.length;
      }),
    );
  }
  return { ms: median(times), cards };
}

/** Runs the notes benchmark and prints its figures. */
export function notesBench() {
  const runs = (mb) => Number(process.env.BENCH_RUNS) || RUNS[mb];
  // The English model loads on first use; that one-off cost is not a per-MB figure.
  parseText(generateNotes(64 * 1024), 'warm.md');
  const rows = [];
  let perMb1 = 0;
  for (const mb of [1, 5, 10]) {
    const text = generateNotes(mb * MB);
    const { ms, cards } = measure(text, runs(mb));
    const perMb = ms / mb;
    if (mb === 1) perMb1 = perMb;
    rows.push([`${mb} MB of generated notes (${cards.toLocaleString('en')} cards, median of ${runs(mb)})`, ms, 'ms']);
    rows.push([`  per MB`, perMb, 'ms', `<= ${TARGET_MS_PER_MB} ms`, perMb <= TARGET_MS_PER_MB]);
    if (mb !== 1) rows.push([`  per MB / the 1 MB rate (linear)`, perMb / perMb1, 'x', '<= 1.5 x', perMb <= 1.5 * perMb1]);
  }
  const user = userNotes();
  if (user !== null) {
    const mb = user.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / MB;
    const { ms, cards } = measureFiles(user, runs(1));
    rows.push([`the user's notes, seeds 001-004 as 4 files (${mb.toFixed(2)} MB, ${cards} cards, median of ${runs(1)})`, ms, 'ms']);
    rows.push([`  per MB`, ms / mb, 'ms', `<= ${TARGET_MS_PER_MB} ms`, ms / mb <= TARGET_MS_PER_MB]);
  }
  report('notes: cards derived from notes', rows);
}
