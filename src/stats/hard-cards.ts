import { forgetting_curve } from 'ts-fsrs';
import { DAY } from '../schedule/study-time.js';
import type { CardFacts } from './stats-input.js';
import type { HardCard } from './stats-report.js';

/** How many cards each list of hard cards holds. */
export const HARD_CARDS = 10;

/**
 * A card this likely to be recalled (it shows as 100% at one decimal, or close)
 * is no "least likely" card, however short the list would be without it.
 */
export const SURE_RECALL = 0.995;

/**
 * The chance to recall a card now, by the FSRS-6 forgetting curve of its
 * deck's parameters (`weights[20]` is the curve's decay), with the time since
 * its last review counted in days and fractions of days.
 */
export function retrievabilityNow(stability: number, lastReview: number, now: number, weights: readonly number[]): number {
  return forgetting_curve(weights, Math.max(0, (now - lastReview) / DAY), stability);
}

/** A hard card before its deck name and question are looked up. */
export type HardCardFacts = Omit<HardCard, 'deck' | 'front'> & { deckId: number };

function inPlay(c: CardFacts): boolean {
  return !c.archived && !c.suspended && !c.dropped && c.state !== null && c.state > 0;
}

/**
 * Keeps the `size` first items by `before`, in order, as they stream past: a
 * collection is large and only the top is wanted, so nothing else is stored.
 */
class TopList<T> {
  readonly items: T[] = [];

  constructor(
    private readonly size: number,
    private readonly before: (a: T, b: T) => boolean,
  ) {}

  /** Whether an item would make the list (cheap, so the caller builds items only for those). */
  wants(probe: T): boolean {
    return this.items.length < this.size || this.before(probe, this.items[this.items.length - 1]!);
  }

  add(item: T): void {
    let i = this.items.length;
    while (i > 0 && this.before(item, this.items[i - 1]!)) i--;
    this.items.splice(i, 0, item);
    if (this.items.length > this.size) this.items.pop();
  }
}

/**
 * The hardest cards (archived, suspended and dropped ones left out): those forgotten
 * most often (at least once), and those in review with the lowest chance of
 * recall now, below {@link SURE_RECALL}; {@link HARD_CARDS} of each, ties to
 * the lower id. `weightsOf` gives a deck's FSRS parameters.
 */
export function hardCards(
  cards: Iterable<CardFacts>,
  now: number,
  weightsOf: (deckId: number) => readonly number[],
): { mostLapses: HardCardFacts[]; lowestRetrievability: HardCardFacts[] } {
  const lapsed = new TopList<HardCardFacts>(HARD_CARDS, (a, b) => a.lapses > b.lapses || (a.lapses === b.lapses && a.id < b.id));
  const inReview = new TopList<HardCardFacts>(HARD_CARDS, (a, b) => a.retrievability! < b.retrievability! || (a.retrievability === b.retrievability && a.id < b.id));
  const probe: HardCardFacts = { id: 0, deckId: 0, lapses: 0, retrievability: null, stability: 0 };
  for (const c of cards) {
    if (!inPlay(c)) continue;
    probe.id = c.id;
    probe.lapses = c.lapses ?? 0;
    probe.retrievability = c.state === 2 && c.lastReview !== null ? retrievabilityNow(c.stability!, c.lastReview, now, weightsOf(c.deckId)) : null;
    const forLapses = probe.lapses > 0 && lapsed.wants(probe);
    const forRecall = probe.retrievability !== null && probe.retrievability < SURE_RECALL && inReview.wants(probe);
    if (!forLapses && !forRecall) continue;
    const facts: HardCardFacts = { ...probe, deckId: c.deckId, stability: c.stability ?? 0 };
    if (forLapses) lapsed.add(facts);
    if (forRecall) inReview.add(facts);
  }
  return { mostLapses: lapsed.items, lowestRetrievability: inReview.items };
}
