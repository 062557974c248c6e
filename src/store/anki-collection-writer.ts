import Database from 'better-sqlite3';
import { addonOptions } from './sqlite-addon.js';
import type { AnkiCollectionWrite } from '../model/anki-collection.js';

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

/** Rows a multi-row insert writes at once. */
const BATCH = 512;

/**
 * Inserts `rows` into `table`, BATCH a statement: `columns` are the SQL of one
 * row's values, `values` pushes one row's parameters.
 */
function insertRows<T>(db: Database.Database, table: string, columns: string, rows: readonly T[], values: (out: unknown[], row: T) => void): void {
  const statement = (n: number) => db.prepare(`INSERT INTO ${table} VALUES ${Array(n).fill(columns).join(', ')}`);
  const batch = rows.length >= BATCH ? statement(BATCH) : null;
  const out: unknown[] = [];
  let i = 0;
  for (; batch && i + BATCH <= rows.length; i += BATCH) {
    out.length = 0;
    for (let j = i; j < i + BATCH; j++) values(out, rows[j]!);
    // Bound as arguments, not as one array: better-sqlite3 reads an array one property lookup a value.
    batch.run(...out);
  }
  if (i < rows.length) {
    out.length = 0;
    for (let j = i; j < rows.length; j++) values(out, rows[j]!);
    statement(rows.length - i).run(...out);
  }
}

/**
 * Writes a schema-11 Anki collection to a new SQLite file at `path` (a
 * temporary file the export then packs), in one transaction: the rows many
 * a statement, the review log in id order (its rows then go at the table's
 * end; ids are times, and an export lists them card by card), the indexes
 * made after the rows.
 */
export function writeAnkiCollection(path: string, c: AnkiCollectionWrite): void {
  const db = new Database(path, addonOptions());
  try {
    // A new file the export packs and removes: a crash leaves nothing to recover.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.exec(SCHEMA_11);
    db.transaction(() => {
      db.prepare('INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)').run(c.createdSecs, c.modMs, c.modMs, c.conf, c.models, c.decks, c.dconf, '{}');
      insertRows(db, 'notes', "(?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')", c.notes, (out, n) => out.push(n.id, n.guid, n.mid, n.mod, n.tags, n.flds, n.sfld, n.csum));
      insertRows(db, 'cards', '(?, ?, ?, ?, ?, -1, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)', c.cards, (out, k) =>
        out.push(k.id, k.nid, k.did, k.ord, k.mod, k.type, k.queue, k.due, k.ivl, k.factor, k.reps, k.lapses, k.left, k.data),
      );
      const revlog = [...c.revlog].sort((a, b) => a.id - b.id);
      insertRows(db, 'revlog', '(?, ?, -1, ?, ?, ?, ?, ?, ?)', revlog, (out, r) => out.push(r.id, r.cid, r.ease, r.ivl, r.lastIvl, r.factor, r.time, r.type));
      db.exec(INDEXES_11);
    })();
  } finally {
    db.close();
  }
}
