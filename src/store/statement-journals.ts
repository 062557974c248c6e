import { withoutForeignKeyChecks } from './bulk-indexes.js';
import type { Store } from './open-store.js';

/**
 * Runs `write`, which opens a transaction of many multi-row statements (an
 * import's new cards), with no statement journal for those statements to keep.
 * A statement that writes several rows and may fail halfway (a unique key, a
 * foreign key) keeps a copy of every page it changes, so that it can be
 * undone alone: a sixth of the work of an INSERT of 16 cards, whose keys touch
 * pages all over the key index. With the connection's foreign key checks off
 * and the cards written `INSERT OR FAIL` (insertCards), no statement of the
 * write can need undoing alone, so SQLite keeps none: a failure ends the
 * whole transaction, which is rolled back as one. Every deck and source id an
 * import writes it made or read itself in the same transaction (the
 * transaction keeps others' writes out, and nothing deletes a deck or source
 * there), so no check could fail. Other statements' journals stay in memory
 * (temp_store): past 64 KiB SQLite writes one to a temporary file, a write()
 * of 4 KiB per page. Both settings are taken when a transaction begins, so
 * they are made here, outside one, and put back after; inside a caller's
 * transaction, where they cannot change, `write` runs as it is.
 */
export function withoutStatementJournals<T>(store: Store, write: () => T): T {
  if (store.db.inTransaction || store.readOnly) return write();
  const tempStore = store.db.pragma('temp_store', { simple: true }) as number;
  store.db.pragma('temp_store = MEMORY');
  try {
    return withoutForeignKeyChecks(store, write);
  } finally {
    store.db.pragma(`temp_store = ${tempStore}`);
  }
}
