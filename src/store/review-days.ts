import type { DeckReviewTally, ReviewTally } from '../model/review-tally.js';
import type { StudyClock } from '../model/study-clock.js';
import type { Store } from './open-store.js';

/**
 * Every zone offset and every rollover hour falls on a quarter hour, so all the
 * reviews of one quarter hour belong to one study day.
 */
const QUARTER = 900_000;

/** The key of a study clock in review_days_state: tallies made on another clock are rebuilt. */
export function clockKey(clock: StudyClock): string {
  return `${clock.timeZone}@${clock.rolloverHour}`;
}

/** What a fold did. */
export interface FoldResult {
  /** The cache was empty or made on another clock, and was rebuilt from the whole log. */
  rebuilt: boolean;
  /** Reviews added to the tallies. */
  folded: number;
  /** The last review id now in the tallies. */
  foldedThrough: number;
}

type BucketRow = [quarter: number, deckId: number, stateBefore: number, mature: number, passed: number, reviews: number, durationMs: number];

/**
 * Brings the per-day review tallies (review_days) up to date with the review
 * log, in one transaction: rebuilt from scratch when there are none yet or they
 * were counted on another clock, else only reviews newer than the last fold
 * are added. Reviews whose facts are still unknown (see ensureReviewFacts) and
 * any after them are left for a later fold. `dayOf` gives the study day of a
 * UTC instant on `clock` (schedule/study-day-counter.ts). Returns what it did.
 */
export function foldReviewDays(store: Store, clock: StudyClock, dayOf: (t: number) => number): FoldResult {
  return store.transaction(() => {
    const key = clockKey(clock);
    const state = store.sql('SELECT clock, folded_through AS through FROM review_days_state WHERE id = 1').get() as
      | { clock: string; through: number }
      | undefined;
    const rebuilt = !state || state.clock !== key;
    let from = rebuilt ? 0 : state.through;
    if (rebuilt) store.sql('DELETE FROM review_days').run();
    const last = (store.sql('SELECT max(id) AS id FROM reviews').get() as { id: number | null }).id ?? 0;
    // min(+id), not min(id): SQLite then reads the small index of reviews without facts, not the whole log.
    const firstUnknown = (store.sql('SELECT min(+id) AS id FROM reviews WHERE state_before IS NULL').get() as { id: number | null }).id;
    // Facts are filled in place: a review without them is folded once they are there.
    const through = Math.max(from, firstUnknown !== null && firstUnknown <= last ? firstUnknown - 1 : last);
    let folded = 0;
    if (through > from) {
      const rows = store
        .sql(
          `SELECT r.reviewed_at / ${QUARTER} AS quarter, c.deck_id, r.state_before,
             (r.state_before = 2 AND r.last_interval >= 21) AS mature, (r.rating > 1) AS passed,
             count(*) AS reviews, sum(r.duration_ms) AS duration_ms
           FROM reviews r JOIN cards c ON c.id = r.card_id
           WHERE r.id > ? AND r.id <= ?
           GROUP BY quarter, c.deck_id, r.state_before, mature, passed
           ORDER BY quarter`,
        )
        .raw()
        .all(from, through) as BucketRow[];
      folded = addTallies(store, rows, dayOf);
      from = through;
    }
    store
      .sql('INSERT INTO review_days_state (id, clock, folded_through) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET clock = excluded.clock, folded_through = excluded.folded_through')
      .run(key, from);
    return { rebuilt, folded, foldedThrough: from };
  });
}

/** Adds quarter-hour buckets to review_days; returns the reviews added. */
function addTallies(store: Store, rows: readonly BucketRow[], dayOf: (t: number) => number): number {
  const sums = new Map<string, [day: number, deckId: number, stateBefore: number, mature: number, passed: number, reviews: number, durationMs: number]>();
  let added = 0;
  for (const [quarter, deckId, stateBefore, mature, passed, reviews, durationMs] of rows) {
    const day = dayOf(quarter * QUARTER);
    const k = `${day}|${deckId}|${stateBefore}|${mature}|${passed}`;
    const sum = sums.get(k);
    if (sum) {
      sum[5] += reviews;
      sum[6] += durationMs;
    } else {
      sums.set(k, [day, deckId, stateBefore, mature, passed, reviews, durationMs]);
    }
    added += reviews;
  }
  const upsert = store.sql(
    `INSERT INTO review_days (day, deck_id, state_before, mature, passed, reviews, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(day, deck_id, state_before, mature, passed) DO UPDATE SET
       reviews = reviews + excluded.reviews, duration_ms = duration_ms + excluded.duration_ms`,
  );
  for (const row of sums.values()) upsert.run(...row);
  return added;
}

/** Which tallies to read: decks (null for every deck) and an inclusive range of study days. */
export interface TallyRange {
  deckIds: readonly number[] | null;
  fromDay?: number;
  toDay?: number;
}

function rangeFilter(range: TallyRange): { where: string; params: number[] } {
  const parts: string[] = [];
  const params: number[] = [];
  if (range.deckIds) {
    parts.push(`deck_id IN (${range.deckIds.map(() => '?').join(', ') || 'NULL'})`);
    params.push(...range.deckIds);
  }
  if (range.fromDay !== undefined) {
    parts.push('day >= ?');
    params.push(range.fromDay);
  }
  if (range.toDay !== undefined) {
    parts.push('day <= ?');
    params.push(range.toDay);
  }
  return { where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

type TallyRow = { day: number; deck_id?: number; state_before: number; mature: number; passed: number; reviews: number; duration_ms: number };

function toTally(r: TallyRow): ReviewTally {
  return { day: r.day, stateBefore: r.state_before, mature: r.mature === 1, passed: r.passed === 1, reviews: r.reviews, durationMs: r.duration_ms };
}

/**
 * The folded tallies of the decks and days in `range`, summed over the decks,
 * oldest day first. Reads only the cache: fold first ({@link foldReviewDays}).
 */
export function reviewDayTallies(store: Store, range: TallyRange): ReviewTally[] {
  const { where, params } = rangeFilter(range);
  const rows = store
    .sql(
      `SELECT day, state_before, mature, passed, sum(reviews) AS reviews, sum(duration_ms) AS duration_ms
       FROM review_days ${where} GROUP BY day, state_before, mature, passed ORDER BY day, state_before, mature, passed`,
    )
    .all(...params) as TallyRow[];
  return rows.map(toTally);
}

/** Like {@link reviewDayTallies}, but deck by deck. */
export function deckReviewDayTallies(store: Store, range: TallyRange): DeckReviewTally[] {
  const { where, params } = rangeFilter(range);
  const rows = store
    .sql(
      `SELECT day, deck_id, state_before, mature, passed, reviews, duration_ms
       FROM review_days ${where} ORDER BY day, deck_id, state_before, mature, passed`,
    )
    .all(...params) as TallyRow[];
  return rows.map((r) => ({ ...toTally(r), deckId: r.deck_id! }));
}
