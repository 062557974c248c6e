import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { importPackage, type PackageImportRequest } from '../../../src/app/anki/import-package.js';
import { ankiNoteId } from '../../../src/anki/note-plan.js';
import { replayCard } from '../../../src/app/replay-card.js';
import { schedulerSet } from '../../../src/app/settings/study-settings.js';
import { openStore } from '../../../src/store/open-store.js';
import { utcSettings } from '../../helpers/store-with-decks.js';
import { rejectedError } from '../../helpers/engram-errors.js';
import { BASIC_ID, CLOZE_ID, collectionBytes, legacyPackage, REVERSED_ID, zipOf, type TestNote } from '../../helpers/anki-package.js';
import { quarters, quartersFromScratch } from '../../helpers/tallies-from-scratch.js';
import { tempDir } from '../../helpers/temp-dir.js';

const FIXTURES = new URL('../../fixtures/anki/', import.meta.url).pathname;
const NOW = Date.UTC(2026, 2, 2, 10);
const hooks = { warn: () => undefined };

function request(dir: string, pkg: string, extra: Partial<PackageImportRequest> = {}): PackageImportRequest {
  return { storePath: join(dir, 'store', 'engram.db'), packagePath: pkg, cwd: dir, now: NOW, dryRun: false, configPath: join(dir, 'no-config.json'), ...extra };
}

/** Each card of the store: deck, kind, front, back, reviews, phase, suspended. */
function storeCards(storePath: string) {
  const db = new Database(storePath, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT d.name AS deck, c.kind, c.front, c.back, (SELECT count(*) FROM reviews r WHERE r.card_id = c.id) AS reviews,
                s.state, c.suspended_at IS NOT NULL AS suspended
         FROM cards c JOIN decks d ON d.id = c.deck_id LEFT JOIN card_state s ON s.card_id = c.id ORDER BY c.line, c.kind, c.front`,
      )
      .all() as { deck: string; kind: string; front: string; back: string; reviews: number; state: number | null; suspended: number }[];
  } finally {
    db.close();
  }
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe('importPackage on packages Anki wrote', () => {
  it('imports the mixed legacy package card by card, with its review history', async () => {
    const dir = tempDir();
    copyFileSync(join(FIXTURES, 'srsconv-mixed-revlog-io-anki21.apkg'), join(dir, 'mixed.apkg'));
    const r = await importPackage(request(dir, 'mixed.apkg'), hooks);
    expect([r.layout, r.notes, r.cards, r.reviews, r.known, r.media]).toEqual(['anki21', 7, 10, 20, 0, 0]);
    expect(r.filesWritten).toEqual([join(dir, 'mixed', 'Test - Mixed Types.md')]);
    expect(r.skipped).toEqual([{ what: 'note', reason: 'it is an image occlusion note: engram cannot mask parts of an image', count: 1 }]);
    const cards = storeCards(join(dir, 'store', 'engram.db'));
    expect(cards.map((c) => [c.kind, c.front, c.back])).toEqual([
      ['cloze', 'In a cloze, some **[...]** are hidden.\nThis is the "Back Extra" field of a cloze card.', 'In a cloze, some **fields** are hidden.\nThis is the "Back Extra" field of a cloze card.'],
      ['cloze', 'In a cloze, some fields are **[...]**.\nThis is the "Back Extra" field of a cloze card.', 'In a cloze, some fields are **hidden**.\nThis is the "Back Extra" field of a cloze card.'],
      ['cloze', 'Clozes can have **[(something that helps)]** as well.\nThis is the "Back Extra" field of a cloze card.', 'Clozes can have **hints** as well.\nThis is the "Back Extra" field of a cloze card.'],
      ['cloze', 'In one text, the first **[...]** and any other **[...]** can share a single reference.\nThis is the "Back Extra" field of a cloze card.', 'In one text, the first **cloze** and any other **cloze** can share a single reference.\nThis is the "Back Extra" field of a cloze card.'],
      ['basic', 'This note is of type "Basic"', 'This is the "Back" field of type "Basic".'],
      ['basic', 'This note is of type "Basic (and reversed card)".', 'This is the "Back" field of type "Basic (and reversed card)".'],
      ['reversed', 'This is the "Back" field of type "Basic (and reversed card)".', 'This note is of type "Basic (and reversed card)".'],
      ['basic', 'This note is of type "Basic (optional reversed card)".', 'This is the "Back" field of type "Basic (optional reversed card)".'],
      ['reversed', 'This is the "Back" field of type "Basic (optional reversed card)".', 'This note is of type "Basic (optional reversed card)".'],
      ['basic', 'This note is of type "Basic (type in the answer)".', 'This is the "Back" side of type "Basic (type in the answer)".\n\n```answer\nThis is the "Back" side of type "Basic (type in the answer)".\n```'],
    ]);
    // Two Good answers each (a learning step, then graduation) leave every card in review.
    expect(cards.map((c) => [c.deck, c.reviews, c.state])).toEqual(Array(10).fill(['Test - Mixed Types', 2, 2]));
  });

  it('imports the anki21b package: subdecks as folders, deck names kept', async () => {
    const dir = tempDir();
    const r = await importPackage(request(dir, join(FIXTURES, 'ankipwa-music-intervals-anki21b.apkg'), { into: 'music' }), hooks);
    expect([r.layout, r.notes, r.cards, r.reviews]).toEqual(['anki21b', 340, 340, 0]);
    expect(files(join(dir, 'music'))).toEqual([
      'Music Intervals/1- Easy - major 2nd, 3rd, perfect 5th.md',
      'Music Intervals/2- Middle - minor 2nd, perfect 4th, 6th, 7th.md',
      'Music Intervals/3- Hard - uncommon notes, aug - dim 4th, 5th, 7th.md',
      'Music Intervals/4- Chords - 9th, 11th, 13th.md',
    ]);
    const cards = storeCards(join(dir, 'store', 'engram.db'));
    expect(cards.length).toBe(340);
    expect(cards.find((c) => c.front === 'The perfect 5th of C is...')).toMatchObject({ deck: 'Music Intervals/1- Easy - major 2nd, 3rd, perfect 5th', back: '**G**', reviews: 0, state: null });
  });

  it.each([['srsconv-empty-anki21b.apkg', 'anki21b'], ['srsconv-empty-legacy2-anki21.colpkg', 'anki21']])('reads the empty %s and writes nothing', async (name, layout) => {
    const dir = tempDir();
    const r = await importPackage(request(dir, join(FIXTURES, name), { into: 'out' }), hooks);
    expect([r.layout, r.notes, r.cards, r.filesWritten.length, r.cardImport]).toEqual([layout, 0, 0, 0, null]);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('importPackage, the history', () => {
  const notes: TestNote[] = [
    { guid: 'g1', mid: BASIC_ID, deck: 'Geo', fields: ['Capital of Peru?', 'Lima'], cards: [{ ord: 0, type: 2, queue: 2, revlog: [{ at: Date.UTC(2026, 0, 1), ease: 3, type: 0 }, { at: Date.UTC(2026, 0, 2), ease: 3 }, { at: Date.UTC(2026, 0, 9), ease: 1 }] }] },
    {
      guid: 'g2',
      mid: BASIC_ID,
      deck: 'Geo',
      fields: ['Capital of Chile?', 'Santiago'],
      cards: [
        {
          ord: 0,
          queue: -1,
          revlog: [
            { at: Date.UTC(2025, 11, 1), ease: 3, type: 0 },
            { at: Date.UTC(2025, 11, 5), ease: 0, type: 4, ivl: 0 }, // reset ("Forget")
            { at: Date.UTC(2026, 0, 3), ease: 4, type: 0 },
            { at: Date.UTC(2026, 0, 20), ease: 0, type: 4, ivl: 30 }, // set due date
          ],
        },
      ],
    },
    { guid: 'g3', mid: REVERSED_ID, deck: 'Geo::Words', fields: ['río', 'river'], cards: [{ ord: 0, queue: -3 }, { ord: 1 }] },
    { guid: 'g4', mid: CLOZE_ID, deck: 'Geo', fields: ['{{c1::Lima}} is in {{c2::Peru}}', ''], cards: [{ ord: 0 }, { ord: 1, revlog: [{ at: Date.UTC(2026, 0, 4), ease: 2, type: 0 }] }] },
  ];

  it('keeps Anki resets, leaves out reschedules, carries suspensions and burials', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'geo.apkg'), legacyPackage(notes));
    const r = await importPackage(request(dir, 'geo.apkg'), hooks);
    expect([r.notes, r.cards, r.reviews, r.suspended, r.buried]).toEqual([4, 6, 5, 1, 1]);
    expect(r.skipped).toEqual([
      { what: 'review', reason: 'before the card was reset in Anki (the reset is kept: the card starts over there)', count: 1 },
      { what: 'review', reason: 'a due date set or rescheduled in Anki, not an answer (engram schedules from answers)', count: 1 },
    ]);
    expect(files(join(dir, 'geo'))).toEqual(['Geo.md', 'Geo/Words.md']);
    const text = readFileSync(join(dir, 'geo', 'Geo.md'), 'utf8');
    expect(text).toBe(
      `---\ndeck: "Geo"\n---\n\n<!-- engram-id: ${ankiNoteId('g1')} -->\nQ: Capital of Peru?\nA: Lima\n\n<!-- engram-id: ${ankiNoteId('g2')} -->\nQ: Capital of Chile?\nA: Santiago\n\n<!-- engram-id: ${ankiNoteId('g4')} -->\n{{c1::Lima}} is in {{c2::Peru}}\n`,
    );
    const db = new Database(join(dir, 'store', 'engram.db'), { readonly: true });
    const rows = db.prepare(`SELECT c.front, r.reviewed_at AS at, r.rating, r.duration_ms AS ms, r.event_id IS NOT NULL AS event FROM reviews r JOIN cards c ON c.id = r.card_id ORDER BY r.reviewed_at`).all();
    const flags = db.prepare('SELECT front, suspended_at, buried_until FROM cards WHERE suspended_at IS NOT NULL OR buried_until IS NOT NULL ORDER BY front').all();
    const events = db.prepare("SELECT kind, count(*) AS n FROM sync_events GROUP BY kind ORDER BY kind").all();
    db.close();
    expect(rows).toEqual([
      { front: 'Capital of Peru?', at: Date.UTC(2026, 0, 1), rating: 3, ms: 5000, event: 1 },
      { front: 'Capital of Peru?', at: Date.UTC(2026, 0, 2), rating: 3, ms: 5000, event: 1 },
      { front: 'Capital of Chile?', at: Date.UTC(2026, 0, 3), rating: 4, ms: 5000, event: 1 },
      { front: 'Lima is in **[...]**', at: Date.UTC(2026, 0, 4), rating: 2, ms: 5000, event: 1 },
      { front: 'Capital of Peru?', at: Date.UTC(2026, 0, 9), rating: 1, ms: 5000, event: 1 },
    ]);
    expect(flags).toEqual([
      { front: 'Capital of Chile?', suspended_at: NOW, buried_until: null },
      { front: 'río', suspended_at: null, buried_until: Date.UTC(2026, 2, 3, 4) },
    ]);
    // Every answer, suspension and burial is an event for sync.
    expect(events).toEqual([{ kind: 'answer', n: 5 }, { kind: 'bury', n: 1 }, { kind: 'suspend', n: 1 }]);
  });

  it('leaves each card the state and answer facts a full replay of its log gives', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'geo.apkg'), legacyPackage(notes));
    await importPackage(request(dir, 'geo.apkg'), hooks);
    const store = openStore(join(dir, 'store', 'engram.db'), { create: false });
    try {
      const snapshot = () => store.sql(`SELECT s.*, (SELECT group_concat(state_before || ':' || last_interval) FROM reviews r WHERE r.card_id = s.card_id) AS facts FROM card_state s ORDER BY card_id`).all();
      const imported = snapshot();
      expect(imported.length).toBe(3); // the three cards with answers
      // The import folded its answers into the stats' tallies as it wrote them.
      expect(quarters(store).reduce((n, r) => n + r[5], 0)).toBe(5);
      expect(quarters(store)).toEqual(quartersFromScratch(store));
      const schedulers = schedulerSet(utcSettings());
      store.transaction(() => {
        for (const id of store.sql('SELECT id FROM cards').pluck().all() as number[]) replayCard(store, schedulers, id);
      });
      expect(snapshot()).toEqual(imported);
    } finally {
      store.close();
    }
  });

  it('on a second import adds nothing and leaves the markdown alone; new reviews only are folded in', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'geo.apkg'), legacyPackage(notes));
    await importPackage(request(dir, 'geo.apkg'), hooks);
    const before = readFileSync(join(dir, 'geo', 'Geo.md'), 'utf8');
    const again = await importPackage(request(dir, 'geo.apkg'), hooks);
    expect([again.reviews, again.known, again.filesWritten, again.filesKept.length]).toEqual([0, 5, [], 2]);
    const more = notes.map((n) => (n.guid === 'g1' ? { ...n, cards: [{ ...n.cards[0]!, revlog: [...n.cards[0]!.revlog!, { at: Date.UTC(2026, 0, 10), ease: 3 }] }] } : n));
    writeFileSync(join(dir, 'geo.apkg'), legacyPackage(more));
    const third = await importPackage(request(dir, 'geo.apkg'), hooks);
    expect([third.reviews, third.known]).toEqual([1, 5]);
    expect(readFileSync(join(dir, 'geo', 'Geo.md'), 'utf8')).toBe(before);
    expect(storeCards(join(dir, 'store', 'engram.db')).find((c) => c.front === 'Capital of Peru?')!.reviews).toBe(4);
    const store = openStore(join(dir, 'store', 'engram.db'), { create: false });
    try {
      // The answer the third import added is in the tallies too.
      expect(quarters(store).reduce((n, r) => n + r[5], 0)).toBe(6);
      expect(quarters(store)).toEqual(quartersFromScratch(store));
    } finally {
      store.close();
    }
  });

  it('copies media beside the deck file and links them', async () => {
    const dir = tempDir();
    const pkg = legacyPackage([{ guid: 'm', mid: BASIC_ID, deck: 'Birds', fields: ['<img src="robin red.jpg">', 'Robin [sound:robin.mp3]'], cards: [{ ord: 0 }] }], { 'robin red.jpg': 'JPEG', 'robin.mp3': 'MP3', 'unused.png': 'PNG' });
    writeFileSync(join(dir, 'birds.apkg'), pkg);
    const r = await importPackage(request(dir, 'birds.apkg'), hooks);
    expect(r.media).toBe(2);
    expect(files(join(dir, 'birds'))).toEqual(['Birds.md', 'media/robin red.jpg', 'media/robin.mp3']);
    expect(readFileSync(join(dir, 'birds', 'media', 'robin red.jpg'), 'utf8')).toBe('JPEG');
    expect(storeCards(join(dir, 'store', 'engram.db'))[0]).toMatchObject({ front: '![](<media/robin red.jpg>)', back: 'Robin [robin.mp3](<media/robin.mp3>)' });
  });

  it('leaves out a media file whose name differs from another only in case, and one Windows cannot hold, saying why', async () => {
    const dir = tempDir();
    const pkg = legacyPackage([{ guid: 'c', mid: BASIC_ID, deck: 'Birds', fields: ['<img src="Robin.png"><img src="robin.png">', '<img src="why?.png"><img src="CON.png">'], cards: [{ ord: 0 }] }], { 'Robin.png': 'UPPER', 'robin.png': 'lower', 'why?.png': 'Q', 'CON.png': 'C' });
    writeFileSync(join(dir, 'birds.apkg'), pkg);
    const r = await importPackage(request(dir, 'birds.apkg'), hooks);
    expect(r.media).toBe(1);
    expect(files(join(dir, 'birds'))).toEqual(['Birds.md', 'media/Robin.png']);
    expect(r.skipped).toEqual([
      { what: 'media', reason: 'its name differs from another media file\'s only in case (Windows and macOS cannot hold both): rename it in Anki and export again', count: 1 },
      { what: 'media', reason: 'its name is one Windows cannot hold (one of *?"<>|, a reserved name such as CON, or a dot or space at the end): rename it in Anki and export again', count: 2 },
    ]);
  });

  it('removes what it wrote when a file cannot be written midway, and says which', async () => {
    const dir = tempDir();
    const pkg = legacyPackage(
      [
        { guid: 'top', mid: BASIC_ID, deck: 'Geo', fields: ['<img src="a.png">', 'A'], cards: [{ ord: 0 }] },
        { guid: 'sub', mid: BASIC_ID, deck: 'Geo::Words', fields: ['<img src="b.png">', 'B'], cards: [{ ord: 0 }] },
      ],
      { 'a.png': 'A', 'b.png': 'B' },
    );
    writeFileSync(join(dir, 'geo.apkg'), pkg);
    // A file where the subdeck's media folder goes: Geo.md's media is written first, then b.png fails.
    mkdirSync(join(dir, 'geo', 'Geo'), { recursive: true });
    writeFileSync(join(dir, 'geo', 'Geo', 'media'), 'not a folder');
    const err = await rejectedError(importPackage(request(dir, 'geo.apkg'), hooks));
    expect(err.kind).toBe('failed');
    expect(err.message).toBe(
      `geo.apkg was not imported: ${join(dir, 'geo', 'Geo', 'media', 'b.png')} could not be written (something of that name is in the way: a file, or on a file system that ignores case, a name that differs only in case). Nothing was written. Free the name or give another folder with --into, then import again.`,
    );
    expect(files(join(dir, 'geo'))).toEqual(['Geo/media']);
    expect(existsSync(join(dir, 'store'))).toBe(false);
  });

  it('on a dry run says what it would do and writes nothing', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'geo.apkg'), legacyPackage(notes));
    const r = await importPackage(request(dir, 'geo.apkg', { dryRun: true }), hooks);
    expect([r.notes, r.cards, r.reviews, r.filesWritten.map((f) => f.slice(dir.length + 1))]).toEqual([4, 6, 5, ['geo/Geo.md', 'geo/Geo/Words.md']]);
    expect(readdirSync(dir)).toEqual(['geo.apkg']);
  });
});

describe('importPackage refuses, writing nothing', () => {
  async function refused(bytes: Uint8Array): Promise<string> {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.apkg'), bytes);
    const err = await rejectedError(importPackage(request(dir, 'bad.apkg'), hooks));
    expect(readdirSync(dir)).toEqual(['bad.apkg']);
    return err.message;
  }

  it('a collection that is not SQLite', async () => {
    expect(await refused(zipOf({ 'collection.anki21': 'this is not a database at all, just text'.repeat(50) }))).toBe(
      'bad.apkg is not a readable Anki package: its collection is not a SQLite database (damaged or cut short). Nothing was written. Export it again from Anki (File > Export) and import the new file.',
    );
  });

  it('a collection of a newer schema', async () => {
    expect(await refused(zipOf({ 'collection.anki21': collectionBytes([], { ver: 19 }) }))).toBe(
      'bad.apkg holds a collection of schema 19, newer than engram reads (up to 18). In Anki, export it with "Support older Anki versions" ticked, then import that file.',
    );
  });

  it('a collection whose review log cannot be read (read on a worker thread)', async () => {
    const dir = tempDir();
    const file = join(dir, 'c.anki21');
    writeFileSync(file, collectionBytes([{ guid: 'g', mid: BASIC_ID, fields: ['Q', 'A'], cards: [{ ord: 0, revlog: [{ at: Date.UTC(2026, 0, 1), ease: 3 }] }] }]));
    const db = new Database(file);
    db.exec('DROP TABLE revlog');
    db.close();
    expect(await refused(zipOf({ 'collection.anki21': readFileSync(file) }))).toBe(
      'bad.apkg is not a readable Anki package: its collection cannot be read (no such table: revlog). Nothing was written. Export it again from Anki (File > Export) and import the new file.',
    );
  });

  it('a media name that climbs out of the folder', async () => {
    expect(await refused(zipOf({ 'collection.anki21': collectionBytes([]), media: '{"0":"../../evil.sh"}', '0': 'x' }))).toMatch(/media file "\.\.\/\.\.\/evil\.sh" names a path outside/);
  });

  it('a truncated package', async () => {
    const pkg = legacyPackage([{ guid: 'g', mid: BASIC_ID, fields: ['Q', 'A'], cards: [{ ord: 0 }] }]);
    expect(await refused(pkg.subarray(0, pkg.length - 100))).toMatch(/^bad\.apkg is not a readable Anki package: it is not a zip file, or it is cut short\./);
  });

  it('a missing file', async () => {
    const dir = tempDir();
    const err = await rejectedError(importPackage(request(dir, 'none.apkg'), hooks));
    expect([err.kind, err.message]).toEqual(['notFound', 'none.apkg does not exist. Give the path of a .apkg or .colpkg file.']);
  });
});
