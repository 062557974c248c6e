import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { shownSourcePath, type Card } from '../../model/card.js';
import { EngramError } from '../../model/engram-error.js';
import type { CodeBlock } from '../../model/code-block.js';
import type { CardState } from '../../model/card-state.js';
import type { Grade } from '../../model/review.js';
import type { CardCode } from '../../check/code-of-card.js';
import type { RunHooks, RunResult } from '../../run/run-types.js';
import type { DueQueue, QueueCard } from '../../schedule/due-queue.js';
import { formatInterval } from '../../schedule/format-interval.js';
import type { SchedulerSet } from '../../schedule/scheduler-set.js';
import { nextRollover } from '../../schedule/study-time.js';
import { cardAtLine, cardById } from '../../store/cards.js';
import { titleHeadings } from '../title-headings.js';
import { cardState, saveCardState } from '../../store/card-state-rows.js';
import type { Store } from '../../store/open-store.js';
import { storeFault, type StoreFault } from '../../store/store-errors.js';
import { appendReview, deleteReview, hasLaterReview } from '../../store/reviews.js';
import { replayCard } from '../replay-card.js';
import { sessionDueLoad } from '../due-load.js';
import { buryCard, setDropped, setSuspended } from '../../store/study-queries.js';
import { isDeckTrusted, trustDeck } from '../../store/trust.js';
import { openImage, type FileOpener } from './open-image.js';
import type { ReviewActions, StudySummary, ShownCard } from './review-actions.js';
import type { LimitReached, MoreStudy } from './today-limits.js';
import { studySummary } from './study-summary.js';

/** Longest time one answer counts for: someone who walked away did not study for an hour. */
const MAX_ANSWER_MS = 5 * 60_000;

/** The store, scheduler, clock, editor and code runner the review works with. */
export interface ReviewServiceOptions {
  store: Store;
  /** The scheduler of each deck (a deck may have its own FSRS parameters). */
  schedulers: SchedulerSet;
  /** The clock, read for every answer. */
  now: () => number;
  /** Written with each answer: which review, and on which machine. */
  sessionId: string;
  device: string;
  /** Where an image of a card without a source file is looked for. */
  cwd: string;
  /** Leaves the screen to the editor and takes it back (Ink's raw mode and alternate screen). */
  suspendScreen: <T>(run: () => T) => T;
  /** The command `e` opens a card's file with, arguments included ("code --wait"). */
  editor: string;
  /** The programs `o` may open an image with, in the order to try them. */
  openers: readonly FileOpener[];
  /** A path as messages show it (relative to the working folder when under it). */
  showPath: (path: string) => string;
  /** Today's queue as `engram review` built it, for a session that runs past the rollover. */
  queueFor: (now: number) => DueQueue;
  /** The decks of the session (all when empty), for the summary. */
  decks: readonly string[];
  /** Today's limits used up while cards of the session's decks wait. */
  limitsReached: (now: number) => LimitReached[];
  /** Records more study today for the session's decks. */
  studyMore: (more: MoreStudy, now: number) => void;
  /** A card's runnable blocks and what it asks (a prediction, a typed answer). */
  codeOf: (card: Card) => CardCode;
  /** Runs a block with the user's limits and languages. */
  runBlock: (block: CodeBlock, hooks: RunHooks) => Promise<RunResult>;
}

/**
 * The review use case behind the screen's port: the store and scheduler, the
 * editor and the code runner. Every write is one transaction.
 * @returns the screen's actions; a write the store refuses throws an EngramError
 *   ('failed') whose message says why and what to do, and nothing of it is kept
 */
export function reviewService(o: ReviewServiceOptions): ReviewActions {
  const { store, schedulers } = o;
  // The cards due per day, read when an answer is placed: the load balancer evens it out. Each day is read once
  // and kept up to date by the answers; any other write (or another engram's) has them read again.
  const due = sessionDueLoad(store, schedulers.clock);
  const load = due.load;
  /** A write other than an answer: it may move cards in or out of the days' counts. */
  const changing = <T>(write: () => T): T => {
    try {
      return writing(write);
    } finally {
      due.forget();
    }
  };
  const intervals = (card: Card, state: CardState | null, now: number): Record<Grade, string> => {
    // The buttons show what each answer would give, balanced alike (each day range read once for the four).
    const seen = new Map<string, readonly number[]>();
    const previewLoad = (first: number, last: number): readonly number[] => {
      const key = `${first}:${last}`;
      let counts = seen.get(key);
      if (!counts) seen.set(key, (counts = load(first, last)));
      return counts;
    };
    const preview = schedulers.forDeck(card.deck).preview(card.seed ?? card.key, state, now, previewLoad);
    const label = (s: CardState): string => (s.phase === 'review' ? formatInterval(s.scheduledDays * 86_400_000) : formatInterval(s.due - now));
    return { 1: label(preview[1]), 2: label(preview[2]), 3: label(preview[3]), 4: label(preview[4]) };
  };
  const titles = titleHeadings(store);
  // Checkpoints wait for the user to read (whileReading), not for an answer's commit.
  if (!store.readOnly) store.holdCheckpoints();
  const shownCard = (card: Card, now: number): ShownCard => {
    const state = cardState(store, card.id);
    return { card, state, intervals: intervals(card, state, now), shownAt: now, code: o.codeOf(card), titleHeading: titles.of(card.sourcePath) };
  };

  return {
    now: o.now,

    show(q: QueueCard, now: number): ShownCard | null {
      const card = cardById(store, q.id);
      // Archived by an edit, or suspended or dropped by another engram since the queue was built.
      if (!card || card.archived || card.suspended || card.droppedAt !== null) return null;
      return shownCard(card, now);
    },

    queueFor: o.queueFor,

    changedElsewhere: () => {
      const changed = store.changedElsewhere();
      if (changed) due.forget();
      return changed;
    },

    whileReading() {
      try {
        store.checkpointIfDue();
      } catch {
        // The log stays as it is; the next card tries again, and closing the store checkpoints it.
      }
    },

    answer(shown, grade, now) {
      const durationMs = Math.max(0, Math.min(MAX_ANSWER_MS, now - shown.shownAt));
      const { before, replayed, ...result } = writing(() => store.transaction(() => {
        // From the stored state, not the one on screen: another engram may have answered meanwhile.
        const before = cardState(store, shown.card.id);
        const seed = cardById(store, shown.card.id)?.seed ?? shown.card.key;
        const { state, chosenDays } = schedulers.forDeck(shown.card.deck).answerBalanced(seed, before, grade, now, load);
        const reviewId = appendReview(
          store,
          { cardId: shown.card.id, reviewedAt: now, rating: grade, durationMs, sessionId: o.sessionId, device: o.device, chosenDays },
          before,
        );
        // An answer merged from another device's later clock comes after this one: replay in merged order.
        if (hasLaterReview(store, shown.card.id, reviewId)) return { reviewId, state: replayCard(store, schedulers, shown.card.id)!, before, replayed: true };
        saveCardState(store, shown.card.id, state);
        return { reviewId, state, before, replayed: false };
      }));
      // Committed: the days' counts follow the card (after a replay in merged order, rare, they are read again).
      if (replayed) due.forget();
      else due.moved(before, result.state);
      store.syncInBackground();
      return result;
    },

    undo(reviewId, cardId) {
      const state = changing(() => store.transaction(() => {
        deleteReview(store, reviewId, o.now());
        // The log is the truth: the state before is the replay of what is left.
        return replayCard(store, schedulers, cardId);
      }));
      store.syncInBackground();
      return state;
    },

    bury(cardId) {
      changing(() => buryCard(store, cardId, nextRollover(o.now(), schedulers.clock), o.now()));
    },

    unbury(cardId) {
      changing(() => buryCard(store, cardId, null, o.now()));
    },

    suspend(cardId) {
      changing(() => setSuspended(store, cardId, o.now()));
    },

    unsuspend(cardId) {
      changing(() => setSuspended(store, cardId, null, o.now()));
    },

    drop(cardId) {
      changing(() => setDropped(store, cardId, o.now()));
    },

    undrop(cardId) {
      changing(() => setDropped(store, cardId, null, o.now()));
    },

    async edit(shown, now) {
      const { card } = shown;
      if (!card.sourcePath || !existsSync(card.sourcePath)) return { message: 'This card has no source file to edit.', gone: false };
      // The path the user knows the file by: the editor shows it, and the re-import below keeps it.
      const file = shownSourcePath(card)!;
      const [command, ...args] = o.editor.split(/\s+/).filter(Boolean);
      if (!command) return { message: 'Set $EDITOR to edit cards.', gone: false };
      const result = o.suspendScreen(() => spawnSync(command, [...args, `+${card.line}`, file], { stdio: 'inherit' }));
      if (result.error) return { message: `Could not start the editor "${o.editor}": ${result.error.message}`, gone: false };
      // The importer (and the parser behind it) loads on the first edit, not at start-up.
      const { importPaths } = await import('../../library/import-sources.js');
      changing(() => importPaths(store, [file], { cwd: dirname(file), now }));
      titles.forget(card.sourcePath);
      const again = cardById(store, card.id);
      if (again && !again.archived) return shownCard(again, now);
      // Rewritten beyond recognition: it is a new card now; show whatever stands at its line.
      const there = cardAtLine(store, card.sourcePath, card.line);
      if (there) return shownCard(there, now);
      return { message: 'The card is gone from its file (archived with its history); moving on.', gone: true };
    },

    openImage(path, card) {
      return openImage(path, card, { cwd: o.cwd, openers: o.openers, showPath: o.showPath });
    },

    summary(now): StudySummary {
      return { ...studySummary(store, schedulers.clock, now, o.decks), limits: o.limitsReached(now) };
    },

    limitsReached: o.limitsReached,

    studyMore(more, now) {
      changing(() => o.studyMore(more, now));
    },

    isTrusted(deck) {
      return isDeckTrusted(store, deck);
    },

    trust(deck) {
      writing(() => trustDeck(store, deck, o.now()));
    },

    run: o.runBlock,
  };
}

/**
 * Runs a store write for the review screen. A write SQLite refuses (another
 * engram holding the store past the busy timeout, a full disk, a read-only
 * file) throws an EngramError whose message completes the screen's "Not
 * saved: ..." with why and what to do; nothing of the write is kept. Other
 * errors pass unchanged.
 */
function writing<T>(write: () => T): T {
  try {
    return write();
  } catch (err) {
    const fault = storeFault(err);
    if (fault === null) throw err;
    throw new EngramError('failed', REFUSALS[fault](err as { code: string }));
  }
}

/** Why the store refused a write, short enough for the status line, and what to do. */
const REFUSALS: Record<StoreFault, (err: { code: string }) => string> = {
  busy: () => 'the store is busy (another engram is writing); press the key again.',
  'disk-full': () => 'the disk is full; free some space, then press the key again.',
  'read-only': () => 'the store is read-only; make it writable, then press the key again.',
  io: () => 'the store could not be written (an I/O error); press the key again.',
  damaged: () => 'the store is damaged; quit and run engram doctor.',
  'cannot-open': (e) => `the store refused the write (${e.code}); press the key again.`,
  other: (e) => `the store refused the write (${e.code}); press the key again.`,
};
