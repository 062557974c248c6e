import { relative } from 'node:path';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { reviewService } from '../../src/app/review/review-service.js';
import type { ReviewActions, ShownCard } from '../../src/app/review/review-actions.js';
import { initSync, runSync, type SyncReport } from '../../src/app/sync/run-sync.js';
import { importPaths } from '../../src/library/import-sources.js';
import type { Grade } from '../../src/model/review.js';
import { buildQueue } from '../../src/schedule/due-queue.js';
import type { ScheduleSettings } from '../../src/schedule/fsrs-scheduler.js';
import { SchedulerSet } from '../../src/schedule/scheduler-set.js';
import { cardState } from '../../src/store/card-state-rows.js';
import { listCards } from '../../src/store/cards.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { defaultSchedule } from './default-schedule.js';

/** Fuzz on: devices must agree on fuzzed dates too, which only a shared seed gives. */
export const SYNC_SCHEDULE = defaultSchedule(undefined, { fuzz: true });

/** One device of a sync test: its own store, answering through the review use case, syncing through `folder`. */
export interface SyncDevice {
  store: Store;
  actions: ReviewActions;
  setNow(t: number): void;
  import(notes: string): void;
  /** Answers the active card whose front is `front`; returns the review id. */
  answer(front: string, grade: Grade): number;
  /** Syncs; `applySetting` writes the settings other devices changed (none: they are not written). */
  sync(applySetting?: (name: string, deck: string | null, value: unknown) => boolean): SyncReport;
  /** Every active card's front, phase, due and flags, by front: what must agree across devices. */
  cards(): Record<string, unknown>;
  /** Every answer as (card front, time, rating, device, state before), sorted. */
  log(): string[];
  close(): void;
}

/** A device with a store in `dir`, set up to sync through `folder` (its clock starts at `now`), scheduling with `schedule`. */
export function syncDevice(dir: string, folder: string, now: number, schedule: ScheduleSettings = SYNC_SCHEDULE): SyncDevice {
  mkdirSync(dir, { recursive: true });
  const store = openStore(join(dir, 'engram.db'), { create: true });
  const schedulers = new SchedulerSet(schedule);
  let clock = now;
  const actions = reviewService({
    store,
    schedulers,
    now: () => clock,
    sessionId: `session-${dir}`,
    device: relative(join(dir, '..'), dir),
    cwd: dir,
    suspendScreen: (run) => run(),
    editor: 'true',
    openers: [],
    showPath: (p) => p,
    queueFor: () => buildQueue([], [], { newByDeck: new Map(), reviewsByDeck: new Map(), siblings: new Set() }, { global: { newPerDay: 20, reviewsPerDay: 200 }, decks: {} }, now),
    decks: [],
    limitsReached: () => [],
    studyMore: () => undefined,
    codeOf: () => ({ blocks: [], exercise: { kind: 'recall' } }),
    runBlock: () => Promise.reject(new Error('no runs here')),
  });
  initSync(store, folder, { now, cwd: dir, env: {} });
  const show = (front: string): ShownCard => {
    const card = listCards(store, { includeArchived: false }).find((c) => c.front === front);
    if (!card) throw new Error(`no card "${front}" on ${dir}`);
    return actions.show({ id: card.id, deck: card.deck, sibling: card.sibling, state: cardState(store, card.id) }, clock)!;
  };
  return {
    store,
    actions,
    setNow: (t) => (clock = t),
    import: (notes) => void importPaths(store, [notes], { cwd: notes, now: clock }),
    answer: (front, grade) => actions.answer(show(front), grade, clock).reviewId,
    sync: (applySetting) => runSync(store, { now: clock, schedulers, dryRun: false, env: { PATH: process.env['PATH'] ?? '' }, ...(applySetting ? { applySetting } : {}) }),
    cards: () =>
      Object.fromEntries(
        listCards(store, { includeArchived: false }).map((c) => {
          const s = cardState(store, c.id);
          return [c.front, { phase: s?.phase ?? 'new', due: s?.due ?? null, reps: s?.reps ?? 0, stability: s?.stability ?? null, suspended: c.suspended, dropped: c.droppedAt !== null }];
        }),
      ),
    log: () =>
      (
        store.db
          .prepare('SELECT c.front, r.reviewed_at, r.rating, r.device, r.state_before, r.last_interval FROM reviews r JOIN cards c ON c.id = r.card_id')
          .raw()
          .all() as unknown[][]
      )
        .map((r) => JSON.stringify(r))
        .sort(),
    close: () => store.close(),
  };
}
