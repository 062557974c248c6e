import { DEFAULT_WEIGHTS } from '../../schedule/optimize/fit-parameters.js';
import type { Evaluation, FsrsOptimizer, PreparedItems } from '../../schedule/optimize/fsrs-optimizer.js';
import { trainingItems } from '../../schedule/optimize/training-items.js';
import type { StudyClock } from '../../schedule/study-time.js';
import type { DeckCardLog } from '../../store/optimize-queries.js';
import type { ConfigFile } from '../settings/config-file.js';
import { globalWeights, ownWeights, type Target } from './target-parameters.js';

/**
 * Log loss and RMSE(bins) on the same items of the current, the fitted and
 * the default parameters (the latter only computed when they are not the
 * current ones); null when the optimizer finds too few items to evaluate on.
 * Throws Error when the optimizer fails.
 */
export function evaluateAll(
  optimizer: FsrsOptimizer,
  prepared: PreparedItems,
  logs: readonly DeckCardLog[],
  file: ConfigFile,
  target: Target,
  clock: StudyClock,
  fitted: readonly number[],
  currentAreDefaults: boolean,
): { current: Evaluation; fitted: Evaluation; defaults: Evaluation } | null {
  const fittedEval = optimizer.evaluate(prepared, fitted);
  const currentEval = evaluateCurrent(optimizer, prepared, logs, file, target, clock);
  const defaultsEval = currentAreDefaults ? currentEval : optimizer.evaluate(prepared, DEFAULT_WEIGHTS);
  if (!fittedEval || !currentEval || !defaultsEval) return null;
  return { current: currentEval, fitted: fittedEval, defaults: defaultsEval };
}

/**
 * Log loss and RMSE(bins) of the parameters each card is scheduled with now.
 * When the decks use different ones, each group is evaluated on its own items
 * and the figures combined by item count: exact for log loss (a mean over
 * items), an approximation for RMSE(bins). A group too small to evaluate on
 * is left out; null when every group is.
 */
function evaluateCurrent(
  optimizer: FsrsOptimizer,
  prepared: PreparedItems,
  logs: readonly DeckCardLog[],
  file: ConfigFile,
  target: Target,
  clock: StudyClock,
): Evaluation | null {
  const weightsOf = (deck: string | null): readonly number[] =>
    (deck === null ? null : ownWeights(file, deck)) ?? globalWeights(file) ?? DEFAULT_WEIGHTS;
  if (target === null) return optimizer.evaluate(prepared, weightsOf(null));
  const groups = new Map<string, { weights: readonly number[]; logs: DeckCardLog[] }>();
  for (const log of logs) {
    const weights = weightsOf(log.deck);
    const key = weights.join(',');
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { weights, logs: [] }));
    g.logs.push(log);
  }
  if (groups.size === 1) return optimizer.evaluate(prepared, [...groups.values()][0]!.weights);
  let n = 0;
  let logLoss = 0;
  let squares = 0;
  for (const g of groups.values()) {
    const items = trainingItems(g.logs, clock).items;
    if (items.length === 0) continue;
    const e = optimizer.evaluate(optimizer.prepare(items), g.weights);
    if (!e) continue;
    n += items.length;
    logLoss += e.logLoss * items.length;
    squares += e.rmseBins * e.rmseBins * items.length;
  }
  return n === 0 ? null : { logLoss: logLoss / n, rmseBins: Math.sqrt(squares / n) };
}

