import type { TrainingItem } from './training-items.js';

/** How well a set of parameters predicts a log: lower is better for both. */
export interface Evaluation {
  /** Mean binary cross-entropy of the predicted recall against what happened. */
  logLoss: number;
  /** RMSE between predicted and actual recall over bins of similar items (0-1). */
  rmseBins: number;
}

/** Training items converted for the optimizer once, to fit and evaluate on. */
export interface PreparedItems {
  readonly count: number;
}

/** The FSRS optimizer behind a small API, so callers never touch the native binding. */
export interface FsrsOptimizer {
  /**
   * Converts items for {@link fit} and {@link evaluate}. Throws Error when an
   * item does not end with an answer a day or more after the one before it
   * (the native optimizer would abort the whole process on an item without
   * such an answer, and cannot evaluate one ending the same day: build items
   * with `trainingItems`).
   */
  prepare(items: readonly TrainingItem[]): PreparedItems;
  /**
   * Fits FSRS-6 parameters (21 numbers) to the items; resolves null when the
   * optimizer finds too little data. Rejects with Error when the fit fails.
   */
  fit(items: PreparedItems, options: FitOptions): Promise<number[] | null>;
  /**
   * Log loss and RMSE(bins) of `weights` on the items; null when the optimizer
   * finds too few to evaluate on (it sets rare ones aside: a few dozen items
   * can be too few). Throws Error when the evaluation fails otherwise.
   */
  evaluate(items: PreparedItems, weights: readonly number[]): Evaluation | null;
}

/** What a fit needs besides the items. */
export interface FitOptions {
  /** How many relearning steps the user's settings have (they bound two short-term parameters). */
  relearningSteps: number;
  /** Called now and then with the work done and the work in all. */
  onProgress?: (done: number, total: number) => void;
}

/** The optimizer, or why it cannot run here. */
export type OptimizerLoad = { ok: true; optimizer: FsrsOptimizer } | { ok: false; reason: string };

/** How the native optimizer says it was given too little to work on. */
const NOT_ENOUGH_DATA = /not ?enough ?data/i;

type Binding = typeof import('@open-spaced-repetition/binding');
type BindingItem = InstanceType<Binding['FSRSBindingItem']>;

class Prepared implements PreparedItems {
  constructor(readonly items: BindingItem[]) {}
  get count(): number {
    return this.items.length;
  }
}

/**
 * Loads @open-spaced-repetition/binding (a native package; prebuilt for a
 * fixed list of platforms). Resolves `{ ok: false, reason }` instead of
 * throwing when it cannot load, so the caller can keep the parameters it has.
 * @param specifier the module to load; tests pass a missing one
 */
export async function loadOptimizer(specifier = '@open-spaced-repetition/binding'): Promise<OptimizerLoad> {
  let binding: Binding;
  try {
    binding = (await import(specifier)) as Binding;
    if (typeof binding.computeParameters !== 'function') throw new Error(`${specifier} has no computeParameters`);
  } catch (err) {
    const first = ((err as Error).message ?? String(err)).split('\n')[0]!;
    return { ok: false, reason: `the FSRS optimizer (${specifier}) cannot load on ${process.platform}-${process.arch}: ${first}` };
  }
  return { ok: true, optimizer: bindingOptimizer(binding) };
}

function bindingOptimizer(binding: Binding): FsrsOptimizer {
  const asPrepared = (items: PreparedItems): BindingItem[] => {
    if (!(items instanceof Prepared)) throw new Error('items were not prepared by this optimizer');
    return items.items;
  };
  return {
    prepare(items) {
      // Answers are shared between a card's items: convert each object once.
      const converted = new Map<object, InstanceType<Binding['FSRSBindingReview']>>();
      const out: BindingItem[] = [];
      for (const item of items) {
        const r = item.reviews;
        if (r.length < 2 || r[0]!.deltaT !== 0 || r[r.length - 1]!.deltaT <= 0) {
          throw new Error('a training item must start at day 0 and end with an answer a day or more after the one before it');
        }
        out.push(
          new binding.FSRSBindingItem(
            r.map((x) => {
              let c = converted.get(x);
              if (!c) converted.set(x, (c = new binding.FSRSBindingReview(x.rating, x.deltaT)));
              return c;
            }),
          ),
        );
      }
      return new Prepared(out);
    },
    async fit(items, options) {
      try {
        return await binding.computeParameters(asPrepared(items), {
          enableShortTerm: true,
          numRelearningSteps: options.relearningSteps,
          progress: options.onProgress ? (done, total) => void options.onProgress!(done, total) : undefined,
        });
      } catch (err) {
        if (NOT_ENOUGH_DATA.test((err as Error).message ?? '')) return null;
        throw err;
      }
    },
    evaluate(items, weights) {
      const list = asPrepared(items);
      if (list.length === 0) return null;
      try {
        const { logLoss, rmseBins } = new binding.FSRSBinding([...weights]).evaluate(list);
        return { logLoss, rmseBins };
      } catch (err) {
        if (NOT_ENOUGH_DATA.test((err as Error).message ?? '')) return null;
        throw err;
      }
    },
  };
}
