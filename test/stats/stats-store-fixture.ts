import type { CardState, Phase } from '../../src/model/card-state.js';
import type { Grade } from '../../src/model/review.js';
import { DAY, HOUR } from '../../src/schedule/study-time.js';
import { saveCardState } from '../../src/store/card-state-rows.js';
import { insertCard } from '../../src/store/cards.js';
import { ensureDeck } from '../../src/store/decks.js';
import type { Store } from '../../src/store/open-store.js';
import { appendReview } from '../../src/store/reviews.js';

/**
 * A store whose every stats figure is counted by hand in the tests. The clock:
 * UTC, study days from 4:00; now is 2026-03-02 10:00 (a Monday), today "D".
 *
 * Cards (ids in insertion order):
 *   Spanish  1 review     due D+3          S 30    D 5.2  interval 30  lapses 1  last D 09:00
 *            2 relearning due D 09:11      S 1.5   D 7.0               lapses 1  last D 09:01
 *            3 learning   due D 09:13      S 0.4   D 5.0                         last D 09:03
 *            4 review     due 02-22 (overdue) S 2  D 8.6  interval 2   lapses 1  last 02-20 12:00
 *            5 review, suspended, due D+1  S 8     D 6.5  interval 7   lapses 3
 *            6 new
 *            7 new, buried until D+1 04:00
 *   Go       8 review     due D+1 04:00    S 45.5  D 3.4  interval 45            last D 03:30
 *            9 review     due D+30 04:00   S 150   D 1.2  interval 120 lapses 2  last 03-01 12:00
 *           10 review, archived, due D+2   S 20    D 4.0  interval 20  lapses 5
 *           11 review, due D 06:00, buried until D+1 04:00  S 12  D 9.7  interval 10  last 02-27 10:00
 * Go has its own FSRS weights (decay 0.5): {@link GO_WEIGHTS}.
 *
 * Reviews (state before; interval before in days for review cards):
 *   D    09:00 card 1 Good  review 30 (mature)   10 s
 *   D    09:01 card 2 Again review 5  (young)    20 s
 *   D    09:02 card 3 Good  new                   5 s
 *   D    09:03 card 3 Good  learning              5 s
 *   D    03:30 card 8 Easy  review 10 (young)     8 s   (before 4:00: day D-1)
 *   D-1  12:00 card 9 Hard  review 40 (mature)   12 s
 *   D-2  10:00 card 1 Again review 25 (mature)   30 s
 *   D-2  10:10 card 1 Good  relearning            6 s
 *   D-5  10:00 card 2 Good  review 3  (young)     7 s
 *   D-13 10:00 card 4 Good  new                   4 s
 *   D-12 10:00 card 4 Good  learning              4 s
 *   D-11 10:00 card 4 Good  review 1  (young)     4 s
 *   D-10 12:00 card 4 Again review 1  (young)     4 s
 *   D-40 10:00 card 8 Hard  review 21 (mature)    9 s
 *   D-400 10:00 card 9 Again review 20 (young)   11 s
 */
export const STATS_NOW = Date.parse('2026-03-02T10:00:00Z');
const MIDNIGHT = Date.parse('2026-03-02T00:00:00Z');

/** FSRS-6 defaults with a forgetting-curve decay of 0.5 instead of 0.1542. */
export const GO_WEIGHTS = [0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.5];

/** UTC ms of `hours` (may be fractional) on day D + `day`. */
export function at(day: number, hours: number): number {
  return MIDNIGHT + day * DAY + Math.round(hours * HOUR);
}

/** The start (4:00) of study day D + `day`. */
export const dayStart = (day: number): number => at(day, 4);

function state(phase: Exclude<Phase, 'new'>, due: number, stability: number, difficulty: number, scheduledDays: number, lapses: number, lastReview: number | null): CardState {
  return { phase, due, stability, difficulty, scheduledDays, learningSteps: 0, reps: 3, lapses, lastReview };
}

/** A state before an answer that makes appendReview record `phase` (and `interval` days for a review card). */
function was(phase: Phase, interval = 0): CardState | null {
  return phase === 'new' ? null : state(phase, 0, 1, 5, interval, 0, 0);
}

/** Fills an empty store with the cards and reviews described above. */
export function fillStatsStore(store: Store): void {
  store.transaction(() => {
    const spanish = ensureDeck(store, 'Spanish', 0);
    const go = ensureDeck(store, 'Go', 0);
    const card = (deckId: number, n: number, front: string) =>
      insertCard(store, { key: `k${n}`, sibling: null, deckId, sourceId: null, line: n, endLine: n, kind: 'basic', syntax: 'qa', front, back: 'A', title: null, context: null, headingPath: [] }, 0);
    for (let n = 1; n <= 7; n++) card(spanish, n, n === 4 ? '**El** perro\n_ladra_' : `Spanish ${n}`);
    for (let n = 8; n <= 11; n++) card(go, n, n === 9 ? 'What does `defer` do?' : `Go ${n}`);

    saveCardState(store, 1, state('review', dayStart(3), 30, 5.2, 30, 1, at(0, 9)));
    saveCardState(store, 2, state('relearning', at(0, 9 + 11 / 60), 1.5, 7.0, 0, 1, at(0, 9 + 1 / 60)));
    saveCardState(store, 3, state('learning', at(0, 9 + 13 / 60), 0.4, 5.0, 0, 0, at(0, 9 + 3 / 60)));
    saveCardState(store, 4, state('review', dayStart(-8), 2, 8.6, 2, 1, at(-10, 12)));
    saveCardState(store, 5, state('review', dayStart(1), 8, 6.5, 7, 3, at(-6, 10)));
    store.db.prepare('UPDATE cards SET suspended_at = ? WHERE id = 5').run(at(-1, 10));
    store.db.prepare('UPDATE cards SET buried_until = ? WHERE id IN (7, 11)').run(dayStart(1));
    saveCardState(store, 8, state('review', dayStart(1), 45.5, 3.4, 45, 0, at(0, 3.5)));
    saveCardState(store, 9, state('review', dayStart(30), 150, 1.2, 120, 2, at(-1, 12)));
    saveCardState(store, 10, state('review', dayStart(2), 20, 4.0, 20, 5, at(-18, 10)));
    store.db.prepare('UPDATE cards SET archived_at = ? WHERE id = 10').run(at(-1, 10));
    saveCardState(store, 11, state('review', at(0, 6), 12, 9.7, 10, 0, at(-3, 10)));

    const log: [day: number, hours: number, cardId: number, rating: Grade, before: CardState | null, seconds: number][] = [
      [-400, 10, 9, 1, was('review', 20), 11],
      [-40, 10, 8, 2, was('review', 21), 9],
      [-13, 10, 4, 3, was('new'), 4],
      [-12, 10, 4, 3, was('learning'), 4],
      [-11, 10, 4, 3, was('review', 1), 4],
      [-10, 12, 4, 1, was('review', 1), 4],
      [-5, 10, 2, 3, was('review', 3), 7],
      [-2, 10, 1, 1, was('review', 25), 30],
      [-2, 10 + 10 / 60, 1, 3, was('relearning'), 6],
      [-1, 12, 9, 2, was('review', 40), 12],
      [0, 3.5, 8, 4, was('review', 10), 8],
      [0, 9, 1, 3, was('review', 30), 10],
      [0, 9 + 1 / 60, 2, 1, was('review', 5), 20],
      [0, 9 + 2 / 60, 3, 3, was('new'), 5],
      [0, 9 + 3 / 60, 3, 3, was('learning'), 5],
    ];
    for (const [day, hours, cardId, rating, before, seconds] of log) {
      appendReview(store, { cardId, reviewedAt: at(day, hours), rating, durationMs: seconds * 1000, sessionId: null, device: null }, before);
    }
  });
}
