import { createRequire } from 'node:module';
import type { Binding, BindingItem, BindingReview } from './fsrs-binding-types.js';
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



class Prepared implements PreparedItems {
  constructor(readonly items: BindingItem[]) {}
  get count(): number {
    return this.items.length;
  }
}

/**
 * The optimizer's native package for this machine, or null where none is
 * published. `@open-spaced-repetition/binding` is a loader over one native
 * package per platform, and only the linux-x64 (glibc) one exists for the
 * version engram needs; the loader's other, unpublished platform packages make
 * `npm ci` refuse any lock file, so engram depends on the native package
 * itself (optional: npm skips it on other platforms) and loads it directly.
 */
export function nativePackage(platform: string = process.platform, arch: string = process.arch): string | null {
  return platform === 'linux' && arch === 'x64' ? NATIVE_PACKAGE : null;
}

/** The native half of @open-spaced-repetition/binding for linux-x64 (glibc). */
export const NATIVE_PACKAGE = '@open-spaced-repetition/binding-linux-x64-gnu';

/**
 * Loads the FSRS optimizer (a native module). Resolves `{ ok: false, reason }`
 * instead of throwing when it cannot load, so the caller can keep the
 * parameters it has.
 * @param specifier the module to load (default: this platform's native package); tests pass a missing one
 */
export async function loadOptimizer(specifier: string | null = nativePackage()): Promise<OptimizerLoad> {
  const where = `${process.platform}-${process.arch}`;
  if (specifier === null) {
    return { ok: false, reason: `the FSRS optimizer (@open-spaced-repetition/binding) is published for linux-x64 only, not for ${where}` };
  }
  let binding: Binding;
  try {
    // A native module: ESM import() cannot load a .node file, require can.
    binding = createRequire(import.meta.url)(specifier) as Binding;
    if (typeof binding.computeParameters !== 'function') throw new Error(`${specifier} has no computeParameters`);
  } catch (err) {
    const first = ((err as Error).message ?? String(err)).split('\n')[0]!;
    return { ok: false, reason: `the FSRS optimizer (${specifier}) cannot load on ${where}: ${first}` };
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
      const converted = new Map<object, BindingReview>();
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
