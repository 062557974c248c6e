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

/**
 * Study beyond the daily limits asked for on one study day (`engram review
 * --more`, Anki's "increase today's limit"), for some decks or every deck (null).
 */
export interface ExtraStudy {
  decks: readonly string[] | null;
  more: DailyLimits;
}

/** The global limits and any per-deck ones (a deck never gets more than the global limit). */
export interface QueueLimits {
  global: DailyLimits;
  decks: Readonly<Record<string, Partial<DailyLimits>>>;
  /**
   * Today's extra study for the decks of this queue (see extraFor): each raises
   * the limits of its decks, and the global one, by its amounts.
   */
  extra?: readonly ExtraStudy[];
}

/** A daily limit that kept cards out of today's queue: a deck's own (`deck`), or the global one (null). */
export interface HeldBack {
  deck: string | null;
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
 * learning steps, by due time, consumed from `learningAt` (see
 * {@link learningCards}). Never mutated: each change returns a new queue.
 */
export interface DueQueue {
  /** Cards in their learning steps by due time (then id): those from `learningAt` on are the queue's. */
  readonly learning: readonly QueueCard[];
  /**
   * Where the learning cards begin. The one answered is nearly always the
   * first, and a store in daily use has thousands in relearning: moving past
   * it keeps each answer from copying them all (and an undo's saved queue
   * from holding a copy of its own).
   */
  readonly learningAt: number;
  readonly main: readonly QueueCard[];
  readonly at: number;
  /** New and review cards in `main` from `at` on, kept up to date as cards leave. */
  readonly left: { readonly new: number; readonly review: number };
  /** End of the study day (UTC ms): learning cards due later wait for tomorrow. */
  readonly dayEnd: number;
  /**
   * New cards and reviews that a daily limit kept out of the queue (with more
   * study today they would come), by the limit that did; null when none.
   */
  readonly held: { readonly new: HeldBack | null; readonly review: HeldBack | null };
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
  const free = (c: QueueCard): boolean => c.sibling === null || !taken.has(c.sibling);
  const claim = (c: QueueCard): boolean => {
    if (!free(c)) return false;
    if (c.sibling !== null) taken.add(c.sibling);
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

  const slots = (kind: keyof DailyLimits, done: ReadonlyMap<string, number>): GlobalSlots => ({
    base: limits.global[kind] - total(done),
    extra: extraOf(limits, null, kind),
    covers: (deck) => (limits.extra ?? []).some((e) => e.more[kind] > 0 && (e.decks === null || e.decks.includes(deck))),
  });
  const reviews = pick(due.sort(byDue), (deck) => budget(limits, deck, 'reviewsPerDay', studied.reviewsByDeck), slots('reviewsPerDay', studied.reviewsByDeck), claim, free);
  const news = pick(fresh, (deck) => budget(limits, deck, 'newPerDay', studied.newByDeck), slots('newPerDay', studied.newByDeck), claim, free);
  return {
    learning,
    learningAt: 0,
    main: interleave(reviews.cards, news.cards),
    at: 0,
    left: { new: news.cards.length, review: reviews.cards.length },
    dayEnd,
    held: { new: news.held, review: reviews.held },
  };
}

/**
 * The extra study of `extras` that counts for a queue of `decks` (every deck
 * when empty): what was asked for every deck, or for decks among these. More
 * asked for other decks is not theirs to use.
 */
export function extraFor(extras: readonly ExtraStudy[], decks: readonly string[]): ExtraStudy[] {
  if (decks.length === 0) return [...extras];
  return extras.filter((e) => e.decks === null || e.decks.some((d) => decks.includes(d)));
}

/**
 * The card to show at `now`: a learning card that is due, else the next review
 * or new card, else a learning card due within {@link LEARN_AHEAD}; null when
 * nothing can be shown now (learning cards may still come later today:
 * see `queueCounts(queue).learning`).
 */
export function nextCard(queue: DueQueue, now: number): QueueCard | null {
  return nextBesides(queue, null, now);
}

/**
 * The card {@link nextCard} will give once card `id` (the one on screen) has
 * left the queue, if it does not come back among the first: what the screen
 * loads ahead while the card is read. Reads the queue only.
 */
export function cardAfter(queue: DueQueue, id: number, now: number): QueueCard | null {
  return nextBesides(queue, id, now);
}

/** The cards of `queue` in their learning steps, by due time. */
export function learningCards(queue: DueQueue): readonly QueueCard[] {
  return queue.learningAt === 0 ? queue.learning : queue.learning.slice(queue.learningAt);
}

/** nextCard of `queue` as if card `skip` (null: none) were not in it. */
function nextBesides(queue: DueQueue, skip: number | null, now: number): QueueCard | null {
  let l = queue.learningAt;
  if (queue.learning[l]?.id === skip) l++;
  const firstLearning = queue.learning[l];
  if (firstLearning && firstLearning.state!.due <= now) return firstLearning;
  let m = queue.at;
  if (queue.main[m]?.id === skip) m++;
  if (m < queue.main.length) return queue.main[m]!;
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
  // The learning cards are in order already: the card goes where a sort by due time (then id) would put it.
  const back: QueueCard = { id: card.id, deck: card.deck, sibling: card.sibling, state };
  const { learning, learningAt } = without;
  let lo = learningAt;
  let hi = learning.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (byDue(learning[mid]!, back) < 0) lo = mid + 1;
    else hi = mid;
  }
  const next = learning.slice(learningAt, lo);
  next.push(back);
  for (let i = lo; i < learning.length; i++) next.push(learning[i]!);
  return { ...without, learning: next, learningAt: 0 };
}

/** The queue without card `id` (buried, suspended, or answered for good today). */
export function removeCard(queue: DueQueue, id: number): DueQueue {
  // A card waits in one list or the other: found among the learning cards, main is never scanned.
  const learned = indexInLearning(queue, id);
  if (learned === queue.learningAt) return { ...queue, learningAt: learned + 1 };
  if (learned >= 0) return { ...queue, learning: [...queue.learning.slice(queue.learningAt, learned), ...queue.learning.slice(learned + 1)], learningAt: 0 };
  const index = indexInMain(queue, id);
  if (index < 0) return queue;
  const removed = queue.main[index]!;
  const left = isNew(removed) ? { ...queue.left, new: queue.left.new - 1 } : { ...queue.left, review: queue.left.review - 1 };
  if (index === queue.at) return { ...queue, at: queue.at + 1, left };
  return { ...queue, main: [...queue.main.slice(0, index), ...queue.main.slice(index + 1)], left };
}

/** Cards left to show: new, learning and review, like Anki's three numbers. */
export function queueCounts(queue: DueQueue): { new: number; learning: number; review: number } {
  return { new: queue.left.new, learning: queue.learning.length - queue.learningAt, review: queue.left.review };
}

/** Where card `id` waits among the learning cards (from `learningAt` on), or -1. */
function indexInLearning(queue: DueQueue, id: number): number {
  for (let i = queue.learningAt; i < queue.learning.length; i++) if (queue.learning[i]!.id === id) return i;
  return -1;
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
 * What is left today of the global limit (`base`: the limit less what was
 * studied, below 0 when past it) and of the extra study on top of it, which
 * only cards of the decks it was asked for (`covers`) may use.
 */
interface GlobalSlots {
  base: number;
  extra: number;
  covers: (deck: string) => boolean;
}

/**
 * Takes cards in order while their deck and the global budget allow and their
 * sibling group is free, and tells which limit, if any, kept a card out that
 * could otherwise have come today (`free`: its sibling group is free). Past
 * the global limit, only cards of decks given extra study are taken, until it
 * is spent too. Stops reading `cards` at the first card left out once both are.
 */
function pick(
  cards: Iterable<QueueCard>,
  deckBudget: (deck: string) => number,
  slots: GlobalSlots,
  claim: (c: QueueCard) => boolean,
  free: (c: QueueCard) => boolean,
): { cards: QueueCard[]; held: HeldBack | null } {
  const left = new Map<string, number>();
  const out: QueueCard[] = [];
  // Study past the global limit earlier today used up extra study first.
  let base = Math.max(0, slots.base);
  let extra = Math.max(0, slots.extra + Math.min(0, slots.base));
  let held: HeldBack | null = null;
  for (const c of cards) {
    if (base <= 0 && extra <= 0) {
      if (!free(c)) continue;
      held = { deck: null };
      break;
    }
    let deck = left.get(c.deck);
    if (deck === undefined) left.set(c.deck, (deck = deckBudget(c.deck)));
    if (deck <= 0) {
      held ??= free(c) ? { deck: c.deck } : null;
      continue;
    }
    if (base <= 0 && !slots.covers(c.deck)) {
      // The global limit is spent and this deck has no extra study of its own.
      if (free(c)) held = { deck: null };
      continue;
    }
    if (!claim(c)) continue;
    left.set(c.deck, deck - 1);
    out.push(c);
    if (base > 0) base--;
    else extra--;
  }
  return { cards: out, held };
}

/** What is left of `deck`'s limit today: its own limit (never above the global one), plus extra study, less what was studied. */
function budget(limits: QueueLimits, deck: string, kind: keyof DailyLimits, done: ReadonlyMap<string, number>): number {
  return dailyLimit(limits, deck, kind) + extraOf(limits, deck, kind) - (done.get(deck) ?? 0);
}

/** The daily limit of `deck` as set (its own, never above the global one), or the global one (null). */
export function dailyLimit(limits: QueueLimits, deck: string | null, kind: keyof DailyLimits): number {
  if (deck === null) return limits.global[kind];
  return Math.min(limits.decks[deck]?.[kind] ?? limits.global[kind], limits.global[kind]);
}

/** The extra study today for `deck`, or (null) all of it: what raises the global limit. */
export function extraOf(limits: QueueLimits, deck: string | null, kind: keyof DailyLimits): number {
  let sum = 0;
  for (const e of limits.extra ?? []) if (deck === null || e.decks === null || e.decks.includes(deck)) sum += e.more[kind];
  return sum;
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
