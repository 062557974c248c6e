import type { Store } from './open-store.js';

/**
 * Runs `write`, which opens a transaction of many multi-row statements (an
 * import's new cards), with SQLite's statement journals in memory. A
 * statement that writes several rows and may fail halfway (a unique key, a
 * foreign key) keeps a copy of every page it changes, so that it can be
 * undone alone; past 64 KiB SQLite writes that copy to a temporary file,
 * which one INSERT of 16 cards touching pages all over the key index does:
 * a write() of 4 KiB per page, a third of a cold import's time in SQLite.
 * In memory that copy is a few hundred KiB at most, given back after each
 * statement. The setting is taken when a transaction begins, so it is made
 * here, outside one, and put back after; inside a caller's transaction,
 * where it cannot change, `write` runs as it is.
 */
export function withStatementJournalsInMemory<T>(store: Store, write: () => T): T {
  if (store.db.inTransaction || store.readOnly) return write();
  const before = store.db.pragma('temp_store', { simple: true }) as number;
  store.db.pragma('temp_store = MEMORY');
  try {
    return write();
  } finally {
    store.db.pragma(`temp_store = ${before}`);
  }
}
