import type { CardState } from '../../model/card-state.js';
import type { SchedulerSet } from '../../schedule/scheduler-set.js';
import { stateDrift } from '../../schedule/state-drift.js';
import { saveCardState } from '../../store/card-state.js';
import {
  cardLogs,
  clearReviewDays,
  deleteOrphanedStates,
  foreignKeyViolations,
  integrityProblems,
  miscountedSources,
  onlyIndexProblems,
  orphanedReviews,
  orphanedStates,
  reindex,
  storeCounts,
  type ForeignKeyViolation,
} from '../../store/health-queries.js';
import type { Store } from '../../store/open-store.js';
import { recountSources } from '../../store/sources.js';

/** At most this many card ids are listed per finding. */
const LIST = 10;

/** What `engram doctor` found in a store. */
export interface StoreHealth {
  cards: number;
  reviews: number;
  /** SQLite's integrity check: the messages other than ok. */
  integrity: string[];
  foreignKeys: ForeignKeyViolation[];
  /** Reviews of cards that are not in the store (history without its card). */
  orphanedReviews: { reviews: number; cards: number[] };
  /** Cached states of cards that are not in the store. */
  orphanedStates: number[];
  /** Cards whose cached state lost or gained answers against the log. */
  historyDrift: number[];
  /** Cards whose cached schedule is not what the current settings give from the log. */
  scheduleDrift: number[];
  /** Cards whose state was checked against the replay of their log. */
  statesChecked: number;
  /** Sources whose count of active cards is wrong. */
  miscountedSources: number[];
}

/**
 * Checks a store: the file (integrity, foreign keys), rows that point at
 * nothing, and that every card's cached state is the replay of its review log
 * with the card's scheduler in `schedulers`. Reads only.
 */
export function checkStore(store: Store, schedulers: SchedulerSet): StoreHealth {
  const integrity = integrityProblems(store);
  const health: StoreHealth = {
    ...storeCounts(store),
    integrity,
    foreignKeys: foreignKeyViolations(store),
    orphanedReviews: orphanedReviews(store),
    orphanedStates: orphanedStates(store),
    historyDrift: [],
    scheduleDrift: [],
    statesChecked: 0,
    miscountedSources: [],
  };
  // A damaged file can fail any query: the replay is only tried on a sound one.
  if (integrity.length > 0 && !onlyIndexProblems(integrity)) return health;
  for (const log of cardLogs(store)) {
    health.statesChecked++;
    const drift = stateDrift(log.state, schedulers.forDeck(log.deck).replay(log.cardId, log.reviews));
    if (drift === 'history') health.historyDrift.push(log.cardId);
    if (drift === 'schedule') health.scheduleDrift.push(log.cardId);
  }
  health.miscountedSources = miscountedSources(store);
  return health;
}

/** Problems that make a store unhealthy (schedule drift alone does not: settings change). */
export function isHealthy(h: StoreHealth): boolean {
  return (
    h.integrity.length === 0 &&
    h.foreignKeys.length === 0 &&
    h.orphanedReviews.reviews === 0 &&
    h.orphanedStates.length === 0 &&
    h.historyDrift.length === 0 &&
    h.miscountedSources.length === 0
  );
}

/** What `engram doctor --repair` did. */
export interface StoreRepair {
  reindexed: boolean;
  /** Cards whose cached state was rebuilt from their log. */
  statesRebuilt: number;
  orphanedStatesRemoved: number;
  sourcesRecounted: number;
  /** The per-day tallies of `engram stats` were dropped, to be counted again from the log. */
  talliesCleared: boolean;
}

/**
 * Repairs what can be rebuilt from the review log, in one transaction: indexes
 * (REINDEX, when only they are damaged), every drifted card state (replayed),
 * states of cards that are gone, source counts, and the stats tallies. The
 * review log itself is never changed: orphaned reviews stay, as history.
 */
export function repairStore(store: Store, schedulers: SchedulerSet, h: StoreHealth): StoreRepair {
  const reindexed = h.integrity.length > 0 && onlyIndexProblems(h.integrity);
  if (reindexed) reindex(store);
  const drifted = new Set([...h.historyDrift, ...h.scheduleDrift]);
  return store.transaction(() => {
    // Replayed first, written after: the log is read through an open cursor.
    const rebuilt: { cardId: number; state: CardState | null }[] = [];
    if (drifted.size > 0 || reindexed) {
      // After a REINDEX the states were not checked yet: replay them all.
      for (const log of cardLogs(store)) {
        if (!reindexed && !drifted.has(log.cardId)) continue;
        const replayed = schedulers.forDeck(log.deck).replay(log.cardId, log.reviews);
        if (stateDrift(log.state, replayed) !== 'same') rebuilt.push({ cardId: log.cardId, state: replayed });
      }
    }
    for (const r of rebuilt) saveCardState(store, r.cardId, r.state);
    const statesRebuilt = rebuilt.length;
    const orphanedStatesRemoved = deleteOrphanedStates(store);
    const sources = reindexed ? miscountedSources(store) : h.miscountedSources;
    recountSources(store, sources);
    clearReviewDays(store);
    return { reindexed, statesRebuilt, orphanedStatesRemoved, sourcesRecounted: sources.length, talliesCleared: true };
  });
}

/** The first card ids of a finding, for messages ("12, 40, 41 and 7 more"). */
export function someIds(ids: readonly number[]): string {
  const shown = ids.slice(0, LIST).join(', ');
  return ids.length > LIST ? `${shown} and ${ids.length - LIST} more` : shown;
}
