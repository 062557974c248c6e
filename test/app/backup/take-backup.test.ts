import { statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupList } from '../../../src/app/backup/backup-list.js';
import { takeBackup } from '../../../src/app/backup/take-backup.js';
import { storeFileFacts } from '../../../src/store/backup.js';
import { deckFile, NOW, numbered, storeWithDecks, thrown } from '../../helpers/store-with-decks.js';

describe('takeBackup', () => {
  it('writes a manual backup named by the time, a consistent copy of the store, and lists it', () => {
    const w = storeWithDecks({ 'words.md': deckFile('words', numbered('word', 3)) });
    const taken = takeBackup(w.storePath, NOW, (p) => p);
    expect(taken.path).toBe(join(w.dir, 'backups', 'engram-20260302-100000.manual.db'));
    expect(taken.bytes).toBe(statSync(taken.path).size);
    expect(storeFileFacts(taken.path)).toMatchObject({ cards: 3, reviews: 0, lastReview: null });
    const list = backupList(w.storePath);
    expect(list.folder).toBe(join(w.dir, 'backups'));
    expect(list.backups.map((b) => [b.path, b.kind, b.stamp])).toEqual([[taken.path, 'manual', '20260302-100000']]);
  });

  it('refuses a second backup in the same second, naming the file as showPath shows it', () => {
    const w = storeWithDecks({ 'words.md': deckFile('words', ['one']) });
    const show = (p: string) => relative(w.dir, p);
    takeBackup(w.storePath, NOW, show);
    expect(thrown(() => takeBackup(w.storePath, NOW + 999, show))).toEqual({
      kind: 'failed',
      message: 'a backup named backups/engram-20260302-100000.manual.db exists already; try again in a second.',
    });
  });

  it('has nothing to list for a store never backed up', () => {
    const w = storeWithDecks({ 'words.md': deckFile('words', ['one']) });
    expect(backupList(w.storePath)).toEqual({ folder: join(w.dir, 'backups'), backups: [] });
  });
});
