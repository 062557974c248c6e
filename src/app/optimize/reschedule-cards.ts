import type { SchedulerSet } from '../../schedule/scheduler-set.js';
import { cardState, saveCardState } from '../../store/card-state-rows.js';
import type { Store } from '../../store/open-store.js';
import type { DeckCardLog } from '../../store/optimize-queries.js';

/** How far a rescheduling moved the cards' due dates. */
export interface RescheduleSummary {
  /** Cards whose state was recomputed. */
  cards: number;
  sooner: number;
  later: number;
  /** Median distance a moved card's due date moved, in ms (0 when none moved). */
  medianShift: number;
}

/**
 * Recomputes the state of each card in `logs` by replaying its answers with
 * its deck's scheduler from `schedulers` (the new parameters), all in one
 * transaction; with `write` false nothing is written (a dry run). The review
 * log is only read. Returns how the due dates moved.
 */
export function rescheduleCards(store: Store, logs: readonly DeckCardLog[], schedulers: SchedulerSet, write: boolean): RescheduleSummary {
  const shifts: number[] = [];
  let sooner = 0;
  let later = 0;
  const run = (): void => {
    for (const log of logs) {
      const before = cardState(store, log.cardId);
      const after = schedulers.forDeck(log.deck).replay(log.seed, log.reviews);
      const shift = (after?.due ?? 0) - (before?.due ?? 0);
      if (shift < 0) sooner++;
      if (shift > 0) later++;
      if (shift !== 0) shifts.push(Math.abs(shift));
      if (write) saveCardState(store, log.cardId, after);
    }
  };
  if (write) store.transaction(run);
  else run();
  shifts.sort((a, b) => a - b);
  const mid = shifts.length >> 1;
  const medianShift = shifts.length === 0 ? 0 : shifts.length % 2 ? shifts[mid]! : (shifts[mid - 1]! + shifts[mid]!) / 2;
  return { cards: logs.length, sooner, later, medianShift };
}
