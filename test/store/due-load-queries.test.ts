import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DUE_COUNT_QUERY, dueCountsBetween } from '../../src/store/due-load-queries.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { tempDir } from '../helpers/temp-dir.js';
import { writtenCard } from '../helpers/written-card.js';

const NOW = Date.UTC(2026, 11, 7, 10);
const DAY = 86_400_000;
/** Study days starting at 04:00 UTC, from 2026-12-08 on. */
const START = Date.UTC(2026, 11, 8, 4);

let store: Store;

beforeEach(() => {
  store = openStore(join(tempDir(), 'engram.db'), { create: true });
});

afterEach(() => {
  store.close();
});

/** A card in `deck` with a cached state of phase `state` (0 new, 2 review) due at `due`. */
function dueCard(deck: string, due: number, state = 2): number {
  const id = writtenCard(store, { deck, at: NOW - DAY });
  store.db
    .prepare(`INSERT INTO card_state (card_id, state, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, last_review)
              VALUES (?, ?, ?, 3, 5, 3, 0, 2, 0, ?)`)
    .run(id, state, due, NOW - DAY);
  return id;
}

describe('dueCountsBetween', () => {
  it('counts the cards due in each span of every deck, leaving out new, archived, suspended and dropped cards', () => {
    dueCard('alpha', START);
    dueCard('alpha', START + DAY - 1);
    dueCard('beta', START + DAY);
    dueCard('beta', START + 2 * DAY + 5);
    dueCard('alpha', START + 2 * DAY + 6);
    dueCard('alpha', START - 1); // before the first span
    dueCard('alpha', START + 3 * DAY); // the end of the last span is outside it
    dueCard('alpha', START + 5, 0); // new: never due by date
    const archived = dueCard('alpha', START + 10);
    const suspended = dueCard('beta', START + DAY + 10);
    const dropped = dueCard('beta', START + 2 * DAY + 10);
    const set = (column: string, id: number) => store.db.prepare(`UPDATE cards SET ${column} = ? WHERE id = ?`).run(NOW, id);
    set('archived_at', archived);
    set('suspended_at', suspended);
    set('dropped_at', dropped);
    expect(dueCountsBetween(store, [START, START + DAY, START + 2 * DAY, START + 3 * DAY])).toEqual([2, 1, 2]);
    // A card put back counts again.
    store.db.prepare('UPDATE cards SET suspended_at = NULL WHERE id = ?').run(suspended);
    expect(dueCountsBetween(store, [START, START + DAY, START + 2 * DAY, START + 3 * DAY])).toEqual([2, 2, 2]);
  });

  it('gives no counts for fewer than two starts', () => {
    dueCard('alpha', START);
    expect(dueCountsBetween(store, [START])).toEqual([]);
    expect(dueCountsBetween(store, [])).toEqual([]);
  });

  it('reads the index of due times and the partial index of cards set aside, never the cards themselves', () => {
    // Each due card looked up in cards cost 40-80 ms an answer in a 100,000-card store (the rows hold the cards' text).
    const plan = store.db
      .prepare(`EXPLAIN QUERY PLAN ${DUE_COUNT_QUERY}`)
      .all(START, START + DAY)
      .map((r) => (r as { detail: string }).detail);
    expect(plan).toContain('SEARCH card_state USING COVERING INDEX card_state_by_due (due>? AND due<?)');
    expect(plan).toContain('SCAN cards USING INDEX cards_set_aside');
  });
});
