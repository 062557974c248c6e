import type { CardState } from '../../model/card-state.js';
import type { SchedulerSet } from '../../schedule/scheduler-set.js';
import { stateDrift } from '../../schedule/state-drift.js';
import { cardStatesOf, saveCardState } from '../../store/card-state-rows.js';
import { deckNames } from '../../store/decks.js';
import { cardsChangedSince, lastCleanCheck, lastReviewId, recordCleanCheck } from '../../store/doctor-checks.js';
import {
  cardLogs,
  cardLogsOf,
  clearReviewDays,
  deleteOrphanedStates,
  foreignKeyViolations,
  miscountedSources,
  onlyIndexProblems,
  orphanedReviews,
  orphanedStates,
  quickCheckProblems,
  reindex,
  reviewLogMark,
  storeCounts,
  type ForeignKeyViolation,
} from '../../store/health-queries.js';
import type { Store } from '../../store/open-store.js';
import { recountSources } from '../../store/sources.js';
import { startFileCheck } from '../../store/file-check.js';

/**
 * What a check covered. `full`: every card's log and the whole file (SQLite's
 * integrity check), because it was asked for, there was no clean check to
 * start from, or the scheduling settings changed since it. `changed`: the
 * cards changed since the last clean check (at `since`, UTC ms) and the file
 * by SQLite's quick check. `repaired`: the cards a repair just rebuilt.
 */
export type CheckScope =
  | { kind: 'full'; why: 'asked' | 'first' | 'settings' }
  | { kind: 'changed'; since: number }
  | { kind: 'repaired' };

/** What `engram doctor` found in a store. */
export interface StoreHealth {
  cards: number;
  reviews: number;
  /** What was checked (see {@link CheckScope}). */
  scope: CheckScope;
  /** SQLite's integrity check (quick check unless the scope is full): the messages other than ok. */
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

/** How {@link checkStore} checks. */
export interface CheckOptions {
  /** Check every card and the whole file, whatever the last clean check covers. */
  full?: boolean;
  /** Keeps the replayed state of each card that differs, for a repair. */
  replays?: Map<number, CardState | null>;
  /** Hears how many answers of how many were replayed. */
  onProgress?: (done: number, total: number) => void;
  /** When everything is found clean, record the check (named by this time) so the next covers only what changes. */
  recordAt?: number;
}

/**
 * Checks a store: the file (integrity, foreign keys), rows that point at
 * nothing, and that every card's cached state is the replay of its review log
 * with the card's scheduler in `schedulers`. Only the cards changed since the
 * last clean check are replayed, and the file gets SQLite's quick check, unless
 * `full` is asked, there was no clean check, or the settings changed since
 * (see {@link CheckScope}). Reads only, but for recording a clean check when
 * asked (`recordAt`), in the transaction it read in: a check another engram
 * wrote during is not recorded.
 */
export function checkStore(store: Store, schedulers: SchedulerSet, o: CheckOptions = {}): StoreHealth {
  if (o.recordAt === undefined || store.readOnly) return inspect(store, schedulers, o).health;
  let health: StoreHealth | undefined;
  try {
    store.db.transaction(() => {
      const found = inspect(store, schedulers, o);
      health = found.health;
      if (isClean(health)) recordCleanCheck(store, { checkedAt: o.recordAt!, reviewsThrough: found.reviewsThrough, settings: found.settings });
    })();
  } catch (err) {
    // Another engram wrote since this check began reading: the check stands; the next one records.
    if (!health || !String((err as { code?: unknown }).code).startsWith('SQLITE_BUSY')) throw err;
  }
  return health!;
}

/** The check itself, with what a record of it needs. */
function inspect(store: Store, schedulers: SchedulerSet, o: CheckOptions): { health: StoreHealth; reviewsThrough: number; settings: string } {
  const last = lastCleanCheck(store);
  const settings = schedulers.fingerprint(deckNames(store));
  const scope: CheckScope = o.full
    ? { kind: 'full', why: 'asked' }
    : !last
      ? { kind: 'full', why: 'first' }
      : last.settings !== settings
        ? { kind: 'full', why: 'settings' }
        : { kind: 'changed', since: last.checkedAt };
  // SQLite's check of the file takes one core for seconds on a large store: it
  // runs on a worker thread while this one replays the logs, on the other.
  const fileCheck = startFileCheck(store, scope.kind === 'full' ? 'integrity' : 'quick');
  const health = structureHealth(store, scope, []);
  const reviewsThrough = lastReviewId(store);
  let replayFailure: unknown;
  try {
    const logs = scope.kind === 'full' ? cardLogs(store) : cardLogsOf(store, cardsChangedSince(store, last!), (read) => o.onProgress?.(read, health.reviews));
    let answers = 0;
    for (const log of logs) {
      health.statesChecked++;
      answers += log.reviews.length;
      if (scope.kind === 'full') o.onProgress?.(answers, health.reviews);
      compare(health, log.cardId, log.state, schedulers.forDeck(log.deck).replay(log.seed, log.reviews), o.replays);
    }
  } catch (err) {
    replayFailure = err;
  }
  health.integrity = fileCheck.problems();
  if (health.integrity.length > 0 && !onlyIndexProblems(health.integrity)) {
    // A damaged file can fail any query, or read wrong: what the replay found (or how it failed) is not reported.
    Object.assign(health, { historyDrift: [], scheduleDrift: [], statesChecked: 0 });
    o.replays?.clear();
    return { health, reviewsThrough, settings };
  }
  if (replayFailure !== undefined) throw replayFailure;
  health.miscountedSources = miscountedSources(store);
  return { health, reviewsThrough, settings };
}

/** The checks of the file and its rows, with no card checked yet. */
function structureHealth(store: Store, scope: CheckScope, integrity: string[]): StoreHealth {
  return {
    ...storeCounts(store),
    scope,
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
}

/** Files a card's cached state against its replay; a differing replay goes into `replays`. */
function compare(health: StoreHealth, cardId: number, cached: CardState | null, replayed: CardState | null, replays?: Map<number, CardState | null>): void {
  const drift = stateDrift(cached, replayed);
  if (drift === 'same') return;
  (drift === 'history' ? health.historyDrift : health.scheduleDrift).push(cardId);
  replays?.set(cardId, replayed);
}

/** Healthy, and every state checked is what today's settings give: nothing left for a repair. */
function isClean(h: StoreHealth): boolean {
  return isHealthy(h) && h.scheduleDrift.length === 0;
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
 * counts, and the stats tallies; then checks the repaired cards again (their
 * states read back against the replays written) and, when all is clean,
 * records the check as of `now`. The review log itself is never changed:
 * orphaned reviews stay, as history. Returns what was done and the check after.
 */
export function repairStore(
  store: Store,
  schedulers: SchedulerSet,
  h: StoreHealth,
  replays: Map<number, CardState | null>,
  now: number,
): { done: StoreRepair; after: StoreHealth } {
  const reindexed = h.integrity.length > 0 && onlyIndexProblems(h.integrity);
  if (reindexed) reindex(store);
  return store.transaction(() => {
    let rebuilt = replays;
    let checked = h;
    if (reindexed || reviewLogMark(store) !== h.logMark) {
      // The states were checked on a damaged index, or another engram answered since:
      // check them again, now under the write lock.
      rebuilt = new Map();
      checked = checkStore(store, schedulers, { full: h.scope.kind === 'full', replays: rebuilt });
    }
    for (const [cardId, state] of rebuilt) saveCardState(store, cardId, state);
    const statesRebuilt = rebuilt.size;
    const orphanedStatesRemoved = deleteOrphanedStates(store);
    const sources = reindexed ? miscountedSources(store) : checked.miscountedSources;
    recountSources(store, sources);
    clearReviewDays(store);
    const done = { reindexed, statesRebuilt, orphanedStatesRemoved, sourcesRecounted: sources.length, talliesCleared: true };
    // The file was found sound before and the repair wrote through SQLite: it is checked
    // again only when it was not (a REINDEX, or damage a repair cannot mend).
    const after = structureHealth(store, { kind: 'repaired' }, h.integrity.length > 0 || checked.integrity.length > 0 ? quickCheckProblems(store) : []);
    // Every other card was found sound under this lock's view of the log: only the
    // rebuilt ones need a second look, their states read back against the replays written.
    const saved = cardStatesOf(store, [...rebuilt.keys()]);
    for (const [cardId, state] of saved) {
      after.statesChecked++;
      compare(after, cardId, state, rebuilt.get(cardId) ?? null);
    }
    after.miscountedSources = miscountedSources(store);
    const cleanBefore = checked.integrity.length === 0 || reindexed;
    if (cleanBefore && isClean(after) && !store.readOnly) {
      recordCleanCheck(store, { checkedAt: now, reviewsThrough: lastReviewId(store), settings: schedulers.fingerprint(deckNames(store)) });
    }
    return { done, after };
  });
}
