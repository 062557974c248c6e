import Database from 'better-sqlite3';
import { MultiRowInsert, ROWS_A_STATEMENT } from './multi-row-insert.js';
import { addonOptions } from './sqlite-addon.js';
import type { AnkiCollectionWrite, AnkiRevlog, AnkiRevlogWrite } from '../model/anki-collection.js';

/** The tables of a schema-11 collection, as Anki's legacy layout has them (collection.anki21 and the stub collection.anki2). */
const SCHEMA_11 = `
CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL, ver integer NOT NULL,
  dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL, conf text NOT NULL, models text NOT NULL, decks text NOT NULL,
  dconf text NOT NULL, tags text NOT NULL);
CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL,
  tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL, csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL, mod integer NOT NULL,
  usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL, due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL,
  reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL, odid integer NOT NULL, flags integer NOT NULL,
  data text NOT NULL);
CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL, ivl integer NOT NULL,
  lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL, type integer NOT NULL);
CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
`;

/** Its indexes, made once the rows are in: SQLite then sorts each once instead of inserting into it row by row. */
const INDEXES_11 = `
CREATE INDEX ix_notes_usn ON notes (usn);
CREATE INDEX ix_cards_usn ON cards (usn);
CREATE INDEX ix_revlog_usn ON revlog (usn);
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_cards_sched ON cards (did, queue, due);
CREATE INDEX ix_revlog_cid ON revlog (cid);
CREATE INDEX ix_notes_csum ON notes (csum);
`;

/**
 * Inserts `count` rows into `table`, ROWS_A_STATEMENT a statement: `columns`
 * are the SQL of one row's values, `values` pushes row i's parameters.
 */
function insertRows(db: Database.Database, table: string, columns: string, count: number, values: (out: unknown[], i: number) => void): void {
  const insert = new MultiRowInsert(`INSERT INTO ${table} VALUES `, columns);
  // Prepared once for every whole batch (this connection has no statement cache).
  const whole = count >= ROWS_A_STATEMENT ? db.prepare(insert.text(ROWS_A_STATEMENT)) : null;
  const out: unknown[] = [];
  for (let i = 0; i < count; i += ROWS_A_STATEMENT) {
    const to = Math.min(i + ROWS_A_STATEMENT, count);
    out.length = 0;
    for (let j = i; j < to; j++) values(out, j);
    // Bound as arguments, not as one array: better-sqlite3 reads an array one property lookup a value.
    (to - i === ROWS_A_STATEMENT ? whole! : db.prepare(insert.text(to - i))).run(...out);
  }
}

/** A collection file being written: its notes and cards are in, its review log and indexes to come. */
export interface AnkiCollectionWriting {
  /**
   * Writes the review log, its rows in id order (each then goes at the
   * table's end), makes the indexes, commits and closes the file.
   * @throws Error when two rows share an id, or they are not in id order
   */
  finish(revlog: AnkiRevlogWrite): void;
  /** Closes the file unfinished (the caller removes it). */
  abandon(): void;
}

/**
 * Starts writing a schema-11 Anki collection to a new SQLite file at `path`
 * (a temporary file the export then packs), in one transaction: the notes
 * and cards now, many rows a statement, so an export writes them while its
 * answers are still being read; the review log and the indexes (made after
 * the rows: SQLite then sorts each once instead of inserting into it row by
 * row) when finished. The file is whole only once finished.
 */
export function startAnkiCollection(path: string, c: Omit<AnkiCollectionWrite, 'revlog'>): AnkiCollectionWriting {
  const db = new Database(path, addonOptions());
  try {
    // A new file the export packs and removes: a crash leaves nothing to recover.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.exec(SCHEMA_11);
    db.exec('BEGIN');
    db.prepare('INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)').run(c.createdSecs, c.modMs, c.modMs, c.conf, c.models, c.decks, c.dconf, '{}');
    const { notes, cards } = c;
    insertRows(db, 'notes', "(?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')", notes.length, (out, i) => {
      const n = notes[i]!;
      out.push(n.id, n.guid, n.mid, n.mod, n.tags, n.flds, n.sfld, n.csum);
    });
    insertRows(db, 'cards', '(?, ?, ?, ?, ?, -1, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)', cards.length, (out, i) => {
      const k = cards[i]!;
      out.push(k.id, k.nid, k.did, k.ord, k.mod, k.type, k.queue, k.due, k.ivl, k.factor, k.reps, k.lapses, k.left, k.data);
    });
  } catch (err) {
    db.close();
    throw err;
  }
  return {
    finish(r) {
      try {
        for (let i = 1; i < r.id.length; i++) if (!(r.id[i]! > r.id[i - 1]!)) throw new Error(`the review log's rows are not in id order at row ${i}`);
        insertRows(db, 'revlog', '(?, ?, -1, ?, ?, ?, ?, ?, ?)', r.id.length, (out, i) => out.push(r.id[i], r.cid[i], r.ease[i], r.ivl[i], r.lastIvl[i], r.factor[i], r.time[i], r.type[i]));
        db.exec(INDEXES_11);
        db.exec('COMMIT');
      } finally {
        db.close();
      }
    },
    abandon() {
      db.close();
    },
  };
}

/** Writes a whole schema-11 Anki collection to a new SQLite file at `path` (see startAnkiCollection). */
export function writeAnkiCollection(path: string, c: AnkiCollectionWrite): void {
  startAnkiCollection(path, c).finish(c.revlog);
}

/** The columns of review log rows, as read from a collection (AnkiRevlog), in id order: for callers that make a few rows (tests, the bench's generated collection). */
export function revlogColumns(rows: readonly AnkiRevlog[]): AnkiRevlogWrite {
  const sorted = [...rows].sort((a, b) => a.id - b.id);
  const column = (key: keyof AnkiRevlog) => Float64Array.from(sorted, (r) => r[key]);
  return { id: column('id'), cid: column('cardId'), ease: column('ease'), ivl: column('ivl'), lastIvl: column('lastIvl'), factor: column('factor'), time: column('time'), type: column('type') };
}
