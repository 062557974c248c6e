import Database from 'better-sqlite3';
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../../src/library/import-sources.js';
import { parseText } from '../../src/parse/parse-source.js';
import { listCards } from '../../src/store/cards.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { openStore } from '../../src/store/open-store.js';
import { allSources } from '../../src/store/sources.js';
import { tempDir } from '../helpers/temp-dir.js';
import { DAY, library, T0 } from './library-fixture.js';

const SPANISH = 'el perro::the dog\n\nel gato::the cat\n';
const GERMAN = 'der Hund::the dog\n';
const ITALIAN = 'il cane::the dog\n';

/** Each card as [front, deck], in front order. */
function decksOf(cards: { front: string; deck: string; archived: boolean }[]): [string, string][] {
  return cards
    .filter((c) => !c.archived)
    .map((c): [string, string] => [c.front, c.deck])
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

describe('folders name decks', () => {
  it('names each file found in a folder by its path below it, so two vocab.md files are two decks', () => {
    const lib = library();
    lib.write('langs/spanish/vocab.md', SPANISH);
    lib.write('langs/german/vocab.md', GERMAN);
    lib.write('langs/intro.md', 'hola::hello\n');
    const reports = lib.importNow(['langs'], T0);
    expect(reports.map((r) => [r.path, r.deck, r.cards])).toEqual([
      [lib.at('langs/german/vocab.md'), 'german/vocab', 1],
      [lib.at('langs/intro.md'), 'intro', 1],
      [lib.at('langs/spanish/vocab.md'), 'spanish/vocab', 2],
    ]);
    expect(decksOf(lib.cards())).toEqual([
      ['der Hund', 'german/vocab'],
      ['el gato', 'spanish/vocab'],
      ['el perro', 'spanish/vocab'],
      ['hola', 'intro'],
    ]);
  });

  it('names a file given itself by its file name', () => {
    const lib = library();
    lib.write('langs/spanish/vocab.md', SPANISH);
    expect(lib.importNow(['langs/spanish/vocab.md'], T0).map((r) => r.deck)).toEqual(['vocab']);
  });

  it('keeps the name a file was first given on a bare re-sync and when it is imported by itself or from another folder', () => {
    const lib = library();
    lib.write('langs/spanish/vocab.md', SPANISH);
    lib.importNow(['langs'], T0);
    lib.write('langs/spanish/vocab.md', `${SPANISH}\nel pájaro::the bird\n`);
    expect(lib.importNow(null, T0 + DAY).map((r) => [r.deck, r.counts.added])).toEqual([['spanish/vocab', 1]]);
    lib.write('langs/spanish/vocab.md', `${SPANISH}\nel pez::the fish\n`);
    expect(lib.importNow(['langs/spanish/vocab.md'], T0 + 2 * DAY).map((r) => r.deck)).toEqual(['spanish/vocab']);
    lib.write('langs/spanish/vocab.md', `${SPANISH}\nel toro::the bull\n`);
    expect(lib.importNow(['langs/spanish'], T0 + 3 * DAY).map((r) => r.deck)).toEqual(['spanish/vocab']);
    expect(new Set(lib.cards().map((c) => c.deck))).toEqual(new Set(['spanish/vocab']));
  });

  it('lets frontmatter name the deck, and goes back to the folder name on a re-sync once it no longer does', () => {
    const lib = library();
    lib.write('langs/spanish/vocab.md', `---\ndeck: Spanish words\n---\n${SPANISH}`);
    lib.write('langs/german/vocab.md', `#flashcards/Deutsch\n\n${GERMAN}`);
    expect(lib.importNow(['langs'], T0).map((r) => r.deck)).toEqual(['Deutsch', 'Spanish words']);
    // Unchanged files report the deck their cards are in, not the one their path names.
    expect(lib.importNow(['langs'], T0 + DAY).map((r) => [r.status, r.deck])).toEqual([
      ['unchanged', 'Deutsch'],
      ['unchanged', 'Spanish words'],
    ]);
    lib.write('langs/spanish/vocab.md', SPANISH);
    expect(lib.importNow(null, T0 + 2 * DAY).map((r) => [r.status, r.deck])).toEqual([
      ['unchanged', 'Deutsch'],
      ['imported', 'spanish/vocab'],
    ]);
    expect(decksOf(lib.cards())).toEqual([
      ['der Hund', 'Deutsch'],
      ['el gato', 'spanish/vocab'],
      ['el perro', 'spanish/vocab'],
    ]);
  });

  it('puts a card in the deck of a tag on its line or the last tag above it, and moves it, history and all, when the tag changes', () => {
    const lib = library();
    lib.write('langs/mixed.md', '#flashcards/spanish\nel perro::the dog\n#flashcards/german der Hund::the dog\nel gato::the cat\n#flashcards/italian\nil cane::the dog\n');
    expect(lib.importNow(['langs'], T0).map((r) => [r.deck, r.cards])).toEqual([['spanish', 4]]);
    expect(decksOf(lib.cards())).toEqual([
      ['der Hund', 'german'],
      ['el gato', 'spanish'],
      ['el perro', 'spanish'],
      ['il cane', 'italian'],
    ]);
    const dog = lib.cards().find((c) => c.front === 'der Hund')!;
    lib.write('langs/mixed.md', '#flashcards/spanish\nel perro::the dog\nder Hund::the dog\nel gato::the cat\nil cane::the dog\n');
    expect(lib.importNow(null, T0 + DAY).map((r) => [r.counts.updated, r.counts.unchanged])).toEqual([[2, 2]]);
    const moved = lib.cards().find((c) => c.front === 'der Hund')!;
    expect([moved.id, moved.deck]).toEqual([dog.id, 'spanish']);
  });
});

/**
 * A store as engram schema version 4 left it after `engram import langs`:
 * both vocab.md files named their deck by file name, into one deck `vocab`,
 * and `el perro` was answered once.
 */
function version4Store(dbPath: string, files: Record<string, string>): void {
  mkdirSync(dirname(dbPath), { recursive: true });
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  for (const m of MIGRATIONS.slice(0, 4)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  db.prepare('INSERT INTO decks (id, name, created_at) VALUES (1, ?, ?)').run('vocab', T0);
  let sourceId = 0;
  for (const [path, text] of Object.entries(files)) {
    sourceId++;
    const parsed = parseText(text, path);
    db.prepare(
      `INSERT INTO sources (id, path, deck, active_cards, content_hash, size, mtime_ms, parser_version, imported_at)
       VALUES (?, ?, 'vocab', ?, 'hash of v4', 0, 0, 3, ?)`,
    ).run(sourceId, path, parsed.cards.length, T0);
    for (const c of parsed.cards) {
      db.prepare(
        `INSERT INTO cards (key, sibling, deck_id, source_id, line, end_line, kind, syntax, front, back, created_at, updated_at)
         VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(c.key, c.sibling, sourceId, c.line, c.endLine, c.kind, c.syntax, c.front, c.back, T0, T0);
    }
  }
  db.prepare("INSERT INTO reviews (card_id, reviewed_at, rating, duration_ms) SELECT id, ?, 3, 4000 FROM cards WHERE front = 'el perro'").run(T0 + 1000);
  db.close();
}

describe('folders name decks: stores from before', () => {
  it('keeps the deck names of files imported before, on re-import and re-sync; only new files are named by folder', () => {
    const root = realpathSync(tempDir('engram-naming-'));
    const write = (rel: string, text: string): string => {
      const path = join(root, rel);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      return path;
    };
    const spanish = write('langs/spanish/vocab.md', SPANISH);
    const german = write('langs/german/vocab.md', GERMAN);
    const dbPath = join(root, 'data', 'engram.db');
    version4Store(dbPath, { [spanish]: readFileSync(spanish, 'utf8'), [german]: readFileSync(german, 'utf8') });

    const store = openStore(dbPath, { create: false });
    try {
      const before = listCards(store, { includeArchived: false }).map((c) => [c.id, c.front, c.deck]);
      write('langs/italian/vocab.md', ITALIAN);
      const reports = importPaths(store, ['langs'], { cwd: root, now: T0 + DAY });
      expect(reports.map((r) => [r.path, r.deck, r.counts.added])).toEqual([
        [german, 'vocab', 0],
        [join(root, 'langs/italian/vocab.md'), 'italian/vocab', 1],
        [spanish, 'vocab', 0],
      ]);
      // Same cards, same ids, same deck: nothing the user had changed.
      const after = listCards(store, { includeArchived: false });
      expect(after.filter((c) => c.deck === 'vocab').map((c) => [c.id, c.front, c.deck])).toEqual(before);
      expect(allSources(store).map((s) => [s.path, s.deckNaming])).toEqual([
        [german, 'file'],
        [join(root, 'langs/italian/vocab.md'), 'folder'],
        [spanish, 'file'],
      ]);

      write('langs/spanish/vocab.md', `${SPANISH}\nel pájaro::the bird\n`);
      expect(importPaths(store, null, { cwd: root, now: T0 + 2 * DAY }).map((r) => [r.deck, r.status])).toEqual([
        ['vocab', 'unchanged'],
        ['italian/vocab', 'unchanged'],
        ['vocab', 'imported'],
      ]);
      expect(listCards(store, { deck: 'vocab', includeArchived: false }).map((c) => c.front)).toEqual(['der Hund', 'el perro', 'el gato', 'el pájaro']);
    } finally {
      store.close();
    }
  });
});
