import type { DeckReviewTally } from '../../src/model/review-tally.js';
import type { StudyClock } from '../../src/model/study-clock.js';
import { studyDay } from '../../src/schedule/study-time.js';
import type { Store } from '../../src/store/open-store.js';
import { QUARTER_MS } from '../../src/store/review-quarters.js';

// The stats' tallies counted the slow, obvious way, review by review, to hold
// the tallies the store keeps as answers are written to.

/** One row of review_quarters: its key, then the reviews and their time. */
export type Row = [quarter: number, deckId: number, stateBefore: number, mature: number, passed: number, reviews: number, durationMs: number];

/** The quarter-hour tallies as they are in the store. */
export function quarters(store: Store): Row[] {
  return store.db.prepare('SELECT * FROM review_quarters ORDER BY quarter, deck_id, state_before, mature, passed').raw().all() as Row[];
}

type LogRow = { at: number; deck: number; before: number | null; interval: number | null; rating: number; ms: number };

function log(store: Store): LogRow[] {
  return store.db
    .prepare('SELECT r.reviewed_at AS at, c.deck_id AS deck, r.state_before AS before, r.last_interval AS interval, r.rating, r.duration_ms AS ms FROM reviews r JOIN cards c ON c.id = r.card_id')
    .all() as LogRow[];
}

/** The log folded from scratch, review by review, by `bucket` (reviews whose facts are unknown left out). */
function fold(rows: readonly LogRow[], bucket: (r: LogRow) => number): Row[] {
  const sums = new Map<string, Row>();
  for (const r of rows) {
    if (r.before === null) continue;
    const key: Row = [bucket(r), r.deck, r.before, r.before === 2 && (r.interval ?? 0) >= 21 ? 1 : 0, r.rating > 1 ? 1 : 0, 0, 0];
    const k = key.slice(0, 5).join('|');
    const sum = sums.get(k) ?? key;
    sum[5] += 1;
    sum[6] += r.ms;
    sums.set(k, sum);
  }
  return [...sums.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3] || a[4] - b[4]);
}

/** The quarter-hour tallies a fold of the whole log gives. */
export function quartersFromScratch(store: Store): Row[] {
  return fold(log(store), (r) => Math.floor(r.at / QUARTER_MS));
}

/** The per-day tallies a fold of the whole log gives on `clock`, each review's day asked of the study clock itself. */
export function daysFromScratch(store: Store, clock: StudyClock): DeckReviewTally[] {
  return fold(log(store), (r) => studyDay(r.at, clock)).map(([day, deckId, stateBefore, mature, passed, reviews, durationMs]) => ({
    day,
    deckId,
    stateBefore,
    mature: mature === 1,
    passed: passed === 1,
    reviews,
    durationMs,
  }));
}
