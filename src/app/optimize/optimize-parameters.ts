import { EngramError } from '../../model/engram-error.js';
import { FSRS_6 } from '../../model/memory-model.js';
import { DEFAULT_WEIGHTS, fitParameters, MIN_ITEMS_FOR_ALL, tooLittleHistory, type FitKind, type FitOutcome } from '../../schedule/optimize/fit-parameters.js';
import { loadOptimizer, type Evaluation } from '../../schedule/optimize/fsrs-optimizer.js';
import { trainingItems } from '../../schedule/optimize/training-items.js';
import { deckNames } from '../../store/decks.js';
import type { Store } from '../../store/open-store.js';
import { cardLogs, type DeckCardLog } from '../../store/optimize-queries.js';
import { namedDecks } from '../named-decks.js';
import { loadSettings, schedulerSet, studyClock, type LoadedSettings } from '../settings/study-settings.js';
import type { WorkProgress } from '../work-progress.js';
import { evaluateAll } from './evaluate-parameters.js';
import { evaluateOnTimeSplit, type TimeSplitEvaluation } from './time-split-evaluation.js';
import { retentionAdvice } from '../simulate/simulate-reviews.js';
import type { RetentionAdvice } from '../../schedule/retention-advice.js';
import { rescheduleCards, type RescheduleSummary } from './reschedule-cards.js';
import { recordSettingEvent } from '../sync/setting-events.js';
import { currentParameters, globalWeights, ownWeights, roundWeights, saveWeights, withWeights, type CurrentParameters, type SavedWeights, type Target } from './target-parameters.js';

/** What `engram optimize` was asked to do. */
export interface OptimizeRequest {
  /** Deck names as given (each takes in the decks under it); none: every deck, saved as the global parameters. */
  decks: readonly string[];
  /** Fit and compare, save nothing. */
  dryRun: boolean;
  /** Recompute the due dates from each card's history with the parameters in effect after the fit. */
  reschedule: boolean;
  /** When the weights saved are recorded as a setting change for sync (UTC ms); none: not recorded. */
  recordAt?: number;
  /** Now (UTC ms), to advise a desired retention from the cards as they are; none: no advice. */
  adviseAt?: number;
  /** Also score the parameters on later reviews than they are fitted on, as srs-benchmark does (`--evaluate`). */
  evaluate?: boolean;
}

/** A fit compared with the parameters in use, on the same reviews (lower is better). */
export interface FitComparison {
  /** The fitted parameters, rounded as they are saved. */
  weights: number[];
  defaults: Evaluation;
  current: Evaluation;
  fitted: Evaluation;
  /** True when the fitted parameters predict the reviews better than the current ones. */
  better: boolean;
}

/** What `engram optimize` did. */
export interface OptimizeReport {
  /** The memory model fitted (its name, as the settings name it: FSRS-6). */
  model: string;
  /** The decks fitted on, or null for every deck. */
  decks: Target;
  cards: number;
  reviews: number;
  /** Reviews usable for a fit: answered a day or more after the card's previous answer. */
  usable: number;
  /** The parameters the decks were scheduled with before. */
  current: CurrentParameters;
  /** Seconds the fit took; null when there was too little history to call the optimizer. */
  seconds: number | null;
  kind: FitKind;
  /** What to tell the user about the amount of history; null when it was enough. */
  note: string | null;
  /** The fit and how it compares; null when nothing was fitted or it could not be compared. */
  fit: FitComparison | null;
  dryRun: boolean;
  /** Where the fitted parameters were saved and what they replaced; null when they were not. */
  saved: SavedWeights | null;
  /** How --reschedule moved the due dates (or would have, with --dry-run); null without --reschedule. */
  rescheduled: RescheduleSummary | null;
  /** The desired retention set now (the global setting). */
  retention: number;
  /**
   * The retention advice with the parameters in effect after the run (the
   * fitted ones when they won, saved or not); null when not asked for or
   * nothing was fitted (the advice is from the user's own parameters).
   */
  advice: RetentionAdvice | null;
  /** With `evaluate`: the parameters scored on a time-series split; null otherwise, or with too little history. */
  timeSplit: TimeSplitEvaluation | null;
}

/** The advice simulates a year from today, with the seed `engram simulate` starts from. */
const ADVICE_SPAN = { days: 365, seed: 1 };

/**
 * Fits FSRS-6 parameters to the review log of the decks asked for (every
 * deck: saved globally; named decks: saved to each), compares them with the
 * current ones on the same reviews, saves them into the settings file at
 * `loaded.path` when they predict better (not on a dry run), and with
 * `reschedule` recomputes the affected cards' due dates (written unless a dry
 * run). `progress` hears how far the fit is. Throws EngramError for an
 * unknown deck (`usage`), and (`failed`) when the optimizer cannot run on
 * this platform or fails; nothing is saved then.
 */
export async function optimizeParameters(store: Store, loaded: LoadedSettings, request: OptimizeRequest, progress?: WorkProgress): Promise<OptimizeReport> {
  const target: Target = request.decks.length === 0 ? null : namedDecks(request.decks, deckNames(store));
  const logs = cardLogs(store, target ?? []);
  const clock = studyClock(loaded.settings);
  const set = trainingItems(logs, clock);
  const current = currentParameters(loaded.file, target);
  const report: OptimizeReport = {
    // The optimizer fits FSRS-6, the one model the settings can choose today.
    model: FSRS_6.name,
    decks: target,
    cards: set.cards,
    reviews: set.reviews,
    usable: set.items.length,
    current,
    seconds: null,
    kind: 'too-little',
    note: null,
    fit: null,
    dryRun: request.dryRun,
    saved: null,
    rescheduled: null,
    retention: loaded.settings.retention,
    advice: null,
    timeSplit: null,
  };
  const finish = (outcome: Pick<FitOutcome, 'kind' | 'note'>, fit: FitComparison | null): OptimizeReport => {
    Object.assign(report, { kind: outcome.kind, note: outcome.note, fit });
    if (fit?.better && !request.dryRun) {
      report.saved = saveWeights(loaded.path, target, fit.weights);
      // The other devices schedule with the same parameters after their next sync.
      if (request.recordAt !== undefined) {
        const record = recordSettingEvent(store, request.recordAt);
        for (const deck of target ?? [null]) record('weights', deck, fit.weights);
      }
    }
    if (request.reschedule) report.rescheduled = reschedule(store, logs, target, fit?.better ? fit.weights : null, loaded.path, request.dryRun);
    if (request.adviseAt !== undefined && fit !== null) {
      report.advice = retentionAdvice(store, loaded, target ?? [], ADVICE_SPAN, request.adviseAt, fit?.better ? fit.weights : undefined);
    }
    return report;
  };

  const early = tooLittleHistory(set.items.length);
  if (early) return finish(early, null);

  const load = await loadOptimizer(loaded.settings.optimizer);
  if (!load.ok) throw new EngramError('failed', `${load.reason}. Nothing was fitted; engram keeps scheduling with ${current.describe}.`);
  const optimizer = load.optimizer;
  const prepared = optimizer.prepare(set.items);
  const started = performance.now();
  let outcome: FitOutcome;
  try {
    outcome = await fitParameters(optimizer, prepared, {
      relearningSteps: loaded.settings['relearning-steps'].length,
      ...(progress ? { onProgress: (done: number, total: number) => progress.update(done, total) } : {}),
    });
  } catch (err) {
    throw new EngramError('failed', `the FSRS optimizer failed: ${(err as Error).message}. Nothing was saved.`);
  } finally {
    progress?.finish();
  }
  report.seconds = (performance.now() - started) / 1000;
  if (request.evaluate) {
    try {
      const weightsOf = (deck: string): readonly number[] => (target === null ? null : ownWeights(loaded.file, deck)) ?? globalWeights(loaded.file) ?? DEFAULT_WEIGHTS;
      report.timeSplit = await evaluateOnTimeSplit(optimizer, set.items, (item) => weightsOf(logs[item.log]!.deck), loaded.settings['relearning-steps'].length);
    } catch (err) {
      throw new EngramError('failed', `the FSRS optimizer failed during the evaluation: ${(err as Error).message}. Nothing was saved.`);
    }
  }
  if (outcome.weights === null) return finish(outcome, null);

  const fitted = roundWeights(outcome.weights);
  let evaluated: ReturnType<typeof evaluateAll>;
  try {
    evaluated = evaluateAll(optimizer, prepared, logs, loaded.file, target, clock, fitted, current.defaults);
  } catch (err) {
    throw new EngramError('failed', `the FSRS optimizer could not evaluate the parameters: ${(err as Error).message}. Nothing was saved.`);
  }
  if (evaluated === null) {
    const note = `too few usable reviews yet to tell whether the fitted parameters predict them better than ${current.describe}`;
    return finish({ kind: outcome.kind, note: `${note}; about ${MIN_ITEMS_FOR_ALL} or more are needed.` }, null);
  }
  return finish(outcome, { weights: fitted, ...evaluated, better: evaluated.fitted.logLoss < evaluated.current.logLoss });
}

/**
 * Replays the target's cards with the parameters in effect after the run
 * (`fitted` when they won, else the current ones, read afresh from the
 * settings file); written unless `dryRun`. A global fit leaves decks with
 * their own parameters as they are.
 */
function reschedule(store: Store, logs: readonly DeckCardLog[], target: Target, fitted: number[] | null, settingsPath: string, dryRun: boolean): RescheduleSummary {
  const fresh = loadSettings(settingsPath);
  const after = fitted ? withWeights(fresh, target, fitted) : fresh;
  const affected = target === null ? logs.filter((l) => !ownWeights(after.file, l.deck)) : logs;
  return rescheduleCards(store, affected, schedulerSet(after), !dryRun);
}
