import { dailyLimit, extraFor, extraOf, type DueQueue, type ExtraStudy, type QueueLimits } from '../../schedule/due-queue.js';
import { nextRollover, studyDay, type StudyClock } from '../../schedule/study-time.js';
import { addExtraLimits, extraLimitsOn, type ExtraLimitRow } from '../../store/extra-limits.js';
import type { Store } from '../../store/open-store.js';
import { readOnlyError } from '../../store/store-errors.js';
import { waitingToday } from '../../store/study-queries.js';
import { queueLimits, studyClock, type LoadedSettings } from '../settings/study-settings.js';

/** How many more cards to suggest when the limit itself is 0 (the user turned new cards off). */
const DEFAULT_MORE = 20;

/** A daily limit used up while cards of its kind wait: for the message that says so and how to study more. */
export interface LimitReached {
  kind: 'new' | 'review';
  /** The deck whose own limit it is; null for the global limit. */
  deck: string | null;
  /** The limit as set, per day. */
  limit: number;
  /** More study asked for today on top of it (review --more). */
  extra: number;
  /** Cards of the kind that wait in the decks of the session (not buried or suspended). */
  waiting: number;
  /** How many more to suggest: a day's limit, or what waits when that is fewer. */
  suggested: number;
}

/** More study for today: new cards and reviews past the limits. */
export interface MoreStudy {
  newCards: number;
  reviews: number;
}

/** Today's limits for a queue of `decks` (every deck when empty): the settings', with the extra study asked for today. */
export function todaysLimits(store: Store, loaded: LoadedSettings, now: number, decks: readonly string[]): QueueLimits {
  const clock = studyClock(loaded.settings);
  return { ...queueLimits(loaded), extra: todaysExtra(store, clock, now, decks) };
}

function todaysExtra(store: Store, clock: StudyClock, now: number, decks: readonly string[]): ExtraStudy[] {
  const rows = extraLimitsOn(store, studyDay(now, clock));
  return extraFor(
    rows.map((r) => ({ decks: r.decks, more: { newPerDay: r.newCards, reviewsPerDay: r.reviews } })),
    decks,
  );
}

/**
 * The limits that `queue` (today's, for `decks`) has used up while cards of
 * their kind wait: new cards first, then reviews. Empty when nothing waits
 * behind a limit (all done for today, or cards still to show).
 */
export function limitsReached(store: Store, loaded: LoadedSettings, now: number, decks: readonly string[], queue: DueQueue): LimitReached[] {
  const limits = todaysLimits(store, loaded, now, decks);
  const out: LimitReached[] = [];
  let waiting: { new: number; reviews: number } | null = null;
  for (const kind of ['new', 'review'] as const) {
    const held = queue.held[kind];
    if (held === null || queue.left[kind] > 0) continue;
    waiting ??= waitingToday(store, now, nextRollover(now, studyClock(loaded.settings)), decks);
    const count = kind === 'new' ? waiting.new : waiting.reviews;
    if (count === 0) continue;
    const key = kind === 'new' ? 'newPerDay' : 'reviewsPerDay';
    const limit = dailyLimit(limits, held.deck, key);
    out.push({ kind, deck: held.deck, limit, extra: extraOf(limits, held.deck, key), waiting: count, suggested: Math.min(count, limit > 0 ? limit : DEFAULT_MORE) });
  }
  return out;
}

/**
 * Allows more study today for `decks` (every deck when empty), like Anki's
 * custom study: `more.newCards` new cards and `more.reviews` reviews past
 * today's limits, kept for the study day, adding up when asked again.
 * @returns the extra study of the selection today, all asks together
 * @throws EngramError ('store') when the store is read-only
 */
export function studyMore(store: Store, loaded: LoadedSettings, now: number, decks: readonly string[], more: MoreStudy): ExtraLimitRow {
  if (store.readOnly) throw readOnlyError(store.path);
  return addExtraLimits(store, studyDay(now, studyClock(loaded.settings)), decks, more);
}

/** What a used-up limit holds back, in a sentence: "Today's new-card limit (20) is used up; 120 new cards wait." */
export function limitSentence(l: LimitReached): string {
  const name = l.kind === 'new' ? 'new-card limit' : 'review limit';
  const of = l.deck === null ? '' : ` of deck ${l.deck}`;
  const extra = l.extra > 0 ? `, and ${l.extra} more asked for today` : '';
  const what = l.kind === 'new' ? (l.waiting === 1 ? 'new card waits' : 'new cards wait') : l.waiting === 1 ? 'review waits' : 'reviews wait';
  // A limit of 0 is new cards (or reviews) turned off, not a day's worth done.
  const state = l.limit === 0 && l.extra === 0 ? 'is 0' : `(${l.limit}${extra}) is used up`;
  return `Today's ${name}${of} ${state}; ${l.waiting} ${what}.`;
}
