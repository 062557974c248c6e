import type { DeckReviewTally, ReviewTally } from '../model/review-tally.js';
import type { StudyClock } from '../model/study-clock.js';
import type { Store } from './open-store.js';
import { foldReviewQuarters, QUARTER_MS } from './review-quarters.js';

/** The key of a study clock in review_days_state: tallies made on another clock are rebuilt. */
export function clockKey(clock: StudyClock): string {
  return `${clock.timeZone}@${clock.rolloverHour}`;
}

/** What a fold did. */
export interface FoldResult {
  /** There were no day tallies yet, or they were counted on another clock: all were rebuilt from the quarter hours. */
  rebuilt: boolean;
  /** Study days recounted from their quarter hours (every day when rebuilt). */
  days: number;
}

/** A study day holds fewer quarter hours than this (24 h, give or take a daylight-saving hour). */
const DAY_SPAN = 2 * 96;
/** More stale quarter hours than this rebuild every day rather than recount each one's day. */
const REBUILD_ABOVE = 5_000;

type QuarterRow = [quarter: number, deckId: number, stateBefore: number, mature: number, passed: number, reviews: number, durationMs: number];

/**
 * Brings the per-day review tallies (review_days) up to date, in one
 * transaction: from the quarter-hour tallies, which the store keeps as
 * answers are written (see review-quarters.ts), never from the log. Only the
 * days of quarter hours that changed since the last fold are recounted; all
 * days are rebuilt when there are none yet or they were counted on another
 * clock (a time zone or rollover hour changed). `dayOf` gives the study day of
 * a UTC instant on `clock` (schedule/study-day-counter.ts). Returns what it did.
 */
export function foldReviewDays(store: Store, clock: StudyClock, dayOf: (t: number) => number): FoldResult {
  return store.transaction(() => {
    // What a writer outside engram's transactions left (a sqlite3 shell, a bench's generator).
    foldReviewQuarters(store.db);
    const key = clockKey(clock);
    const state = store.sql('SELECT clock FROM review_days_state WHERE id = 1').pluck().get() as string | undefined;
    // Counted first: a rebuild need not read the stale quarter hours.
    const staleCount = store.sql('SELECT count(*) FROM review_days_stale').pluck().get() as number;
    let result: FoldResult;
    if (state !== key || staleCount > REBUILD_ABOVE) {
      result = { rebuilt: true, days: rebuildDays(store, dayOf) };
      store.sql('INSERT INTO review_days_state (id, clock) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET clock = excluded.clock').run(key);
    } else {
      const stale = store.sql('SELECT quarter FROM review_days_stale ORDER BY quarter').pluck().all() as number[];
      result = { rebuilt: false, days: recountDays(store, stale, dayOf) };
    }
    store.sql('DELETE FROM review_days_stale').run();
    return result;
  });
}

/** Sums quarter-hour rows into study days; only days `keep` accepts. */
function sumByDay(rows: Iterable<QuarterRow>, dayOf: (t: number) => number, keep: (day: number) => boolean): Map<string, number[]> {
  const sums = new Map<string, number[]>();
  let lastQuarter = Number.NaN;
  let day = 0;
  for (const [quarter, deckId, stateBefore, mature, passed, reviews, durationMs] of rows) {
    // Rows come in quarter order: one time-zone look-up per quarter hour, not per row.
    if (quarter !== lastQuarter) {
      day = dayOf(quarter * QUARTER_MS);
      lastQuarter = quarter;
    }
    if (!keep(day)) continue;
    const k = `${day}|${deckId}|${stateBefore}|${mature}|${passed}`;
    const sum = sums.get(k);
    if (sum) {
      sum[5]! += reviews;
      sum[6]! += durationMs;
    } else {
      sums.set(k, [day, deckId, stateBefore, mature, passed, reviews, durationMs]);
    }
  }
  return sums;
}

function insertDays(store: Store, sums: Map<string, number[]>): void {
  const insert = store.sql('INSERT INTO review_days (day, deck_id, state_before, mature, passed, reviews, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const row of sums.values()) insert.run(...row);
}

/** Rebuilds every day's tallies from the quarter hours; returns the days written. */
function rebuildDays(store: Store, dayOf: (t: number) => number): number {
  store.sql('DELETE FROM review_days').run();
  const range = store.sql('SELECT min(quarter), max(quarter) FROM review_quarters').raw().get() as [number | null, number | null];
  if (range[0] === null || range[1] === null) return 0;
  // The first quarter hour of each study day, found by binary search between the
  // days' edges: SQLite then sums each day's range of quarter hours itself, and
  // a long history is not read into JS row by row. A range join (one index seek
  // a day, CROSS JOIN keeping the days outside) rather than a look-up of each
  // quarter hour's day (one seek a row): a fifth less time on the first run over
  // a million answers.
  const [min, max] = range;
  const starts: [first: number, day: number][] = [];
  let day = dayOf(min * QUARTER_MS);
  starts.push([min, day]);
  let from = min;
  const last = dayOf(max * QUARTER_MS);
  while (day < last) {
    day++;
    let lo = from + 1;
    let hi = max + 1;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (dayOf(mid * QUARTER_MS) >= day) hi = mid;
      else lo = mid + 1;
    }
    if (lo > max) break;
    day = dayOf(lo * QUARTER_MS);
    starts.push([lo, day]);
    from = lo;
  }
  store.db.exec('CREATE TEMP TABLE IF NOT EXISTS day_ranges (first INTEGER PRIMARY KEY, day INTEGER NOT NULL, next INTEGER NOT NULL); DELETE FROM temp.day_ranges;');
  const insert = store.sql('INSERT INTO temp.day_ranges (first, day, next) VALUES (?, ?, ?)');
  starts.forEach(([first, d], i) => insert.run(first, d, starts[i + 1]?.[0] ?? max + 1));
  store
    .sql(
      `INSERT INTO review_days (day, deck_id, state_before, mature, passed, reviews, duration_ms)
       SELECT d.day, q.deck_id, q.state_before, q.mature, q.passed, sum(q.reviews), sum(q.duration_ms)
       FROM temp.day_ranges d CROSS JOIN review_quarters q ON q.quarter >= d.first AND q.quarter < d.next
       GROUP BY d.first, q.deck_id, q.state_before, q.mature, q.passed`,
    )
    .run();
  store.db.exec('DELETE FROM temp.day_ranges');
  return store.sql('SELECT count(DISTINCT day) FROM review_days').pluck().get() as number;
}

/** Recounts the days of the stale quarter hours (sorted) from the quarter hours around them; returns the days recounted. */
function recountDays(store: Store, stale: readonly number[], dayOf: (t: number) => number): number {
  if (stale.length === 0) return 0;
  const days = new Set(stale.map((q) => dayOf(q * QUARTER_MS)));
  const remove = store.sql('DELETE FROM review_days WHERE day = ?');
  for (const day of days) remove.run(day);
  const around = store.sql('SELECT * FROM review_quarters WHERE quarter >= ? AND quarter <= ? ORDER BY quarter').raw();
  // Stale quarter hours close together share one read of the quarter hours around them.
  let i = 0;
  while (i < stale.length) {
    let j = i;
    while (j + 1 < stale.length && stale[j + 1]! - stale[j]! <= 2 * DAY_SPAN) j++;
    const rows = around.all(stale[i]! - DAY_SPAN, stale[j]! + DAY_SPAN) as QuarterRow[];
    const first = dayOf(stale[i]! * QUARTER_MS);
    const last = dayOf(stale[j]! * QUARTER_MS);
    insertDays(store, sumByDay(rows, dayOf, (d) => d >= first && d <= last && days.has(d)));
    i = j + 1;
  }
  return days.size;
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
