import type { Store } from './open-store.js';

/** Fewer rows than this are written with the indexes kept: dropping and making them again costs more. */
const BULK_ROWS = 50_000;

/**
 * Runs `write`, which adds about `adding` rows to `table`, inside the
 * caller's transaction; when that is a bulk write (many rows, at least as
 * many as the table holds: a first sync of a long history, an Anki import),
 * the table's indexes are dropped first and made again after it. SQLite
 * then sorts each index once instead of inserting into it at random places
 * row by row, which costs the most in a bulk write. Unique indexes stay, so
 * a write that relies on them to skip a row still does. The indexes are
 * made from their own definitions in the schema, so they come back as they
 * were; and the whole is one transaction, so a crash leaves them as they were.
 * Partial indexes stay too: each one made again is one more pass over the
 * whole table, while the rows a bulk write adds mostly fall outside them
 * (a fold's events are sent and folded, its answers have their facts), and
 * those inside (an Anki import's unsent events) come in their order.
 * Indexes named in `inOrderOf` stay too: the write adds rows in their order
 * (an Anki import's answers by time), each at the index's end, and sorting
 * the whole again after would cost more than it saves.
 */
export function withIndexesRemade<T>(store: Store, table: 'reviews' | 'sync_events', adding: number, write: () => T, inOrderOf: readonly string[] = []): T {
  if (!store.db.inTransaction) throw new Error('withIndexesRemade runs inside a transaction');
  if (adding < BULK_ROWS || adding < (store.sql(`SELECT count(*) FROM ${table}`).pluck().get() as number)) return write();
  const indexes = (
    store
      .sql("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE %' AND sql NOT LIKE '% WHERE %' ORDER BY name")
      .all(table) as { name: string; sql: string }[]
  ).filter((i) => !inOrderOf.includes(i.name));
  for (const i of indexes) store.db.exec(`DROP INDEX "${i.name.replaceAll('"', '""')}"`);
  try {
    return write();
  } finally {
    for (const i of indexes) store.db.exec(i.sql);
  }
}

/**
 * Runs `write` (which opens its own transaction) with this connection's
 * foreign key checks off, and on again after it, whatever happens. A bulk
 * write's every row otherwise looks its card up in the cards table: a million
 * imported answers' checks cost 2-3 s. For a write whose every reference it
 * read itself within its transaction (the transaction keeps others' writes
 * out, and nothing engram writes deletes a card there), so that no check can
 * fail. Inside a caller's transaction, where SQLite ignores the setting,
 * `write` runs with the checks as they are; after it they are as it found them.
 */
export function withoutForeignKeyChecks<T>(store: Store, write: () => T): T {
  if (store.db.inTransaction) return write();
  const found = store.db.pragma('foreign_keys', { simple: true }) as number;
  store.db.pragma('foreign_keys = OFF');
  try {
    return write();
  } finally {
    store.db.pragma(`foreign_keys = ${found}`);
  }
}
