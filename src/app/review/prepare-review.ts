import type { FileReport } from '../../library/import-sources.js';
import type { ToolEnvironment } from '../../run/run-types.js';
import type { DueQueue } from '../../schedule/due-queue.js';
import { useScreenCache, type Store } from '../../store/open-store.js';
import { readOnlyError } from '../../store/store-errors.js';
import { SCREEN_LOCK_WAIT_MS } from '../open-user-store.js';
import { codeRunner, userRegistry } from '../run/code-runner.js';
import { loadSettings, schedulerSet } from '../settings/study-settings.js';
import { loadDueQueue, resolveStudyTarget } from './load-queue.js';
import type { FileOpener } from './open-image.js';
import type { ReviewActions } from './review-actions.js';
import { limitsReached, studyMore, type MoreStudy } from './today-limits.js';
import { reviewService } from './review-service.js';

/** Where the settings are, what the command was given, the clock and the editor. */
export interface PrepareReviewOptions {
  /** The settings file (it need not exist). */
  configPath: string;
  /** The command's `[decks or paths...]`: paths are imported first. */
  args: readonly string[];
  /** What relative paths among `args` are relative to. */
  cwd: string;
  /** The clock, read for every answer. */
  clock: () => number;
  /** The editor command `e` opens a card's file with ("vim", "code --wait"). */
  editor: string;
  /** The programs `o` may open an image with, in the order to try them. */
  openers: readonly FileOpener[];
  /** A path as messages show it. */
  showPath: (path: string) => string;
  /** Where code in cards finds its toolchains (the CLI's PATH and HOME). */
  toolEnv: ToolEnvironment;
  /** More study today past the daily limits, for the decks asked for (`--more`, `--more-reviews`); none when absent. */
  more?: MoreStudy;
  /** Stamped on every review this session records: its id, and the machine's name. */
  sessionId: string;
  device: string;
}

/** A review ready for its screen. */
export interface ReviewSetup {
  /** What importing the paths among the arguments gave, problems included. */
  imported: FileReport[];
  /** Today's queue of the decks asked for. */
  queue: DueQueue;
  /** The screen's actions, once the screen can lend the terminal to the editor (`suspendScreen`). */
  actions(suspendScreen: <T>(run: () => T) => T): ReviewActions;
}

/**
 * Gets `store` ready for a review: imports the paths among the arguments,
 * resolves the decks, records the extra study asked for (`o.more`), takes the
 * reading that later tells another engram's writes apart, and builds today's queue.
 * @throws EngramError when the store is read-only (every answer is a write: said now,
 *   not at the first answer), for an unknown deck or a path without cards, and for a bad settings file
 */
export async function prepareReview(store: Store, o: PrepareReviewOptions): Promise<ReviewSetup> {
  if (store.readOnly) throw readOnlyError(store.path);
  // A locked store must not freeze the screen for long: an answer that cannot be
  // saved within the timeout says so, and the card stays.
  store.waitForLocks(SCREEN_LOCK_WAIT_MS);
  // Before the queue's scans, which would otherwise fill a larger cache for the whole session.
  useScreenCache(store);
  const loaded = loadSettings(o.configPath);
  const schedulers = schedulerSet(loaded);
  const code = codeRunner(loaded, userRegistry(loaded), o.toolEnv);
  const now = o.clock();
  const target = await resolveStudyTarget(store, o.args, o.cwd, now);
  if (o.more) studyMore(store, loaded, now, target.decks, o.more);
  // The reading the review compares against to pick up what another engram imports while it runs.
  store.changedElsewhere();
  const queue = loadDueQueue(store, loaded, now, target.decks);
  return {
    imported: target.imported,
    queue,
    actions: (suspendScreen) =>
      reviewService({
        store,
        schedulers,
        now: o.clock,
        sessionId: o.sessionId,
        device: o.device,
        cwd: o.cwd,
        suspendScreen,
        editor: o.editor,
        openers: o.openers,
        showPath: o.showPath,
        queueFor: (at) => loadDueQueue(store, loaded, at, target.decks),
        decks: target.decks,
        limitsReached: (at) => limitsReached(store, loaded, at, target.decks, loadDueQueue(store, loaded, at, target.decks)),
        studyMore: (more, at) => void studyMore(store, loaded, at, target.decks, more),
        codeOf: code.codeOf,
        runBlock: (block, hooks) => code.run(block, hooks),
      }),
  };
}
