import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { deckCompletions } from '../../../src/app/cards/deck-completions.js';
import { importPaths } from '../../../src/library/import-sources.js';
import { openStore } from '../../../src/store/open-store.js';
import { tempDir } from '../../helpers/temp-dir.js';

const V4_STORE = fileURLToPath(new URL('../../fixtures/stores/v4.db', import.meta.url));
const T0 = Date.UTC(2026, 2, 2);

describe('deckCompletions', () => {
  it('lists every deck with a card and each folder above one, sorted, archived-only decks left out', () => {
    const dir = tempDir('engram-complete-');
    for (const [rel, text] of [
      ['langs/spanish/vocab.md', 'el perro::the dog\n'],
      ['langs/spanish/verbs/ir.md', 'ir::to go\n'],
      ['langs/german/vocab.md', 'der Hund::the dog\n'],
      ['gone.md', 'Q::A\n'],
    ] as const) {
      mkdirSync(join(dir, rel, '..'), { recursive: true });
      writeFileSync(join(dir, rel), text);
    }
    const dbPath = join(dir, 'engram.db');
    const store = openStore(dbPath, { create: true });
    importPaths(store, ['langs', 'gone.md'], { cwd: dir, now: T0 });
    writeFileSync(join(dir, 'gone.md'), 'nothing to ask\n');
    importPaths(store, ['gone.md'], { cwd: dir, now: T0 + 1 });
    store.close();
    expect(deckCompletions(dbPath)).toEqual(['german', 'german/vocab', 'spanish', 'spanish/verbs', 'spanish/verbs/ir', 'spanish/vocab']);
  });

  it('reads a store of an older schema without migrating, backing up or writing it', () => {
    const dir = tempDir('engram-complete-');
    const dbPath = join(dir, 'engram.db');
    copyFileSync(V4_STORE, dbPath);
    const before = readFileSync(dbPath);
    expect(deckCompletions(dbPath)).toEqual(['capitals', 'networking', 'reading', 'shell']);
    expect(readFileSync(dbPath).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['engram.db']);
    const db = new Database(dbPath, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    db.close();
  });

  it('is empty for a store that does not exist (and creates none) or is not a store', () => {
    const dir = tempDir('engram-complete-');
    expect(deckCompletions(join(dir, 'missing.db'))).toEqual([]);
    expect(existsSync(join(dir, 'missing.db'))).toBe(false);
    writeFileSync(join(dir, 'text.db'), 'not a database');
    expect(deckCompletions(join(dir, 'text.db'))).toEqual([]);
  });
});
