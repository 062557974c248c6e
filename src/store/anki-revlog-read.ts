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

/** Where a collection file's log is read from, and how its connection is opened. */
interface ReadRequest {
  path: string;
  options: Database.Options;
}

/**
 * The log of the collection file read into one typed array a column, in
 * AnkiRevlogColumns's order (a million rows: 48 MB, handed over from a worker
 * without a copy). Run on the worker, its text sent there (see
 * startWaitedWorker), so it uses nothing but its arguments; and here when no
 * worker started.
 */
function readColumns(data: ReadRequest, Sqlite: typeof Database): { value: Float64Array[]; transfer: ArrayBuffer[] } {
  const db = new Sqlite(data.path, { ...data.options, readonly: true, fileMustExist: true });
  try {
    const n = db.prepare('SELECT count(*) FROM revlog').pluck().get() as number;
    const c = [0, 1, 2, 3, 4, 5].map(() => new Float64Array(n));
    let i = 0;
    for (const r of db.prepare('SELECT id, cid, ease, ivl, time, type FROM revlog').raw().iterate() as IterableIterator<number[]>) {
      if (i === n) throw new Error('the review log changed while it was read');
      for (let k = 0; k < 6; k++) c[k]![i] = r[k]!;
      i++;
    }
    return { value: c.map((a) => a.subarray(0, i)), transfer: c.map((a) => a.buffer as ArrayBuffer) };
  } finally {
    db.close();
  }
}

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
  const request: ReadRequest = { path, options: addonOptions() };
  const worker = startWaitedWorker<Float64Array[]>(readColumns.toString(), request);
  return {
    take(): AnkiRevlogColumns {
      once();
      let c: Float64Array[];
      try {
        c = worker?.wait() ?? readColumns(request, Database).value;
      } catch (err) {
        throw notACollection(shownName, err);
      }
      return { id: c[0]!, cardId: c[1]!, ease: c[2]!, ivl: c[3]!, time: c[4]!, type: c[5]! };
    },
  };
}
