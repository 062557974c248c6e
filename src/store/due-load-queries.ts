import type { Store } from './open-store.js';

/**
 * The cards due in [?, ?) that reviews would show. Read from the index of due
 * times and phases alone; the cards set aside come from their own partial
 * index (the WHERE is written as the index's, as INDEXED BY requires), never
 * from the rows of cards, which hold the cards' text (see schema 12). Named:
 * schema 13's index of every card's deck and set-aside times covers this
 * query too, and SQLite chose to scan it, a row a card, at every answer.
 */
export const DUE_COUNT_QUERY = `SELECT count(*) FROM card_state
  WHERE due >= ? AND due < ? AND state > 0
    AND card_id NOT IN (SELECT id FROM cards INDEXED BY cards_set_aside WHERE archived_at IS NOT NULL OR suspended_at IS NOT NULL OR dropped_at IS NOT NULL)`;

/**
 * How many cards reviews would show fall due in each span between
 * consecutive `starts` (ascending UTC ms: the starts of study days, the last
 * one the end of the last day): the daily load the load balancer evens out.
 * Cards of every deck count (the user studies them all in a day); archived,
 * suspended and dropped ones do not, nor new ones (never due by date).
 * Returns `starts.length - 1` counts.
 */
export function dueCountsBetween(store: Store, starts: readonly number[]): number[] {
  const count = store.sql(DUE_COUNT_QUERY).pluck();
  const out: number[] = [];
  for (let i = 0; i + 1 < starts.length; i++) out.push(count.get(starts[i], starts[i + 1]) as number);
  return out;
}
