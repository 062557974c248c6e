import type { CardState } from '../model/card-state.js';
import type { DueLoad } from '../schedule/load-balance.js';
import { studyDay, studyDayStart, type StudyClock } from '../schedule/study-time.js';
import { dueCountsBetween } from '../store/due-load-queries.js';
import type { Store } from '../store/open-store.js';

/**
 * The load balancer's view of the store: the cards due on each study day, as
 * the store holds them at the moment of the call (so an answer counts the
 * cards answered before it in the same session).
 */
export function storeDueLoad(store: Store, clock: StudyClock): DueLoad {
  return (first, last) => {
    const starts: number[] = [];
    for (let day = first; day <= last + 1; day++) starts.push(studyDayStart(day, clock));
    return dueCountsBetween(store, starts);
  };
}

/** The load balancer's view of the store through one review session: see {@link sessionDueLoad}. */
export interface SessionDueLoad {
  /** The cards due on each study day from `first` to `last`. */
  load: DueLoad;
  /** The session's answer moved a card from state `before` (null: never answered) to `after`, as saved. */
  moved(before: CardState | null, after: CardState): void;
  /** Reads every day again when next asked (after any other write, this session's or another engram's). */
  forget(): void;
}

/**
 * The cards due on each study day, each day read from the store once and then
 * kept up to date by the session's own answers. A review answers card after
 * card, and each answer reads every day of its interval's fuzz range: for a
 * mature card (an interval of months, a range of two or three weeks, a few
 * thousand cards due a day) that was a query a day, most of an answer's time.
 * The counts are those {@link storeDueLoad} reads as long as only answers
 * moved as {@link SessionDueLoad.moved} says change the store; the caller
 * forgets them after any other write.
 */
export function sessionDueLoad(store: Store, clock: StudyClock): SessionDueLoad {
  const read = storeDueLoad(store, clock);
  const days = new Map<number, number>();
  const shift = (state: CardState | null, by: number): void => {
    // A card counts on the day it is due once it has left the new phase (as dueCountsBetween counts).
    if (state === null || state.phase === 'new') return;
    const day = studyDay(state.due, clock);
    const n = days.get(day);
    if (n !== undefined) days.set(day, n + by);
  };
  return {
    load(first, last) {
      // The days not read yet, read together where they run on.
      let from: number | null = null;
      for (let day = first; day <= last + 1; day++) {
        const missing = day <= last && !days.has(day);
        if (missing && from === null) from = day;
        if (!missing && from !== null) {
          read(from, day - 1).forEach((n, i) => days.set(from! + i, n));
          from = null;
        }
      }
      const out: number[] = [];
      for (let day = first; day <= last; day++) out.push(days.get(day)!);
      return out;
    },
    moved(before, after) {
      shift(before, -1);
      shift(after, +1);
    },
    forget() {
      days.clear();
    },
  };
}
