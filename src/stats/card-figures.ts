import { emptyCardCounts } from './card-counts.js';
import { distributionFromCounts } from './distributions.js';
import { FORECAST_DAYS, forecastFromSlots } from './due-forecast.js';
import type { CardFigures } from './stats-input.js';
import type { CardCounts } from './stats-report.js';

/** The count each card category (see store/card-figure-queries.ts) adds to. */
const CATEGORY: readonly (keyof CardCounts)[] = ['new', 'learning', 'review', 'relearning', 'suspended', 'dropped', 'buried', 'archived'];

/** A distribution's raw figures as the store counts them. */
interface Counted {
  counts: readonly number[];
  cards: number;
  sum: number;
  median: number | null;
}

/**
 * The figures statsReport gives about cards, from what the store counted of
 * them instead of every card's facts: cards per deck and category, scheduled
 * cards per deck and forecast slot, and the distributions' counts. Gives what
 * the passes over every card in build-stats-report.ts give.
 */
export function cardFiguresFromCounts(
  categories: readonly (readonly [deckId: number, category: number, cards: number])[],
  slots: readonly (readonly [deckId: number, slot: number, cards: number, overdue: number])[],
  distributions: { intervals: Counted; stability: Counted; difficulty: Counted },
  today: number,
): CardFigures {
  const counts = emptyCardCounts();
  const byDeck = new Map<number, { counts: CardCounts; dueToday: number }>();
  const deck = (id: number) => {
    let d = byDeck.get(id);
    if (!d) byDeck.set(id, (d = { counts: emptyCardCounts(), dueToday: 0 }));
    return d;
  };
  for (const [deckId, category, n] of categories) {
    const name = CATEGORY[category] ?? 'new';
    counts[name] += n;
    counts.total += n;
    const c = deck(deckId).counts;
    c[name] += n;
    c.total += n;
  }
  const due = new Array<number>(FORECAST_DAYS + 1).fill(0);
  let overdue = 0;
  for (const [deckId, slot, n, late] of slots) {
    due[slot] = (due[slot] ?? 0) + n;
    overdue += late;
    if (slot === 0) deck(deckId).dueToday += n;
  }
  return {
    counts,
    byDeck,
    forecast: forecastFromSlots(due, overdue, today),
    intervals: distributionFromCounts('intervals', distributions.intervals),
    stability: distributionFromCounts('stability', distributions.stability),
    difficulty: distributionFromCounts('difficulty', distributions.difficulty),
  };
}
