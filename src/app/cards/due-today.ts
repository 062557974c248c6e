import type { Card } from '../../model/card.js';
import type { Phase } from '../../model/card-state.js';
import { learningCards, queueCounts } from '../../schedule/due-queue.js';
import { cardById } from '../../store/cards.js';
import type { Store } from '../../store/open-store.js';
import { loadDueQueue, resolveStudyTarget } from '../review/load-queue.js';
import type { LoadedSettings } from '../settings/study-settings.js';
import { limitsReached, type LimitReached } from '../review/today-limits.js';

/** A card due today, as a review session would show it. */
export interface DueCard {
  card: Card;
  phase: Phase;
  /** When it falls due (UTC ms); null for a new card. */
  due: number | null;
}

/** What is due today, in the order a review session shows it. */
export interface DueToday {
  /** Cards left to show today: new, learning and review. */
  counts: { new: number; learning: number; review: number };
  cards: DueCard[];
  /** Today's limits used up while cards wait behind them (empty when none). */
  limits: LimitReached[];
}

/**
 * What a review session would show today of the decks `args` stand for:
 * learning cards first, then reviews and new cards interleaved; and the daily
 * limits that keep more waiting. Files and
 * folders among `args` are imported first and stand for their decks (see
 * resolveStudyTarget); no args means every deck.
 * @throws EngramError 'notFound' for an argument that is neither a deck nor a file
 */
export async function dueToday(store: Store, loaded: LoadedSettings, now: number, args: readonly string[], cwd: string): Promise<DueToday> {
  const target = await resolveStudyTarget(store, args, cwd, now);
  const queue = loadDueQueue(store, loaded, now, target.decks);
  const ordered = [...learningCards(queue), ...queue.main.slice(queue.at)];
  const cards = ordered.map((q) => ({ card: cardById(store, q.id)!, phase: q.state?.phase ?? 'new', due: q.state ? q.state.due : null }));
  return { counts: queueCounts(queue), cards, limits: limitsReached(store, loaded, now, target.decks, queue) };
}
