import type { CardState } from '../../model/card-state.js';
import type { SchedulerSet } from '../../schedule/scheduler-set.js';
import { stateDrift } from '../../schedule/state-drift.js';
import { saveCardState } from '../../store/card-state-rows.js';
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
  reviewLogMark,
  storeCounts,
  type ForeignKeyViolation,
} from '../../store/health-queries.js';
import type { Store } from '../../store/open-store.js';
import { recountSources } from '../../store/sources.js';

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
  /** The review log as checked ({@link reviewLogMark}): a repair replays again if it changed since. */
  logMark: string;
}

/**
 * Checks a store: the file (integrity, foreign keys), rows that point at
 * nothing, and that every card's cached state is the replay of its review log
 * with the card's scheduler in `schedulers`. Reads only. The replayed state of
 * each card that differs goes into `replays` when given, for a repair;
 * `onProgress` hears how many answers of how many were replayed.
 */
export function checkStore(
  store: Store,
  schedulers: SchedulerSet,
  replays?: Map<number, CardState | null>,
  onProgress?: (done: number, total: number) => void,
): StoreHealth {
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
    logMark: reviewLogMark(store),
  };
  // A damaged file can fail any query: the replay is only tried on a sound one.
  if (integrity.length > 0 && !onlyIndexProblems(integrity)) return health;
  let answers = 0;
  for (const log of cardLogs(store)) {
    health.statesChecked++;
    answers += log.reviews.length;
    onProgress?.(answers, health.reviews);
    const replayed = schedulers.forDeck(log.deck).replay(log.seed, log.reviews);
    const drift = stateDrift(log.state, replayed);
    if (drift === 'same') continue;
    (drift === 'history' ? health.historyDrift : health.scheduleDrift).push(log.cardId);
    replays?.set(log.cardId, replayed);
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
 * (REINDEX, when only they are damaged), every drifted card state (the
 * `replays` {@link checkStore} kept), states of cards that are gone, source
 * counts, and the stats tallies. The review log itself is never changed:
 * orphaned reviews stay, as history.
 */
export function repairStore(store: Store, schedulers: SchedulerSet, h: StoreHealth, replays: Map<number, CardState | null>): StoreRepair {
  const reindexed = h.integrity.length > 0 && onlyIndexProblems(h.integrity);
  if (reindexed) reindex(store);
  return store.transaction(() => {
    let rebuilt = replays;
    if (reindexed || reviewLogMark(store) !== h.logMark) {
      // The states were checked on a damaged index, or another engram answered since:
      // check them again, now under the write lock.
      rebuilt = new Map();
      checkStore(store, schedulers, rebuilt);
    }
    for (const [cardId, state] of rebuilt) saveCardState(store, cardId, state);
    const statesRebuilt = rebuilt.size;
    const orphanedStatesRemoved = deleteOrphanedStates(store);
    const sources = reindexed ? miscountedSources(store) : h.miscountedSources;
    recountSources(store, sources);
    clearReviewDays(store);
    return { reindexed, statesRebuilt, orphanedStatesRemoved, sourcesRecounted: sources.length, talliesCleared: true };
  });
}
