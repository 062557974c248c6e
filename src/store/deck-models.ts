import type Database from 'better-sqlite3';
import { EngramError } from '../model/engram-error.js';
import { MEMORY_MODELS, unknownModel } from '../model/memory-model.js';
import type { Store } from './open-store.js';

/** Each deck's memory model (the model its cards' cached states belong to), by deck name. */
export function deckModels(store: Store): Map<string, string> {
  const rows = store.sql('SELECT name, model FROM decks ORDER BY name').all() as { name: string; model: string }[];
  return new Map(rows.map((r) => [r.name, r.model]));
}

/**
 * Refuses a store whose decks were scheduled with a memory model this engram
 * does not know (a newer engram's): their cached states are that model's, and
 * scheduling them with another would be wrong. Throws EngramError (`store`)
 * naming the deck and the model. Reads only: call it before anything writes.
 */
export function refuseUnknownModels(db: Database.Database, path: string): void {
  // A store from before decks had a model is all FSRS-6: its migration says so.
  if (!db.prepare("SELECT 1 FROM pragma_table_info('decks') WHERE name = 'model'").get()) return;
  const known = MEMORY_MODELS.map((m) => m.name);
  const row = db.prepare(`SELECT name, model FROM decks WHERE model NOT IN (${known.map(() => '?').join(', ')}) ORDER BY name LIMIT 1`).get(...known) as
    | { name: string; model: string }
    | undefined;
  if (row) throw new EngramError('store', `${unknownModel(row.model, `deck "${row.name}" of the store ${path}`).replace(/\.$/, '')}; the store was not changed.`);
}
