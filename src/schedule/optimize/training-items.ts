import type { Grade } from '../../model/review.js';
import type { StudyClock } from '../study-time.js';
import { studyDayCounter } from '../study-day-counter.js';

/** One answer as the optimizer sees it: the grade and the study days since the card's previous answer. */
export interface TrainingReview {
  rating: Grade;
  /** Whole study days since the previous answer of the card; 0 for the first and for same-day answers. */
  deltaT: number;
}

/**
 * One training item: a card's answers up to and including the answer it
 * predicts (the last). Items of one card share their answers' objects.
 */
export interface TrainingItem {
  reviews: readonly TrainingReview[];
}

/** A training item of a log, with when its last answer was given and whose it is. */
export interface LoggedTrainingItem extends TrainingItem {
  /** UTC ms of the answer it predicts: the time a time-series split orders items by. */
  at: number;
  /** The index of its card's log among those given to {@link trainingItems}. */
  log: number;
}

/** One card's answers in the order they were given (the log's order). */
export interface CardLog {
  cardId: number;
  reviews: readonly { reviewedAt: number; rating: Grade }[];
}

/** The training items of a log, and what was left out. */
export interface TrainingSet {
  items: LoggedTrainingItem[];
  /** Cards with at least one answer. */
  cards: number;
  /** Answers in the log. */
  reviews: number;
  /**
   * Answers after a card's first that make no item, because they came the
   * same study day as the answer before (learning and relearning steps).
   */
  dropped: number;
}

/**
 * The optimizer's training items from each card's answers: one item per answer
 * given a study day or more after the card's previous one, holding the card's
 * answers up to it (same-day answers included, as history). Days are study
 * days, which start at `clock`'s rollover hour in its time zone: a card
 * answered at 23:00 and again at 01:00 was answered the same study day with the
 * default 4 am rollover.
 *
 * Why only those: FSRS predicts recall after days, not minutes. The native
 * optimizer aborts the whole process on an item with no answer a day or more
 * after another, and refuses to evaluate ("InvalidInput") items whose last
 * answer came the same day. Pure; never throws.
 */
export function trainingItems(logs: Iterable<CardLog>, clock: StudyClock): TrainingSet {
  const items: LoggedTrainingItem[] = [];
  let index = -1;
  let cards = 0;
  let reviews = 0;
  let dropped = 0;
  const studyDay = studyDayCounter(clock);
  for (const log of logs) {
    index++;
    if (log.reviews.length === 0) continue;
    cards++;
    reviews += log.reviews.length;
    const answers: TrainingReview[] = [];
    let previousDay = 0;
    log.reviews.forEach((r, i) => {
      const day = studyDay(r.reviewedAt);
      // A clock set back can put an answer before the previous one: count it as the same day.
      const deltaT = i === 0 ? 0 : Math.max(0, day - previousDay);
      previousDay = i === 0 ? day : Math.max(previousDay, day);
      answers.push({ rating: r.rating, deltaT });
    });
    for (let i = 1; i < answers.length; i++) {
      if (answers[i]!.deltaT > 0) items.push({ reviews: answers.slice(0, i + 1), at: log.reviews[i]!.reviewedAt, log: index });
      else dropped++;
    }
  }
  return { items, cards, reviews, dropped };
}

/**
 * Throws Error unless `item` starts at day 0 and ends with an answer a day or
 * more after the one before it, as every item of {@link trainingItems} does:
 * both optimizers abort (the native one the whole process) on other items.
 */
export function checkTrainingItem(item: TrainingItem): void {
  const r = item.reviews;
  if (r.length < 2 || r[0]!.deltaT !== 0 || r[r.length - 1]!.deltaT <= 0) {
    throw new Error('a training item must start at day 0 and end with an answer a day or more after the one before it');
  }
}
