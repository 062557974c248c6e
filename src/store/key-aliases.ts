import type { Store } from './open-store.js';

/** Records that keys `a` and `b` name one card (a typo fix re-keyed it, here or on another device). */
export function addKeyAlias(store: Store, a: string, b: string): void {
  if (a === b) return;
  const stmt = store.sql('INSERT OR IGNORE INTO key_aliases (key, other) VALUES (?, ?)');
  stmt.run(a, b);
  stmt.run(b, a);
}

/** Longest chain of re-keys followed: a card edited this many times over is still found. */
const MAX_KEYS = 64;

/**
 * The id of the card an event's key names here: the card holding the key, or
 * else one holding a key it was ever re-keyed from or to (on any device),
 * the active card first. Null when no card here has any of them (not
 * imported on this device yet).
 */
export function cardForKey(store: Store, key: string): number | null {
  const direct = store.sql('SELECT id FROM cards WHERE key = ?').pluck().get(key) as number | undefined;
  if (direct !== undefined) return direct;
  const seen = new Set([key]);
  const queue = [key];
  const others = store.sql('SELECT other FROM key_aliases WHERE key = ?').pluck();
  const holder = store.sql('SELECT id FROM cards WHERE key = ? ORDER BY archived_at IS NOT NULL LIMIT 1').pluck();
  const found: number[] = [];
  while (queue.length > 0 && seen.size < MAX_KEYS) {
    const k = queue.shift()!;
    for (const o of others.all(k) as string[]) {
      if (seen.has(o)) continue;
      seen.add(o);
      queue.push(o);
      const id = holder.get(o) as number | undefined;
      if (id !== undefined) found.push(id);
    }
  }
  if (found.length === 0) return null;
  // Several cards (a copy kept the old text): the active one, then by key, alike on every device.
  const rows = store.sql(`SELECT id FROM cards WHERE id IN (SELECT value FROM json_each(?)) ORDER BY archived_at IS NOT NULL, key LIMIT 1`).pluck();
  return rows.get(JSON.stringify(found)) as number;
}
