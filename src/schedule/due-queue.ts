import type { CardState } from '../model/card-state.js';
import { MINUTE } from './study-time.js';

/** A card as the queue sees it. */
export interface QueueCard {
  id: number;
  deck: string;
  sibling: string | null;
  /** null for a card never reviewed. */
  state: CardState | null;
}

/** New cards and reviews allowed per study day. */
export interface DailyLimits {
  newPerDay: number;
  reviewsPerDay: number;
}

/** The global limits and any per-deck ones (a deck never gets more than the global limit). */
export interface QueueLimits {
  global: DailyLimits;
  decks: Readonly<Record<string, Partial<DailyLimits>>>;
}

/** What was already studied this study day, before the session. */
export interface StudiedToday {
  /** Cards first reviewed today, per deck. */
  newByDeck: ReadonlyMap<string, number>;
  /** Other cards reviewed today, per deck. */
  reviewsByDeck: ReadonlyMap<string, number>;
  /** Sibling groups with a card reviewed today: their other cards wait for tomorrow. */
  siblings: ReadonlySet<string>;
}

/**
 * Today's cards in the order they are shown. `main` holds reviews and new
 * cards, interleaved, consumed from `at`; `learning` holds cards in their
 * learning steps, by due time. Never mutated: each change returns a new queue.
 */
export interface DueQueue {
  readonly learning: readonly QueueCard[];
  readonly main: readonly QueueCard[];
  readonly at: number;
  /** New and review cards in `main` from `at` on, kept up to date as cards leave. */
  readonly left: { readonly new: number; readonly review: number };
  /** End of the study day (UTC ms): learning cards due later wait for tomorrow. */
  readonly dayEnd: number;
}

/** How long before its due time a learning card is shown when nothing else is left, as in Anki. */
export const LEARN_AHEAD = 20 * MINUTE;

const isNew = (c: QueueCard): boolean => c.state === null || c.state.phase === 'new';
const isLearning = (c: QueueCard): boolean => c.state !== null && (c.state.phase === 'learning' || c.state.phase === 'relearning');

/**
 * Builds today's queue. `scheduled` are the studyable cards with a schedule
 * (any order); `fresh` the new ones in new-card order, read only as far as the
 * limits need, so a large store need not be loaded for 20 new cards. Learning
 * cards due today come first when due; reviews due by `dayEnd` (oldest first)
 * and new cards are limited per deck and globally, one card per sibling group,
 * and interleaved evenly.
 */
export function buildQueue(
  scheduled: Iterable<QueueCard>,
  fresh: Iterable<QueueCard>,
  studied: StudiedToday,
  limits: QueueLimits,
  dayEnd: number,
): DueQueue {
  const taken = new Set(studied.siblings);
  const claim = (c: QueueCard): boolean => {
    if (c.sibling === null) return true;
    if (taken.has(c.sibling)) return false;
    taken.add(c.sibling);
    return true;
  };
  const learning: QueueCard[] = [];
  const due: QueueCard[] = [];
  for (const c of scheduled) {
    if (c.state === null || c.state.due >= dayEnd) continue;
    if (isLearning(c)) learning.push(c);
    else if (c.state.phase === 'review') due.push(c);
  }
  learning.sort(byDue);
  for (const c of learning) if (c.sibling !== null) taken.add(c.sibling);

  const reviews = pick(
    due.sort(byDue),
    (deck) => budget(limits, deck, 'reviewsPerDay', studied.reviewsByDeck),
    limits.global.reviewsPerDay - total(studied.reviewsByDeck),
    claim,
  );
  const news = pick(
    fresh,
    (deck) => budget(limits, deck, 'newPerDay', studied.newByDeck),
    limits.global.newPerDay - total(studied.newByDeck),
    claim,
  );
  return { learning, main: interleave(reviews, news), at: 0, left: { new: news.length, review: reviews.length }, dayEnd };
}

/**
 * The card to show at `now`: a learning card that is due, else the next review
 * or new card, else a learning card due within {@link LEARN_AHEAD}; null when
 * nothing can be shown now (learning cards may still come later today:
 * see `queueCounts(queue).learning`).
 */
export function nextCard(queue: DueQueue, now: number): QueueCard | null {
  const firstLearning = queue.learning[0];
  if (firstLearning && firstLearning.state!.due <= now) return firstLearning;
  if (queue.at < queue.main.length) return queue.main[queue.at]!;
  if (firstLearning && firstLearning.state!.due <= now + LEARN_AHEAD) return firstLearning;
  return null;
}

/**
 * The queue after `card` was answered and now has `state`: it leaves the queue,
 * and comes back among the learning cards when its next step is today (also a
 * card that was not in the queue, such as one an edit turned into a new card).
 */
export function afterAnswer(queue: DueQueue, card: Pick<QueueCard, 'id' | 'deck' | 'sibling'>, state: CardState): DueQueue {
  const without = removeCard(queue, card.id);
  if ((state.phase !== 'learning' && state.phase !== 'relearning') || state.due >= queue.dayEnd) return without;
  const learning = [...without.learning, { id: card.id, deck: card.deck, sibling: card.sibling, state }].sort(byDue);
  return { ...without, learning };
}

/** The queue without card `id` (buried, suspended, or answered for good today). */
export function removeCard(queue: DueQueue, id: number): DueQueue {
  // A card waits in one list or the other: found among the learning cards, main is never scanned.
  if (queue.learning.some((c) => c.id === id)) return { ...queue, learning: queue.learning.filter((c) => c.id !== id) };
  const index = indexInMain(queue, id);
  if (index < 0) return queue;
  const removed = queue.main[index]!;
  const left = isNew(removed) ? { ...queue.left, new: queue.left.new - 1 } : { ...queue.left, review: queue.left.review - 1 };
  if (index === queue.at) return { ...queue, at: queue.at + 1, left };
  return { ...queue, main: [...queue.main.slice(0, index), ...queue.main.slice(index + 1)], left };
}

/** Cards left to show: new, learning and review, like Anki's three numbers. */
export function queueCounts(queue: DueQueue): { new: number; learning: number; review: number } {
  return { new: queue.left.new, learning: queue.learning.length, review: queue.left.review };
}

/** Where card `id` waits in `main` (from `at` on, the usual case first), or -1. */
function indexInMain(queue: DueQueue, id: number): number {
  for (let i = queue.at; i < queue.main.length; i++) if (queue.main[i]!.id === id) return i;
  return -1;
}

function byDue(a: QueueCard, b: QueueCard): number {
  return a.state!.due - b.state!.due || a.id - b.id;
}

/**
 * Takes cards in order while their deck and the global budget allow and their
 * sibling group is free; stops reading `cards` once the global budget is spent.
 */
function pick(cards: Iterable<QueueCard>, deckBudget: (deck: string) => number, globalBudget: number, claim: (c: QueueCard) => boolean): QueueCard[] {
  const left = new Map<string, number>();
  const out: QueueCard[] = [];
  let global = globalBudget;
  if (global <= 0) return out;
  for (const c of cards) {
    let deck = left.get(c.deck);
    if (deck === undefined) left.set(c.deck, (deck = deckBudget(c.deck)));
    if (deck <= 0 || !claim(c)) continue;
    left.set(c.deck, deck - 1);
    out.push(c);
    if (--global <= 0) break;
  }
  return out;
}

function budget(limits: QueueLimits, deck: string, kind: keyof DailyLimits, done: ReadonlyMap<string, number>): number {
  const limit = Math.min(limits.decks[deck]?.[kind] ?? limits.global[kind], limits.global[kind]);
  return limit - (done.get(deck) ?? 0);
}

function total(counts: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const n of counts.values()) sum += n;
  return sum;
}

/** Spreads `news` evenly among `reviews` (Bresenham), starting and ending with reviews when there are more. */
function interleave(reviews: QueueCard[], news: QueueCard[]): QueueCard[] {
  if (news.length === 0) return reviews;
  if (reviews.length === 0) return news;
  const out: QueueCard[] = [];
  const n = reviews.length + news.length;
  let r = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    // Take a new card when the share of new cards shown so far falls behind.
    const wantNew = (k + 0.5) * n <= (i + 1) * news.length;
    if ((wantNew && k < news.length) || r >= reviews.length) out.push(news[k++]!);
    else out.push(reviews[r++]!);
  }
  return out;
}
