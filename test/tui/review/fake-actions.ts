import type { CodeBlock } from '../../../src/model/code-block.js';
import type { CardCode } from '../../../src/check/code-of-card.js';
import type { RunHooks, RunResult } from '../../../src/run/run-types.js';
import type { Card } from '../../../src/model/card.js';
import type { CardState } from '../../../src/model/card-state.js';
import type { Grade } from '../../../src/model/review.js';
import { buildQueue, dailyLimit, extraOf, type DueQueue, type QueueLimits, type StudiedToday } from '../../../src/schedule/due-queue.js';
import { formatInterval } from '../../../src/schedule/format-interval.js';
import { Scheduler } from '../../../src/schedule/fsrs-scheduler.js';
import { DAY, nextRollover, type StudyClock } from '../../../src/schedule/study-time.js';
import type { ReviewActions, StudySummary, ShownCard } from '../../../src/app/review/review-actions.js';
import type { LimitReached, MoreStudy } from '../../../src/app/review/today-limits.js';
import { defaultSchedule } from '../../helpers/default-schedule.js';
import { fakeRunActions } from '../code-pane/fake-run-actions.js';

/** The fixed instant every screen test starts at: 2026-03-02 10:00 UTC. */
export const T0 = Date.parse('2026-03-02T10:00:00Z');

/** Study days in UTC, starting at 4 am. */
export const CLOCK: StudyClock = { rolloverHour: 4, timeZone: 'UTC' };

/** The real scheduler with the default settings, fuzz off: every interval is predictable. */
export const scheduler = new Scheduler(defaultSchedule(CLOCK));

/** The default daily limits. */
export const LIMITS: QueueLimits = { global: { newPerDay: 20, reviewsPerDay: 200 }, decks: {} };

/** A card as the store would hold it; a basic Q/A card unless `fields` say otherwise. */
export function makeCard(id: number, fields: Partial<Omit<Card, 'id'>> = {}): Card {
  return {
    id,
    key: `key-${id}`,
    sibling: null,
    kind: 'basic',
    syntax: 'qa',
    front: `Question ${id}?`,
    back: `Answer ${id}.`,
    title: null,
    context: null,
    headingPath: [],
    line: id * 3,
    endLine: id * 3 + 1,
    deck: 'default',
    sourcePath: `/notes/card-${id}.md`,
    archived: false,
    suspended: false,
    droppedAt: null,
    createdAt: T0 - 30 * DAY,
    updatedAt: T0 - 30 * DAY,
    ...fields,
  };
}

/** A review card that fell due yesterday (last reviewed five days ago, after three good answers). */
export function dueReviewState(): CardState {
  return {
    phase: 'review',
    due: T0 - DAY,
    stability: 6,
    difficulty: 5,
    scheduledDays: 4,
    learningSteps: 0,
    reps: 3,
    lapses: 0,
    lastReview: T0 - 5 * DAY,
  };
}

/** Every call the screen made, in order. */
export type Call =
  | { kind: 'show'; cardId: number; now: number }
  | { kind: 'answer'; cardId: number; grade: Grade; now: number; shownAt: number; reviewId: number }
  | { kind: 'undo'; reviewId: number; cardId: number }
  | { kind: 'bury'; cardId: number }
  | { kind: 'unbury'; cardId: number }
  | { kind: 'suspend'; cardId: number }
  | { kind: 'unsuspend'; cardId: number }
  | { kind: 'drop'; cardId: number }
  | { kind: 'undrop'; cardId: number }
  | { kind: 'edit'; cardId: number; now: number }
  | { kind: 'openImage'; path: string; cardId: number }
  | { kind: 'summary'; now: number }
  | { kind: 'studyMore'; more: MoreStudy; now: number }
  | { kind: 'trust'; deck: string }
  | { kind: 'run'; lang: string; code: string };

/** One answer in the fake review log. */
export interface FakeReview {
  id: number;
  cardId: number;
  rating: Grade;
  reviewedAt: number;
}

export interface FakeOptions {
  /** Starting states by card id (cards not listed are new). */
  states?: ReadonlyMap<number, CardState>;
  /** Button labels instead of the scheduler's preview. */
  intervals?: (card: Card, state: CardState | null) => Record<Grade, string>;
  /** What `edit` does; by default "This card has no source file to edit." */
  edit?: (shown: ShownCard, now: number) => ShownCard | { message: string; gone: boolean };
  /** What `openImage` says; by default `Opened <path>`. */
  openImage?: (path: string, card: Card) => string;
  /** Makes `answer` throw this (as a store that is locked or full would). */
  answerError?: Error;
  /** What each card holds to run and asks; by default nothing. */
  code?: (card: Card) => CardCode;
  /** Decks trusted from the start. */
  trusted?: readonly string[];
  /** What a run does; by default it fails the test. */
  run?: (block: CodeBlock, hooks: RunHooks) => Promise<RunResult>;
  /** Makes `queueFor` throw this (as a store another engram holds would). */
  queueError?: Error;
  /** The heading each card's file is titled with (the store's sharedFirstHeading); none by default. */
  titleHeading?: (card: Card) => string | null;
  /** Makes `show` throw what this returns for a card (nothing: it loads). */
  showError?: (cardId: number) => Error | undefined;
  /** The daily limits (default LIMITS); answers of this fake count against them, and `studyMore` adds to them. */
  limits?: QueueLimits;
}

/** A fake of the CLI's review service over cards in memory, with a clock the test moves. */
export interface Fake {
  actions: ReviewActions;
  calls: Call[];
  reviews: FakeReview[];
  states: Map<number, CardState | null>;
  /** The calls of one kind, in order. */
  callsOf<K extends Call['kind']>(kind: K): Extract<Call, { kind: K }>[];
  /** Every call except `show` and `summary` (the ones a key press causes). */
  effects(): Call[];
  setNow(t: number): void;
  advance(ms: number): void;
  /** Today's queue over the cards and their current states, built with the real `buildQueue`. */
  queue(): DueQueue;
  /** What `show` gives for a card right now (for building an edited card). */
  shownCard(card: Card): ShownCard;
  /**
   * Adds or rewrites cards as another engram's import would: the store changes
   * under the review, and `changedElsewhere` says so once.
   */
  importElsewhere(cards: readonly Card[]): void;
  /** How many times the screen asked for the queue afresh (`queueFor`). */
  requeues(): number;
  /** For each time the screen let the store do its upkeep (`whileReading`): the card last loaded before it (null: none). */
  readings: (number | null)[];
}

/** The labels the real review service puts on the buttons. */
export function previewLabels(id: number, state: CardState | null, now: number): Record<Grade, string> {
  const preview = scheduler.preview(id, state, now);
  const label = (s: CardState): string => (s.phase === 'review' ? formatInterval(s.scheduledDays * DAY) : formatInterval(s.due - now));
  return { 1: label(preview[1]), 2: label(preview[2]), 3: label(preview[3]), 4: label(preview[4]) };
}

export function fakeActions(initialCards: readonly Card[], options: FakeOptions = {}): Fake {
  let time = T0;
  let nextReviewId = 101;
  let changed = false;
  let requeues = 0;
  const readings: (number | null)[] = [];
  const cards = [...initialCards];
  const byId = new Map(cards.map((c) => [c.id, c]));
  const states = new Map<number, CardState | null>(cards.map((c) => [c.id, options.states?.get(c.id) ?? null]));
  const calls: Call[] = [];
  const reviews: FakeReview[] = [];

  const shownCard = (card: Card): ShownCard => {
    const state = states.get(card.id) ?? null;
    const intervals = options.intervals ? options.intervals(card, state) : previewLabels(card.id, state, time);
    return {
      card,
      state,
      intervals,
      shownAt: time,
      ...(options.code ? { code: options.code(card) } : {}),
      ...(options.titleHeading ? { titleHeading: options.titleHeading(card) } : {}),
    };
  };

  // An object of closures, not a class: the screen passes `actions.now` around unbound.
  /** Today's queue over the cards and their current states, built with the real `buildQueue`. */
  /** Extra study asked for through `studyMore` (the fake has one study day). */
  const extra: MoreStudy = { newCards: 0, reviews: 0 };
  const limits = (): QueueLimits => ({ ...(options.limits ?? LIMITS), extra: [{ decks: null, more: { newPerDay: extra.newCards, reviewsPerDay: extra.reviews } }] });
  /** What this fake's answers studied: a card that started new counts as a new card, others as reviews. */
  const studied = (): StudiedToday => {
    const newByDeck = new Map<string, number>();
    const reviewsByDeck = new Map<string, number>();
    for (const id of new Set(reviews.map((r) => r.cardId))) {
      const counts = options.states?.get(id) ? reviewsByDeck : newByDeck;
      const deck = byId.get(id)!.deck;
      counts.set(deck, (counts.get(deck) ?? 0) + 1);
    }
    return { newByDeck, reviewsByDeck, siblings: new Set() };
  };
  const queueAt = (at: number): DueQueue =>
    buildQueue(
      cards.filter((c) => states.get(c.id)).map((c) => ({ id: c.id, deck: c.deck, sibling: c.sibling, state: states.get(c.id)! })),
      cards.filter((c) => !states.get(c.id)).map((c) => ({ id: c.id, deck: c.deck, sibling: c.sibling, state: null })),
      studied(),
      limits(),
      nextRollover(at, CLOCK),
    );

  const actions: ReviewActions = {
    now: () => time,
    queueFor: (at) => {
      requeues++;
      if (options.queueError) throw options.queueError;
      return queueAt(at);
    },
    whileReading: () => {
      readings.push(calls.filter((c) => c.kind === 'show').at(-1)?.cardId ?? null);
    },
    changedElsewhere: () => {
      const was = changed;
      changed = false;
      return was;
    },
    show(q, now) {
      calls.push({ kind: 'show', cardId: q.id, now });
      const failure = options.showError?.(q.id);
      if (failure) throw failure;
      const card = byId.get(q.id);
      if (!card) throw new Error(`card ${q.id} is in the queue but not in the fake`);
      return shownCard(card);
    },
    answer(shown, grade, now) {
      if (options.answerError) throw options.answerError;
      const state = scheduler.answer(shown.card.id, states.get(shown.card.id) ?? null, grade, now);
      const reviewId = nextReviewId++;
      reviews.push({ id: reviewId, cardId: shown.card.id, rating: grade, reviewedAt: now });
      states.set(shown.card.id, state);
      calls.push({ kind: 'answer', cardId: shown.card.id, grade, now, shownAt: shown.shownAt, reviewId });
      return { reviewId, state };
    },
    undo(reviewId, cardId) {
      calls.push({ kind: 'undo', reviewId, cardId });
      const at = reviews.findIndex((r) => r.id === reviewId);
      if (at >= 0) reviews.splice(at, 1);
      const state = scheduler.replay(
        cardId,
        reviews.filter((r) => r.cardId === cardId),
      );
      // A card with no reviews left goes back to what the test started it with.
      const restored = state ?? options.states?.get(cardId) ?? null;
      states.set(cardId, restored);
      return restored;
    },
    bury(cardId) {
      calls.push({ kind: 'bury', cardId });
    },
    unbury(cardId) {
      calls.push({ kind: 'unbury', cardId });
    },
    suspend(cardId) {
      calls.push({ kind: 'suspend', cardId });
    },
    unsuspend(cardId) {
      calls.push({ kind: 'unsuspend', cardId });
    },
    drop(cardId) {
      calls.push({ kind: 'drop', cardId });
    },
    undrop(cardId) {
      calls.push({ kind: 'undrop', cardId });
    },
    edit(shown, now) {
      calls.push({ kind: 'edit', cardId: shown.card.id, now });
      return options.edit ? options.edit(shown, now) : { message: 'This card has no source file to edit.', gone: false };
    },
    openImage(path, card) {
      calls.push({ kind: 'openImage', path, cardId: card.id });
      return options.openImage ? options.openImage(path, card) : `Opened ${path}`;
    },
    summary(now): StudySummary {
      calls.push({ kind: 'summary', now });
      return { streak: 1, learningLater: 0, nextLearningInMs: null, reviewsTomorrow: 0, newWaiting: 0, limits: [] };
    },
    limitsReached(now) {
      // As the service does it: the limits of today's queue used up while cards of their kind wait.
      const q = queueAt(now);
      const l = limits();
      const out: LimitReached[] = [];
      const waiting = {
        new: cards.filter((c) => !states.get(c.id)).length,
        review: cards.filter((c) => states.get(c.id)?.phase === 'review' && states.get(c.id)!.due < q.dayEnd).length,
      };
      for (const kind of ['new', 'review'] as const) {
        const held = q.held[kind];
        if (!held || q.left[kind] > 0 || waiting[kind] === 0) continue;
        const key = kind === 'new' ? 'newPerDay' : 'reviewsPerDay';
        const limit = dailyLimit(l, held.deck, key);
        out.push({ kind, deck: held.deck, limit, extra: extraOf(l, held.deck, key), waiting: waiting[kind], suggested: Math.min(waiting[kind], limit) });
      }
      return out;
    },
    studyMore(more, now) {
      calls.push({ kind: 'studyMore', more, now });
      extra.newCards += more.newCards;
      extra.reviews += more.reviews;
    },
    ...fakeRunActions(calls, options.trusted, options.run),
  };

  return {
    actions,
    calls,
    reviews,
    states,
    callsOf: <K extends Call['kind']>(kind: K) => calls.filter((c): c is Extract<Call, { kind: K }> => c.kind === kind),
    effects: () => calls.filter((c) => c.kind !== 'show' && c.kind !== 'summary'),
    setNow: (t) => {
      time = t;
    },
    advance: (ms) => {
      time += ms;
    },
    queue: () => queueAt(time),
    shownCard,
    importElsewhere(imported) {
      for (const card of imported) {
        if (!byId.has(card.id)) {
          cards.push(card);
          states.set(card.id, null);
        } else cards[cards.findIndex((c) => c.id === card.id)] = card;
        byId.set(card.id, card);
      }
      changed = true;
    },
    requeues: () => requeues,
    readings,
  };
}
