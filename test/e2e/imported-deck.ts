import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runEngram } from '../helpers/run-engram.js';
import { tempDir } from '../helpers/temp-dir.js';

/** A private HOME and work folder, and the store the deck was imported into. */
export interface DeckFolder {
  work: string;
  home: string;
  db: string;
}

/**
 * Writes `deck` to work/deck.md in a fresh folder and imports it with the
 * built engram into its own store (removed after the test); fails the test
 * when the import prints anything on stderr or does not exit 0.
 * @returns the folders and the store, and what the import printed
 */
export function importedDeck(deck: string): DeckFolder & { imported: string } {
  const root = realpathSync(tempDir('engram-e2e-'));
  const work = join(root, 'work');
  const home = join(root, 'home');
  mkdirSync(work);
  mkdirSync(home);
  const db = join(root, 'store', 'engram.db');
  writeFileSync(join(work, 'deck.md'), deck);
  const imported = runEngram(['import', 'deck.md', '--db', db], { cwd: work, home });
  expect(imported.stderr).toBe('');
  expect(imported.status).toBe(0);
  return { work, home, db, imported: imported.stdout };
}
