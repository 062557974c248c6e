import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorText } from '../../src/cli/output/error-text.js';
import { EngramError } from '../../src/model/engram-error.js';
import { readOnlyError, storePathError } from '../../src/store/store-errors.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('errorText', () => {
  it('is the message alone for an error without a fix', () => {
    expect(errorText(new EngramError('failed', 'the settings file /c.json is not valid JSON.'))).toBe('the settings file /c.json is not valid JSON.');
  });

  it("words the store's fixes with --db and ENGRAM_DB, as engram always said them", () => {
    const dir = tempDir();
    const store = join(dir, 'engram.db');
    expect(readOnlyError(store).message).toBe(`the store ${store} is read-only (its file or its folder cannot be written), so nothing was changed.`);
    expect(errorText(readOnlyError(store))).toBe(
      `the store ${store} is read-only (its file or its folder cannot be written), so nothing was changed. Make both writable, or copy the store to a writable folder and use --db <copy>.`,
    );
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    expect(errorText(storePathError(folder, false)!)).toBe(`${folder} is a folder, not a store file. Give the path of a store file with --db or ENGRAM_DB, e.g. ${join(folder, 'engram.db')}.`);
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'in the way\n');
    expect(errorText(storePathError(join(blocker, 'engram.db'), false)!)).toBe(
      `no store at ${join(blocker, 'engram.db')}: ${blocker} is a file, not a folder. Give the path of a store file with --db or ENGRAM_DB.`,
    );
    expect(errorText(new EngramError('store', '/x.db is not an engram store (not a SQLite database). It was left as it is.', { kind: 'other-store' }))).toBe(
      '/x.db is not an engram store (not a SQLite database). It was left as it is; give the path of a store with --db or ENGRAM_DB.',
    );
    expect(errorText(new EngramError('store', 'cannot create the folder for the store /ro/engram.db: permission denied.', { kind: 'store-place' }))).toBe(
      'cannot create the folder for the store /ro/engram.db: permission denied. Choose another place with --db or ENGRAM_DB.',
    );
  });

  it("words an export's fixes with -o and --force", () => {
    expect(errorText(new EngramError('usage', 'out.csv already exists.', { kind: 'overwrite' }))).toBe('out.csv already exists; add --force to overwrite it, or pick another name.');
    expect(errorText(new EngramError('usage', 'out is a folder.', { kind: 'output-file' }))).toBe('out is a folder; give -o a file name.');
    expect(errorText(new EngramError('usage', 'out.md is a file.', { kind: 'output-folder', count: 3 }))).toBe('out.md is a file; to write 3 decks give -o a folder (one file per deck).');
    expect(errorText(new EngramError('usage', '2 decks are selected and a markdown file holds one deck.', { kind: 'output-folder-or-deck', decks: ['geo', 'sql'] }))).toBe(
      '2 decks are selected and a markdown file holds one deck: give -o a folder (one file per deck, e.g. -o decks-export/) or name one deck (geo, sql).',
    );
  });
});
