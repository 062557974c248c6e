import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { AnkiRevlogColumns } from '../model/anki-collection.js';
import { notACollection } from './anki-collection-file.js';
import { addonOptions } from './sqlite-addon.js';

/** A read of a collection file's review log under way; {@link PendingRevlog.take} waits for it. */
export interface PendingRevlog {
  /**
   * The review log's columns, waited for (once: a second call throws).
   * @throws EngramError 'failed' as readAnkiCollectionFile throws it, when the log cannot be read
   */
  take(): AnkiRevlogColumns;
}

/** The worker's flag: not yet running, running, done (its answer is posted). */
const STARTED = 1;
const DONE = 2;
/** A worker that has not started after this long (ms) never will: the log is read here instead. */
const START_WAIT_MS = 30_000;

/** The columns read, in AnkiRevlogColumns's order. */
const REVLOG_SQL = 'SELECT id, cid, ease, ivl, time, type FROM revlog';
const NAMES = ['id', 'cardId', 'ease', 'ivl', 'time', 'type'] as const;

// The worker's code, run as a script (no file of its own, so the bundle needs no entry for it): it opens the
// collection file read-only on a connection of its own, reads the log into one typed array a column (a million
// rows: 48 MB, handed over without a copy), posts them and wakes the waiting thread. Its flag says STARTED as soon
// as it runs, and every path ends in DONE and the wake-up.
const WORKER_CODE = `
const { workerData } = require('node:worker_threads');
const { path, sqlite, options, sql, port, flag } = workerData;
const wake = new Int32Array(flag);
Atomics.store(wake, 0, 1);
let out;
let transfer = [];
try {
  const Database = require(sqlite);
  const db = new Database(path, { ...options, readonly: true, fileMustExist: true });
  try {
    const n = db.prepare('SELECT count(*) FROM revlog').pluck().get();
    const c = [0, 1, 2, 3, 4, 5].map(() => new Float64Array(n));
    let i = 0;
    for (const r of db.prepare(sql).raw().iterate()) {
      if (i === n) throw new Error('the review log changed while it was read');
      c[0][i] = r[0]; c[1][i] = r[1]; c[2][i] = r[2]; c[3][i] = r[3]; c[4][i] = r[4]; c[5][i] = r[5];
      i++;
    }
    out = { columns: c.map((a) => a.subarray(0, i)) };
    transfer = c.map((a) => a.buffer);
  } finally {
    db.close();
  }
} catch (err) {
  out = { error: String((err && err.message) || err), code: err && err.code };
  transfer = [];
} finally {
  port.postMessage(out ?? { error: 'the read ended without an answer' }, transfer);
  Atomics.store(wake, 0, 2);
  Atomics.notify(wake, 0);
}
`;

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
  const here: PendingRevlog = {
    take: () => {
      once();
      return readHere(path, shownName);
    },
  };
  const flag = new SharedArrayBuffer(4);
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
    worker = new Worker(WORKER_CODE, { eval: true, workerData: { path, sqlite, options: addonOptions(), sql: REVLOG_SQL, port: port2, flag }, transferList: [port2] });
  } catch {
    port1.close();
    return here;
  }
  // The worker never keeps engram running: its answer is waited for synchronously.
  worker.unref();
  port1.unref();
  return {
    take(): AnkiRevlogColumns {
      once();
      const wake = new Int32Array(flag);
      const since = Date.now();
      for (let seen = Atomics.load(wake, 0); seen !== DONE; seen = Atomics.load(wake, 0)) {
        if (seen < STARTED && Date.now() - since > START_WAIT_MS) {
          void worker.terminate();
          port1.close();
          return readHere(path, shownName);
        }
        Atomics.wait(wake, 0, seen, 1000);
      }
      const message = receiveMessageOnPort(port1)?.message as { columns?: Float64Array[]; error?: string; code?: string } | undefined;
      port1.close();
      if (!message?.columns) {
        // The same error as reading the log here gives.
        const err = new Error(message?.error ?? 'the read of the review log ended without an answer') as Error & { code?: string };
        if (message?.code) err.code = message.code;
        throw notACollection(shownName, err);
      }
      const c = message.columns;
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
