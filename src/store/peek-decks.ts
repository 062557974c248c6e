import Database from 'better-sqlite3';
import { addonOptions } from './sqlite-addon.js';

/**
 * The names of the decks holding a card that is not archived, sorted, read
 * from the store file at `path` for shell completion: opened read-only, never
 * created, migrated, backed up or written, and [] for a store that is missing,
 * locked, damaged or not engram's (completion has nowhere to say so).
 */
export function peekDeckNames(path: string): string[] {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, ...addonOptions() });
    // A store being written by another engram answers after its write, or not at all: a tab press never waits long.
    db.pragma('busy_timeout = 200');
    return db
      .prepare('SELECT DISTINCT d.name FROM decks d JOIN cards c ON c.deck_id = d.id WHERE c.archived_at IS NULL ORDER BY d.name')
      .pluck()
      .all() as string[];
  } catch {
    return [];
  } finally {
    db?.close();
  }
}
