import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importPaths, type FileReport } from '../../src/library/import-sources.js';
import type { ParseMode } from '../../src/model/parse-mode.js';
import { decodeSource } from '../../src/parse/decode-source.js';
import { listCards } from '../../src/store/cards.js';
import { appendReview } from '../../src/store/reviews.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { suiteFigures } from './figures.js';
import { fileBytes, pooledDeck } from './markdown-arbitraries.js';

// Generated folders of card files through importPaths into a fresh store,
// imported, re-imported unchanged, then mutated and imported again.

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5);
/** See fuzz-parse.test.ts: ENGRAM_FUZZ_SCALE multiplies the runs, ENGRAM_FUZZ_SEED picks other inputs. */
const RUNS = Number(process.env['ENGRAM_FUZZ_SCALE'] ?? 1);
const SEED = Number(process.env['ENGRAM_FUZZ_SEED'] ?? 7000);
/** vitest's own timeout for one property, which runs all its inputs. */
const TIMEOUT_MS = 180_000 * RUNS;
/** A hang detector (see fuzz-parse.test.ts): an import of up to 7 generated files. */
const HANG_MS = 30_000;
const figures = suiteFigures('fuzz import', ['folders imported', 'inputs tried', 'problems found', 'cards stored', 'slowest ms']);

/** Imports, timing the import against the hang bound. */
function timedImport(store: Store, paths: string[] | null, options: Parameters<typeof importPaths>[2]): FileReport[] {
  const start = performance.now();
  const reports = importPaths(store, paths, options);
  const ms = performance.now() - start;
  figures['slowest ms'] = Math.max(figures['slowest ms'], Math.round(ms));
  expect(ms, 'import took longer than the hang bound').toBeLessThan(HANG_MS);
  return reports;
}

const fileName = fc.constantFrom('a.md', 'b.markdown', 'notes.txt', 'sub/c.md', 'sub/deep/d.md', 'é t.md', '🃏 deck.md', 'UPPER.MD', 'sub/a.md');
/** Generated or mutated markdown, or a deck sharing its cards with the folder's other files. */
const content = fc.oneof(fileBytes, pooledDeck);
const files = fc.uniqueArray(fc.tuple(fileName, content), { minLength: 1, maxLength: 5, selector: ([name]) => name });
const mode = fc.constantFrom<ParseMode | undefined>(undefined, 'auto', 'cards', 'notes');
/** What changes between the second and third import: files rewritten, deleted, added. */
const edits = fc.record({
  rewrite: fc.array(fc.tuple(fc.nat(), content), { maxLength: 3 }),
  remove: fc.array(fc.nat(), { maxLength: 2 }),
  add: fc.array(fc.tuple(fileName, content), { maxLength: 2 }),
  resyncAll: fc.boolean(),
});

let mtimeSeconds = 1_760_000_000;

/** Writes a file with a fresh mtime, so a rewrite is never mistaken for the old content; returns the mtime. */
function writeFile(root: string, name: string, bytes: Uint8Array): number {
  const path = join(root, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  mtimeSeconds += 100;
  utimesSync(path, mtimeSeconds, mtimeSeconds);
  return statSync(path).mtimeMs;
}

/** Every file under `root`, by path relative to it, with its bytes and mtime. */
function filesOnDisk(root: string): Map<string, [Buffer, number]> {
  const out = new Map<string, [Buffer, number]>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else out.set(relative(root, path), [readFileSync(path), stat.mtimeMs]);
    }
  };
  walk(root);
  return out;
}

/** What `filesOnDisk` must find: the files written, untouched since. */
function asWritten(written: ReadonlyMap<string, Uint8Array>, mtimes: ReadonlyMap<string, number>): Map<string, [Buffer, number]> {
  return new Map([...written].map(([name, bytes]) => [name, [Buffer.from(bytes), mtimes.get(name)!]]));
}

/** The whole review log, each answer with the card it belongs to (which must still exist). */
function listReviews(store: Store): unknown[] {
  return store.db.prepare('SELECT r.id, r.card_id, r.reviewed_at, r.rating FROM reviews r JOIN cards c ON c.id = r.card_id ORDER BY r.id').all();
}

/** Each file is reported once, and every problem sits at a line of its file (0 = the whole file) and says something. */
function checkReports(reports: readonly FileReport[], notes: string, written: ReadonlyMap<string, Uint8Array>): void {
  expect(new Set(reports.map((r) => r.path)).size, 'a file reported twice').toBe(reports.length);
  for (const r of reports) {
    const bytes = written.get(relative(notes, r.path));
    const text = bytes === undefined ? null : decodeSource(bytes).text;
    const lineCount = text === null ? 0 : text.split('\n').length;
    for (const p of r.problems) {
      expect(Number.isInteger(p.line) && p.line >= 0 && p.line <= lineCount, `${r.path}: problem line ${p.line} of ${lineCount}: ${p.message}`).toBe(true);
      expect(p.message.trim()).not.toBe('');
    }
    figures['problems found'] += r.problems.length;
  }
}

/** The store is whole and its cards hang together. */
function checkStore(store: Store, notes: string): void {
  expect(store.db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  expect(store.db.pragma('foreign_key_check')).toEqual([]);
  const orphans = store.db
    .prepare(
      `SELECT c.id, s.path, s.missing_since FROM cards c LEFT JOIN sources s ON s.id = c.source_id
       WHERE c.archived_at IS NULL AND (s.id IS NULL OR s.missing_since IS NOT NULL)`,
    )
    .all();
  expect(orphans, 'active cards without a present source').toEqual([]);
  const miscounted = store.db
    .prepare(
      `SELECT s.path, s.active_cards FROM sources s
       WHERE s.active_cards != (SELECT count(*) FROM cards c WHERE c.source_id = s.id AND c.archived_at IS NULL)`,
    )
    .all();
  expect(miscounted, 'sources whose active count is wrong').toEqual([]);
  const active = listCards(store, { includeArchived: false });
  for (const c of active) {
    expect(c.sourcePath !== null && existsSync(c.sourcePath), `card ${c.id} from ${c.sourcePath}`).toBe(true);
    expect(c.sourcePath!.startsWith(notes)).toBe(true);
    expect(c.line >= 1 && c.line <= c.endLine, `card ${c.id} lines ${c.line}-${c.endLine}`).toBe(true);
  }
}

/** An import of files unchanged since `before` changes nothing and tells the same problems. */
function expectNothingChanged(store: Store, before: readonly FileReport[], importAgain: () => FileReport[]): void {
  const cards = listCards(store, { includeArchived: true });
  const again = importAgain();
  for (const r of again) {
    expect(['unchanged', 'skipped', 'missing'], `${r.path} on an unchanged re-import`).toContain(r.status);
    expect({ ...r.counts, unchanged: 0 }).toEqual({ added: 0, updated: 0, unchanged: 0, archived: 0, restored: 0 });
  }
  const present = (reports: readonly FileReport[]): unknown[] => reports.filter((r) => r.status !== 'missing').map((r) => [r.path, r.problems]);
  expect(present(again)).toEqual(present(before));
  expect(listCards(store, { includeArchived: true })).toEqual(cards);
}

describe('fuzz: importPaths', () => {
  it('imports any folder without an exception, leaves the files as they were, and keeps the store whole through an unchanged and a mutated re-import', () => {
    fc.assert(
      fc.property(files, mode, edits, mode, (initial, firstMode, change, laterMode) => {
        figures['folders imported']++;
        const root = realpathSync(mkdtempSync(join(tmpdir(), 'engram-fuzz-')));
        const notes = join(root, 'notes');
        mkdirSync(notes);
        const store = openStore(join(root, 'engram.db'), { create: true });
        try {
          const written = new Map<string, Uint8Array>();
          const mtimes = new Map<string, number>();
          const put = (name: string, bytes: Uint8Array): void => {
            mtimes.set(name, writeFile(notes, name, bytes));
            written.set(name, bytes);
          };
          for (const [name, bytes] of initial) put(name, bytes);
          figures['inputs tried'] += written.size;
          const first = timedImport(store, ['.'], { cwd: notes, now: T0, mode: firstMode });
          checkReports(first, notes, written);
          checkStore(store, notes);
          // engram never writes to the user's markdown, nor adds files next to it.
          expect(filesOnDisk(notes)).toEqual(asWritten(written, mtimes));

          // An answer for every card: a re-import archives or moves cards, never loses their history.
          for (const c of listCards(store, { includeArchived: false })) {
            appendReview(store, { cardId: c.id, reviewedAt: T0 + 60_000, rating: 3, durationMs: 4000, sessionId: 'fuzz', device: 'test' });
          }
          const reviews = listReviews(store);
          expectNothingChanged(store, first, () => timedImport(store, ['.'], { cwd: notes, now: T0 + DAY, mode: firstMode }));

          const names = [...written.keys()].sort();
          for (const [k, bytes] of change.rewrite) {
            put(names[k % names.length]!, bytes);
          }
          for (const k of change.remove) {
            const name = names[k % names.length]!;
            if (!written.has(name)) continue;
            rmSync(join(notes, name));
            written.delete(name);
          }
          for (const [name, bytes] of change.add) put(name, bytes);
          figures['inputs tried'] += change.rewrite.length + change.add.length;
          const third = timedImport(store, change.resyncAll ? null : ['.'], { cwd: notes, now: T0 + 2 * DAY, mode: laterMode });
          checkReports(third, notes, written);
          checkStore(store, notes);
          expect(filesOnDisk(notes)).toEqual(asWritten(written, mtimes));
          expect(listReviews(store), 'the review log after the re-imports').toEqual(reviews);
          // Settled: cards that moved or were archived stay where they went.
          expectNothingChanged(store, third, () => timedImport(store, change.resyncAll ? null : ['.'], { cwd: notes, now: T0 + 3 * DAY, mode: laterMode }));
          figures['cards stored'] += listCards(store, { includeArchived: false }).length;
        } finally {
          store.close();
          rmSync(root, { recursive: true, force: true });
        }
      }),
      { seed: SEED + 3, numRuns: 130 * RUNS },
    );
  }, TIMEOUT_MS);
});
