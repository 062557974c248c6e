import { integrityProblems, quickCheckProblems } from './health-queries.js';
import type { Store } from './open-store.js';
import { startWaitedWorker } from './waited-worker.js';

/** SQLite's check of a whole store file: `integrity` compares every index with its table too; `quick` does not (about ten times faster). */
export type FileCheckKind = 'integrity' | 'quick';

/** A check of the store file under way; {@link FileCheck.problems} waits for it. */
export interface FileCheck {
  /** What the check found wrong (empty: the file is sound); waits for the check to end. Throws what the check threw. */
  problems(): string[];
}

/** At most this many messages are read: the first ones say enough (as health-queries.ts reads them). */
const LIMIT = 50;

// Run on the worker (see startWaitedWorker): the store opened read-only on a connection of its own, the pragma's rows.
const CHECK = `(data, Database) => {
  const db = new Database(data.path, { readonly: true, fileMustExist: true });
  try {
    return { value: db.pragma(data.pragma).map((row) => String(Object.values(row)[0])) };
  } finally {
    db.close();
  }
}`;

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
  const pragma = `${kind === 'integrity' ? 'integrity_check' : 'quick_check'}(${LIMIT})`;
  const worker = startWaitedWorker<string[]>(CHECK, { path: store.path, pragma });
  if (!worker) return here;
  let found: string[] | undefined;
  return {
    problems(): string[] {
      // The file would not open or read: wait throws the same error as reading it here gives.
      found ??= (worker.wait() ?? here.problems()).filter((m) => m !== 'ok');
      return found;
    },
  };
}
