import Database from 'better-sqlite3';
import { addonOptions } from './sqlite-addon.js';
import type { AnkiCard, AnkiCollectionRows, AnkiNote, AnkiRevlog } from '../model/anki-collection.js';
import { EngramError } from '../model/engram-error.js';

/** The newest collection schema engram reads (Anki 2.1.50+ writes 18). */
export const NEWEST_ANKI_SCHEMA = 18;


/** How to read a collection's review log. */
export interface CollectionReadOptions {
  /**
   * Called once the file is known to be a collection engram reads (its schema
   * checked), in place of reading the review log here (the rows' `revlog` is
   * then empty): an import reads the log on another thread meanwhile (see
   * startRevlogRead).
   */
  revlogApart?: () => void;
}

/**
 * Reads an Anki collection (a SQLite file engram made for the purpose: a
 * temporary copy, never the user's), read-only.
 * @throws EngramError 'failed' naming `shownName` when it is not SQLite, not
 *   an Anki collection, or of a newer schema than engram reads
 */
export function readAnkiCollectionFile(path: string, shownName: string, options: CollectionReadOptions = {}): AnkiCollectionRows {
  let db: Database.Database;
  try {
    dropAnkiCollation(path);
    db = new Database(path, { readonly: true, fileMustExist: true, ...addonOptions() });
  } catch (err) {
    throw notACollection(shownName, err);
  }
  try {
    let col: { crt: number; ver: number; models: string; decks: string } | undefined;
    try {
      col = db.prepare('SELECT crt, ver, models, decks FROM col LIMIT 1').get() as typeof col;
    } catch (err) {
      throw notACollection(shownName, err);
    }
    if (!col) throw notACollection(shownName, new Error('its col table is empty'));
    if (col.ver > NEWEST_ANKI_SCHEMA) {
      throw new EngramError('failed', `${shownName} holds a collection of schema ${col.ver}, newer than engram reads (up to ${NEWEST_ANKI_SCHEMA}). In Anki, export it with "Support older Anki versions" ticked, then import that file.`);
    }
    const modern = col.ver >= 15;
    options.revlogApart?.();
    const all = <T>(sql: string): T[] => db.prepare(sql).all() as T[];
    const notes = all<{ id: number; guid: string; mid: number; tags: string; flds: string }>('SELECT id, guid, mid, tags, flds FROM notes ORDER BY id').map(
      (n): AnkiNote => ({ id: n.id, guid: n.guid, noteTypeId: n.mid, tags: n.tags.split(/\s+/).filter(Boolean), fields: n.flds.split('\x1f') }),
    );
    const cards = all<AnkiCard>(
      `SELECT id, nid AS noteId, did AS deckId, ord, type, queue, due, ivl, factor, reps, lapses, odid AS originalDeckId, data
       FROM cards ORDER BY nid, ord`,
    );
    const revlog = options.revlogApart ? [] : revlogRows(db);
    return {
      schema: col.ver,
      createdSecs: col.crt,
      legacy: modern ? null : { models: col.models, decks: col.decks },
      notetypes: modern ? all('SELECT id, name, config FROM notetypes') : [],
      fields: modern ? all('SELECT ntid, ord, name FROM fields ORDER BY ntid, ord') : [],
      templates: modern ? all('SELECT ntid, ord, name, config FROM templates ORDER BY ntid, ord') : [],
      decks: modern ? all('SELECT id, name, kind FROM decks') : [],
      notes,
      cards,
      revlog,
    };
  } catch (err) {
    if (err instanceof EngramError) throw err;
    throw notACollection(shownName, err);
  } finally {
    db.close();
  }
}

/**
 * The review log in the table's own order (by id: time order), read as
 * plain rows: ordered by card, SQLite walks the card index and looks each
 * row up in the table, ~10x the cost over a million rows (the importer
 * groups the rows by card itself).
 */
function revlogRows(db: Database.Database): AnkiRevlog[] {
  const out: AnkiRevlog[] = [];
  const rows = db.prepare('SELECT id, cid, ease, ivl, lastIvl, factor, time, type FROM revlog').raw().iterate() as IterableIterator<number[]>;
  for (const r of rows) out.push({ id: r[0]!, cardId: r[1]!, ease: r[2]!, ivl: r[3]!, lastIvl: r[4]!, factor: r[5]!, time: r[6]!, type: r[7]! });
  return out;
}

/**
 * Schema 18 declares its name columns with Anki's own collation `unicase`,
 * which SQLite needs to scan those tables at all and better-sqlite3 cannot
 * register: the copy's schema is rewritten without it (names are only read).
 */
function dropAnkiCollation(path: string): void {
  const db = new Database(path, { fileMustExist: true, ...addonOptions() });
  try {
    const uses = db.prepare("SELECT count(*) FROM sqlite_master WHERE sql LIKE '%COLLATE unicase%'").pluck().get() as number;
    if (uses === 0) return;
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
    db.prepare("UPDATE sqlite_master SET sql = replace(sql, 'COLLATE unicase', '') WHERE sql LIKE '%COLLATE unicase%'").run();
    db.pragma('writable_schema = OFF');
  } finally {
    db.close();
  }
}

/** The error of a file that is no readable collection, naming `shownName`, with why SQLite could not read it. */
export function notACollection(shownName: string, err: unknown): EngramError {
  const code = (err as { code?: unknown }).code;
  const why = code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' ? 'its collection is not a SQLite database (damaged or cut short)' : `its collection cannot be read (${err instanceof Error ? err.message : String(err)})`;
  return new EngramError('failed', `${shownName} is not a readable Anki package: ${why}. Nothing was written. Export it again from Anki (File > Export) and import the new file.`);
}
