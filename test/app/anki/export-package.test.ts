import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importPackage } from '../../../src/app/anki/import-package.js';
import { readAnkiPackage } from '../../../src/app/anki/read-package.js';
import type { WrittenFile } from '../../../src/app/export/export-context.js';
import { runExport } from '../../../src/app/export/run-export.js';
import { replayCard } from '../../../src/app/replay-card.js';
import { schedulerSet } from '../../../src/app/settings/study-settings.js';
import { answerEventIds } from '../../../src/store/anki-answer-ids.js';
import { listCards } from '../../../src/store/cards.js';
import { appendReview } from '../../../src/store/reviews.js';
import { setSuspended } from '../../../src/store/study-queries.js';
import { DAY, NOW, storeWithDecks, utcSettings, type DeckWorld } from '../../helpers/store-with-decks.js';

const FIXTURES = new URL('../../fixtures/anki/', import.meta.url).pathname;
const CONFIG = '/nonexistent/engram/config.json';

const DECK = [
  '---',
  'deck: Lang/Spanish',
  '---',
  '',
  'Q: What is *el gato*?',
  'A: the cat ![](img/cat.png)',
  '',
  'perro:::dog',
  '',
  '{{c1::Lima}} is in {{c2::Peru::country}}',
  '',
].join('\n');

/** A store with the deck above, the first card answered three times over three weeks and the cloze's second card suspended. */
function world(): DeckWorld {
  const w = storeWithDecks({ 'spanish.md': DECK });
  w.with((store) => {
    const schedulers = schedulerSet(utcSettings());
    const cards = listCards(store, { includeArchived: false });
    const basic = cards.find((c) => c.front === 'What is *el gato*?')!;
    store.transaction(() => {
      for (const [i, rating] of ([3, 3, 1] as const).entries()) {
        appendReview(store, { cardId: basic.id, reviewedAt: NOW + i * 7 * DAY, rating, durationMs: 4000 + i, sessionId: null, device: 'test' });
      }
      replayCard(store, schedulers, basic.id);
      setSuspended(store, cards.find((c) => c.front === 'Lima is in **[country]**')!.id, NOW);
    });
  });
  return w;
}

async function exportTo(w: DeckWorld, name: string): Promise<WrittenFile[]> {
  const written: WrittenFile[] = [];
  await w.with((store) =>
    runExport(store, { what: 'apkg', format: 'apkg', output: name, force: false, archived: false, decks: [] }, { now: NOW + 30 * DAY, cwd: w.dir, configPath: CONFIG, out: () => undefined, written: (f) => written.push(f) }),
  );
  return written;
}

/** The columns of each table of a collection file, as `PRAGMA table_info` lists them. */
function columns(bytes: Uint8Array): Record<string, string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'engram-cols-'));
  try {
    writeFileSync(join(dir, 'c.db'), bytes);
    const db = new Database(join(dir, 'c.db'), { readonly: true });
    const out: Record<string, string[]> = {};
    for (const t of ['col', 'notes', 'cards', 'revlog', 'graves']) out[t] = (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name);
    db.close();
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The package with `sql` run on its collection.anki21: what a phone's Anki does to it. */
function changedPackage(bytes: Uint8Array, sql: string): Uint8Array {
  const entries = unzipSync(bytes);
  const dir = mkdtempSync(join(tmpdir(), 'engram-phone-'));
  try {
    writeFileSync(join(dir, 'c.db'), entries['collection.anki21']!);
    const db = new Database(join(dir, 'c.db'));
    db.exec(sql);
    db.close();
    entries['collection.anki21'] = readFileSync(join(dir, 'c.db'));
    return zipSync(entries);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('engram export --what apkg', () => {
  it('writes the layout, tables and columns of a package Anki wrote', async () => {
    const w = world();
    mkdirSync(join(w.dir, 'img'));
    writeFileSync(join(w.dir, 'img', 'cat.png'), 'PNG');
    const written = await exportTo(w, 'out.apkg');
    expect(written).toEqual([{ path: join(w.dir, 'out.apkg'), what: 'apkg', notes: 4, cards: 5, reviews: 3, media: 1, leftOut: [] }]);
    const ours = unzipSync(readFileSync(join(w.dir, 'out.apkg')));
    const real = unzipSync(readFileSync(join(FIXTURES, 'srsconv-mixed-revlog-io-anki21.apkg')));
    expect(Object.keys(ours).sort()).toEqual(Object.keys(real).sort()); // collection.anki2, collection.anki21, media, meta, 0
    expect([...ours['meta']!]).toEqual([...real['meta']!]); // version 2: legacy, collection.anki21
    expect(JSON.parse(new TextDecoder().decode(ours['media']))).toEqual({ '0': 'cat.png' });
    expect(new TextDecoder().decode(ours['0'])).toBe('PNG');
    expect(columns(ours['collection.anki21']!)).toEqual(columns(real['collection.anki21']!));
    expect(columns(ours['collection.anki2']!)).toEqual(columns(real['collection.anki2']!));
  });

  it('carries note types, decks, schedule, suspension and the review log, read back by the importer', async () => {
    const w = world();
    await exportTo(w, 'out.apkg');
    const pkg = readAnkiPackage(join(w.dir, 'out.apkg'));
    const c = pkg.collection;
    expect([...c.noteTypes.values()].map((t) => [t.name, t.cloze, t.fields, t.templates.length])).toEqual([
      ['Basic', false, ['Front', 'Back'], 1],
      ['Basic (and reversed card)', false, ['Front', 'Back'], 2],
      ['Cloze', true, ['Text', 'Back Extra'], 1],
    ]);
    expect([...c.decks.values()].map((d) => d.path.join('::')).sort()).toEqual(['Default', 'Lang::Spanish']);
    expect(c.notes.map((n) => [n.guid.startsWith('engram-'), c.noteTypes.get(n.noteTypeId)!.name, n.fields[0]])).toEqual([
      [true, 'Basic', 'What is <i>el gato</i>?'],
      [true, 'Basic (and reversed card)', 'perro'],
      [true, 'Cloze', '{{c1::Lima}} is in Peru'],
      [true, 'Cloze', 'Lima is in {{c1::Peru::country}}'],
    ]);
    expect(c.notes[0]!.fields[1]).toBe('the cat <img src="cat.png">');
    const reviewed = c.cards.find((k) => k.noteId === c.notes[0]!.id)!;
    expect([reviewed.type, reviewed.queue, reviewed.reps, reviewed.lapses]).toEqual([3, 1, 3, 1]);
    expect(Object.keys(JSON.parse(reviewed.data))).toEqual(['s', 'd']);
    expect(c.cards.filter((k) => k.noteId === c.notes[1]!.id).map((k) => k.ord)).toEqual([0, 1]);
    expect(c.cards.find((k) => k.noteId === c.notes[3]!.id)!.queue).toBe(-1);
    expect(c.revlog.map((r) => [r.id, r.ease, r.time, r.type])).toEqual([
      [NOW, 3, 4000, 0],
      [NOW + 7 * DAY, 3, 4001, 0],
      [NOW + 14 * DAY, 1, 4002, 1],
    ]);
  });

  it('round trip: reviews done on the phone come back once, into the same cards, the markdown untouched', async () => {
    const w = world();
    await exportTo(w, 'out.apkg');
    const request = { storePath: w.storePath, packagePath: 'phone.apkg', cwd: w.dir, now: NOW + 60 * DAY, dryRun: false, configPath: CONFIG };
    // As exported: every review is known already.
    writeFileSync(join(w.dir, 'phone.apkg'), readFileSync(join(w.dir, 'out.apkg')));
    const same = await importPackage(request, { warn: () => undefined });
    expect([same.cards, same.reviews, same.known, same.filesWritten, same.skipped]).toEqual([5, 0, 3, [], []]);
    // Two answers on the phone: the cat again, and the reverse card for the first time.
    const phone = changedPackage(
      readFileSync(join(w.dir, 'out.apkg')),
      `INSERT INTO revlog SELECT ${NOW + 40 * DAY}, c.id, -1, 3, 12, 3, 2500, 6000, 1 FROM cards c JOIN notes n ON n.id = c.nid WHERE n.flds LIKE 'What is%';
       INSERT INTO revlog SELECT ${NOW + 41 * DAY}, c.id, -1, 4, 3, 0, 0, 2500, 0 FROM cards c JOIN notes n ON n.id = c.nid WHERE n.flds LIKE 'perro%' AND c.ord = 1;`,
    );
    writeFileSync(join(w.dir, 'phone.apkg'), phone);
    const folded = await importPackage(request, { warn: () => undefined });
    expect([folded.reviews, folded.known, folded.filesWritten]).toEqual([2, 3, []]);
    const again = await importPackage(request, { warn: () => undefined });
    expect([again.reviews, again.known]).toEqual([0, 5]);
    expect(readFileSync(join(w.dir, 'spanish.md'), 'utf8')).toBe(DECK);
    const log = w.with((store) => store.sql('SELECT c.front, r.rating, r.duration_ms AS ms FROM reviews r JOIN cards c ON c.id = r.card_id ORDER BY r.reviewed_at').all());
    expect(log).toEqual([
      { front: 'What is *el gato*?', rating: 3, ms: 4000 },
      { front: 'What is *el gato*?', rating: 3, ms: 4001 },
      { front: 'What is *el gato*?', rating: 1, ms: 4002 },
      { front: 'What is *el gato*?', rating: 3, ms: 6000 },
      { front: 'dog', rating: 4, ms: 2500 },
    ]);
    // The phone's answers are named by their card's key and time, as on any device that imports this package.
    const phoneAnswers = w.with(
      (store) => store.sql('SELECT c.key, r.reviewed_at AS at, r.event_id AS id FROM reviews r JOIN cards c ON c.id = r.card_id WHERE r.reviewed_at >= ? ORDER BY r.reviewed_at').all(NOW + 40 * DAY) as { key: string; at: number; id: string }[],
    );
    expect(phoneAnswers.map((a) => a.id)).toEqual(phoneAnswers.map((a) => answerEventIds(a.key)(a.at)));
    expect(new Set(phoneAnswers.map((a) => a.id)).size).toBe(2);
  });
});
