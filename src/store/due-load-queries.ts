import type { Store } from './open-store.js';

/**
 * How many cards reviews would show fall due in each span between
 * consecutive `starts` (ascending UTC ms: the starts of study days, the last
 * one the end of the last day): the daily load the load balancer evens out.
 * Cards of every deck count (the user studies them all in a day); archived,
 * suspended and dropped ones do not, nor new ones (never due by date).
 * Returns `starts.length - 1` counts.
 */
export function dueCountsBetween(store: Store, starts: readonly number[]): number[] {
  const out = new Array<number>(Math.max(0, starts.length - 1)).fill(0);
  if (out.length === 0) return out;
  // The range scan of card_state_by_due gives the due times in order: binned in one pass.
  const dues = store
    .sql(
      `SELECT s.due FROM card_state s JOIN cards c ON c.id = s.card_id
       WHERE s.due >= ? AND s.due < ? AND s.state > 0
         AND c.archived_at IS NULL AND c.suspended_at IS NULL AND c.dropped_at IS NULL
       ORDER BY s.due`,
    )
    .pluck()
    .all(starts[0], starts[starts.length - 1]) as number[];
  let slot = 0;
  for (const due of dues) {
    while (due >= starts[slot + 1]!) slot++;
    out[slot]!++;
  }
  return out;
}
