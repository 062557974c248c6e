import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { integrityProblems, quickCheckProblems } from './health-queries.js';
import type { Store } from './open-store.js';

/** SQLite's check of a whole store file: `integrity` compares every index with its table too; `quick` does not (about ten times faster). */
export type FileCheckKind = 'integrity' | 'quick';

/** A check of the store file under way; {@link FileCheck.problems} waits for it. */
export interface FileCheck {
  /** What the check found wrong (empty: the file is sound); waits for the check to end. Throws what the check threw. */
  problems(): string[];
}

/** The worker's flag: not yet running, running, done (its answer is posted). */
const STARTED = 1;
const DONE = 2;
/** A worker that has not started after this long (ms) never will: the check is run here instead. */
const START_WAIT_MS = 30_000;

/** At most this many messages are read: the first ones say enough (as health-queries.ts reads them). */
const LIMIT = 50;

// The worker's code, run as a script (no file of its own, so the bundle needs
// no entry for it): it opens the store read-only on a connection of its own,
// runs the pragma, posts what it found and wakes the waiting thread. Its flag
// says STARTED as soon as it runs, and every path ends in DONE and the wake-up.
const WORKER_CODE = `
const { workerData } = require('node:worker_threads');
const { path, pragma, sqlite, port, flag } = workerData;
const wake = new Int32Array(flag);
Atomics.store(wake, 0, 1);
let out;
try {
  const Database = require(sqlite);
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    out = { rows: db.pragma(pragma).map((row) => String(Object.values(row)[0])) };
  } finally {
    db.close();
  }
} catch (err) {
  out = { error: String((err && err.message) || err), code: err && err.code };
} finally {
  port.postMessage(out ?? { error: 'the check ended without an answer' });
  Atomics.store(wake, 0, 2);
  Atomics.notify(wake, 0);
}
`;

/**
 * Starts SQLite's check of the file of `store` on a worker thread, with a
 * read-only connection of its own: the check of a million-answer store takes
 * seconds of one core, and the caller goes on meanwhile (replaying the logs)
 * on the other. The worker reads the last committed state of the file. A
 * store read into memory (read-only) or a worker that cannot start is
 * checked here instead, when its problems are asked for.
 */
export function startFileCheck(store: Store, kind: FileCheckKind): FileCheck {
  const here: FileCheck = { problems: () => (kind === 'integrity' ? integrityProblems(store) : quickCheckProblems(store)) };
  if (store.readOnly || store.db.memory) return here;
  const flag = new SharedArrayBuffer(4);
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
    const pragma = `${kind === 'integrity' ? 'integrity_check' : 'quick_check'}(${LIMIT})`;
    worker = new Worker(WORKER_CODE, { eval: true, workerData: { path: store.path, pragma, sqlite, port: port2, flag }, transferList: [port2] });
  } catch {
    port1.close();
    return here;
  }
  // The worker never keeps engram running: its answer is waited for synchronously.
  worker.unref();
  port1.unref();
  let found: string[] | undefined;
  return {
    problems(): string[] {
      if (found) return found;
      const wake = new Int32Array(flag);
      const since = Date.now();
      for (let seen = Atomics.load(wake, 0); seen !== DONE; seen = Atomics.load(wake, 0)) {
        if (seen < STARTED && Date.now() - since > START_WAIT_MS) {
          void worker.terminate();
          port1.close();
          found = here.problems();
          return found;
        }
        Atomics.wait(wake, 0, seen, 1000);
      }
      const message = receiveMessageOnPort(port1)?.message as { rows?: string[]; error?: string; code?: string } | undefined;
      port1.close();
      if (!message?.rows) {
        // The file would not open or read: the same error as reading it here gives.
        const err = new Error(message?.error ?? 'the check of the store file ended without an answer') as Error & { code?: string };
        if (message?.code) err.code = message.code;
        throw err;
      }
      found = message.rows.filter((m) => m !== 'ok');
      return found;
    },
  };
}
