import Database from 'better-sqlite3';
import type { AnkiRevlogColumns } from '../model/anki-collection.js';
import { notACollection } from './anki-collection-file.js';
import { addonOptions } from './sqlite-addon.js';
import { startWaitedWorker } from './waited-worker.js';

/** A read of a collection file's review log under way; {@link PendingRevlog.take} waits for it. */
export interface PendingRevlog {
  /**
   * The review log's columns, waited for (once: a second call throws).
   * @throws EngramError 'failed' as readAnkiCollectionFile throws it, when the log cannot be read
   */
  take(): AnkiRevlogColumns;
}

/** The columns read, in AnkiRevlogColumns's order. */
const REVLOG_SQL = 'SELECT id, cid, ease, ivl, time, type FROM revlog';
const NAMES = ['id', 'cardId', 'ease', 'ivl', 'time', 'type'] as const;

// Run on the worker (see startWaitedWorker): the collection file opened read-only on a connection of its own, its
// log read into one typed array a column (a million rows: 48 MB, handed over without a copy).
const READ = `(data, Database) => {
  const db = new Database(data.path, { ...data.options, readonly: true, fileMustExist: true });
  try {
    const n = db.prepare('SELECT count(*) FROM revlog').pluck().get();
    const c = [0, 1, 2, 3, 4, 5].map(() => new Float64Array(n));
    let i = 0;
    for (const r of db.prepare(data.sql).raw().iterate()) {
      if (i === n) throw new Error('the review log changed while it was read');
      c[0][i] = r[0]; c[1][i] = r[1]; c[2][i] = r[2]; c[3][i] = r[3]; c[4][i] = r[4]; c[5][i] = r[5];
      i++;
    }
    return { value: c.map((a) => a.subarray(0, i)), transfer: c.map((a) => a.buffer) };
  } finally {
    db.close();
  }
}`;

/**
 * Starts reading the review log of the Anki collection file at `path` (a
 * temporary copy engram made, its schema checked) on a worker thread, with a
 * read-only connection of its own: a million rows take seconds of one core,
 * and an import plans and writes its markdown meanwhile on the other. The
 * file must stay until {@link PendingRevlog.take} has returned (or thrown). A
 * worker that cannot start is no error: the log is then read here, when taken.
 */
export function startRevlogRead(path: string, shownName: string): PendingRevlog {
  let taken = false;
  const once = (): void => {
    if (taken) throw new Error('the review log was taken already');
    taken = true;
  };
  const worker = startWaitedWorker<Float64Array[]>(READ, { path, options: addonOptions(), sql: REVLOG_SQL });
  return {
    take(): AnkiRevlogColumns {
      once();
      let c: Float64Array[] | null;
      try {
        c = worker ? worker.wait() : null;
      } catch (err) {
        // The same error as reading the log here gives.
        throw notACollection(shownName, err);
      }
      if (c === null) return readHere(path, shownName);
      return { id: c[0]!, cardId: c[1]!, ease: c[2]!, ivl: c[3]!, time: c[4]!, type: c[5]! };
    },
  };
}

/** The review log read on this thread. */
function readHere(path: string, shownName: string): AnkiRevlogColumns {
  let db: Database.Database;
  try {
    db = new Database(path, { ...addonOptions(), readonly: true, fileMustExist: true });
  } catch (err) {
    throw notACollection(shownName, err);
  }
  try {
    const rows = db.prepare(REVLOG_SQL).raw().all() as number[][];
    const c = NAMES.map(() => new Float64Array(rows.length));
    rows.forEach((r, i) => c.forEach((col, k) => (col[i] = r[k]!)));
    return { id: c[0]!, cardId: c[1]!, ease: c[2]!, ivl: c[3]!, time: c[4]!, type: c[5]! };
  } catch (err) {
    throw notACollection(shownName, err);
  } finally {
    db.close();
  }
}
