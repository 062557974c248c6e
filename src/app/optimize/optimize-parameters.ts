import { EngramError } from '../../model/engram-error.js';
import { fitParameters, MIN_ITEMS_FOR_ALL, tooLittleHistory, type FitOutcome } from '../../schedule/optimize/fit-parameters.js';
import { loadOptimizer } from '../../schedule/optimize/fsrs-optimizer.js';
import { trainingItems } from '../../schedule/optimize/training-items.js';
import { formatInterval } from '../../schedule/format-interval.js';
import { deckNames } from '../../store/decks.js';
import type { Store } from '../../store/open-store.js';
import { openCommandStore } from '../../cli/command-store.js';
import { cardLogs, type DeckCardLog } from '../../store/optimize-queries.js';
import { loadSettings, schedulerSet, studyClock } from '../settings/study-settings.js';
import { configPath, currentTime, outputWidth, storePath } from '../../cli/environment.js';
import { evaluateAll } from './evaluate-parameters.js';
import { fitProgress } from '../../cli/output/fit-progress.js';
import { evaluationTable, roundWeights, shellWord, weightLines, wrapWords } from '../../cli/output/optimize-report.js';
import { rescheduleCards, type RescheduleSummary } from './reschedule-cards.js';
import { namedDecks } from '../named-decks.js';
import { currentParameters, ownWeights, saveWeights, withWeights, type Target } from './target-parameters.js';

/** What `engram optimize` was asked to do. */
export interface OptimizeOptions {
  dryRun?: boolean;
  reschedule?: boolean;
  json?: boolean;
  db?: string;
}

/** Notes are wrapped to fit a terminal of 80 columns; commands to copy never are. */
const PROSE_WIDTH = 80;

/**
 * `engram optimize [decks...]`: fits FSRS-6 parameters to the review log
 * (every deck, saved globally; or the named decks, saved to each), compares
 * them with the current ones on the same reviews, saves them when they
 * predict better (not with --dry-run), and with --reschedule recomputes the
 * affected cards' due dates. Throws EngramError for an unknown deck, a
 * missing store, or when the optimizer cannot run on this platform.
 */
export async function runOptimize(names: readonly string[], opts: OptimizeOptions): Promise<void> {
  const store = openCommandStore(storePath(opts.db), { create: false, now: currentTime() });
  try {
    const loaded = loadSettings(configPath());
    const target: Target = names.length === 0 ? null : namedDecks(names, deckNames(store));
    const logs = cardLogs(store, target ?? []);
    const clock = studyClock(loaded.settings);
    const set = trainingItems(logs, clock);
    const current = currentParameters(loaded.file, target);
    const where = target === null ? 'every deck' : `${target.length === 1 ? 'deck' : 'decks'} ${target.join(', ')}`;
    const out = [
      `Fitting FSRS-6 parameters to ${where}: ${count(set.cards, 'card')}, ${count(set.reviews, 'review')}.`,
      `${set.items.length.toLocaleString('en')} usable: answered a day or more after the card's previous answer.`,
    ];
    const report: Record<string, unknown> = { decks: target, cards: set.cards, reviews: set.reviews, usable: set.items.length };

    const early = tooLittleHistory(set.items.length);
    if (early) return nothingFitted(store, logs, target, opts, out, report, early, current.describe);

    const load = await loadOptimizer();
    if (!load.ok) throw new EngramError('failed', `${load.reason}. Nothing was fitted; engram keeps scheduling with ${current.describe}.`);
    const optimizer = load.optimizer;
    const prepared = optimizer.prepare(set.items);
    const progress = fitProgress(process.stderr);
    const started = performance.now();
    let outcome: FitOutcome;
    try {
      outcome = await fitParameters(optimizer, prepared, {
        relearningSteps: loaded.settings['relearning-steps'].length,
        ...(opts.json ? {} : { onProgress: progress.update }),
      });
    } catch (err) {
      throw new EngramError('failed', `the FSRS optimizer failed: ${(err as Error).message}. Nothing was saved.`);
    } finally {
      progress.clear();
    }
    const seconds = (performance.now() - started) / 1000;
    report['seconds'] = Math.round(seconds * 100) / 100;
    if (outcome.weights === null) return nothingFitted(store, logs, target, opts, out, report, outcome, current.describe);

    const fitted = roundWeights(outcome.weights);
    let evaluated: ReturnType<typeof evaluateAll>;
    try {
      evaluated = evaluateAll(optimizer, prepared, logs, loaded.file, target, clock, fitted, current.defaults);
    } catch (err) {
      throw new EngramError('failed', `the FSRS optimizer could not evaluate the parameters: ${(err as Error).message}. Nothing was saved.`);
    }
    if (evaluated === null) {
      const note = `too few usable reviews yet to tell whether the fitted parameters predict them better than ${current.describe}`;
      return nothingFitted(store, logs, target, opts, out, report, { ...outcome, note: `${note}; about ${MIN_ITEMS_FOR_ALL} or more are needed.` }, current.describe);
    }
    const { current: currentEval, fitted: fittedEval, defaults: defaultsEval } = evaluated;
    const better = fittedEval.logLoss < currentEval.logLoss;
    out.push(`Fitted in ${seconds.toFixed(1)} s.`);
    if (outcome.note) out.push(...wrapWords(capital(outcome.note), PROSE_WIDTH));
    out.push(
      '',
      ...evaluationTable(
        [
          ...(current.defaults ? [] : [{ label: 'defaults', evaluation: defaultsEval }]),
          { label: `current (${current.label})`, evaluation: currentEval },
          { label: 'fitted', evaluation: fittedEval },
        ],
        outputWidth(),
      ),
      '',
      'Fitted parameters:',
      ...weightLines(fitted, Math.min(outputWidth(), PROSE_WIDTH)),
      '',
    );
    Object.assign(report, {
      kind: outcome.kind,
      note: outcome.note,
      defaults: defaultsEval,
      current: { label: current.label, ...currentEval },
      fitted: { weights: fitted, ...fittedEval },
      better,
    });

    const save = better && !opts.dryRun;
    if (!better) {
      out.push(`Kept ${current.describe}: the fitted ones predict your reviews no better.`);
    } else if (opts.dryRun) {
      out.push(`The fitted parameters predict your reviews better. Dry run: nothing saved.`);
    } else {
      out.push(...saveWeights(target, fitted));
    }
    report['saved'] = save;
    if (save && !opts.reschedule) {
      const again = ['engram optimize', ...names.map(shellWord), '--reschedule'].join(' ');
      out.push("Due dates stay as they are: the new parameters apply from each card's next answer", `(to recompute them all now: ${again}).`);
    }
    reschedule(store, logs, target, better ? fitted : null, opts, out, report);
    print(opts, out, report);
  } finally {
    store.close();
  }
}

function nothingFitted(
  store: Store,
  logs: readonly DeckCardLog[],
  target: Target,
  opts: OptimizeOptions,
  out: string[],
  report: Record<string, unknown>,
  outcome: FitOutcome,
  describe: string,
): void {
  if (outcome.note) out.push(...wrapWords(capital(outcome.note), PROSE_WIDTH));
  out.push(`Nothing saved: engram keeps scheduling with ${describe}.`);
  Object.assign(report, { kind: outcome.kind, note: outcome.note, defaults: null, current: null, fitted: null, better: false, saved: false });
  reschedule(store, logs, target, null, opts, out, report);
  print(opts, out, report);
}

/**
 * With --reschedule, replays the target's cards with the parameters in
 * effect after this run (`fitted` when they won, else the current ones);
 * written unless --dry-run. A global fit leaves decks with their own
 * parameters as they are.
 */
function reschedule(
  store: Store,
  logs: readonly DeckCardLog[],
  target: Target,
  fitted: number[] | null,
  opts: OptimizeOptions,
  out: string[],
  report: Record<string, unknown>,
): void {
  report['rescheduled'] = null;
  if (!opts.reschedule) return;
  const fresh = loadSettings(configPath());
  const after = fitted ? withWeights(fresh, target, fitted) : fresh;
  const affected = target === null ? logs.filter((l) => !ownWeights(after.file, l.deck)) : logs;
  const summary = rescheduleCards(store, affected, schedulerSet(after), !opts.dryRun);
  out.push(rescheduleLine(summary, !opts.dryRun, fitted !== null));
  report['rescheduled'] = summary;
}

function print(opts: OptimizeOptions, out: readonly string[], report: Record<string, unknown>): void {
  process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : `${out.join('\n')}\n`);
}

function rescheduleLine(r: RescheduleSummary, written: boolean, fitted: boolean): string {
  const moved = r.sooner + r.later;
  const which = fitted ? 'the new parameters' : 'the current parameters';
  const head = written ? `${count(r.cards, 'card')} rescheduled with ${which}` : `Would reschedule ${count(r.cards, 'card')} with ${which}`;
  if (moved === 0) return `${head}: no due date moved.`;
  return `${head}: ${r.sooner.toLocaleString('en')} due sooner, ${r.later.toLocaleString('en')} later, median shift ${formatInterval(r.medianShift)}.`;
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
