import { loadNativeOptimizer, nativePackage } from './native-optimizer.js';
import type { TrainingItem } from './training-items.js';
import { wasmOptimizer, WASM_PACKAGE } from './wasm-optimizer.js';

export { NATIVE_PACKAGE, nativePackage } from './native-optimizer.js';

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

/**
 * Which optimizer to use (the `optimizer` setting): `auto` takes the native
 * one where it is installed and loads, else the WebAssembly one; `native` and
 * `wasm` insist on one (CI uses `wasm` to run that path on linux-x64 too).
 */
export type OptimizerChoice = 'auto' | 'native' | 'wasm';

/** The two builds of the same optimizer (fsrs-rs). */
export type OptimizerBackend = 'native' | 'wasm';

/**
 * The optimizer, which build it is and why (for `engram doctor`, e.g.
 * "native (linux-x64)" or "WebAssembly (no native build for darwin-arm64)"),
 * or why none can run here.
 */
export type OptimizerLoad =
  | { ok: true; optimizer: FsrsOptimizer; backend: OptimizerBackend; description: string }
  | { ok: false; reason: string };

/**
 * Loads the optimizer `choice` asks for; never throws.
 * @param nativeSpecifier the native module to try (default: this platform's package, null where none is published); tests pass a missing one
 */
export async function loadOptimizer(choice: OptimizerChoice = 'auto', nativeSpecifier: string | null = nativePackage()): Promise<OptimizerLoad> {
  const where = `${process.platform}-${process.arch}`;
  if (choice !== 'wasm') {
    const native = loadNativeOptimizer(nativeSpecifier);
    if ('optimizer' in native) return { ok: true, optimizer: native.optimizer, backend: 'native', description: `native (${where})` };
    if (choice === 'native') {
      return { ok: false, reason: `the FSRS optimizer cannot run natively: ${native.reason} (the optimizer setting is native; "engram config set optimizer auto" uses the WebAssembly build)` };
    }
    return loadWasm(native.reason);
  }
  return loadWasm('the optimizer setting is wasm');
}

async function loadWasm(why: string): Promise<OptimizerLoad> {
  try {
    return { ok: true, optimizer: await wasmOptimizer(), backend: 'wasm', description: `WebAssembly (${why})` };
  } catch (err) {
    const first = ((err as Error).message ?? String(err)).split('\n')[0]!;
    return { ok: false, reason: `the FSRS optimizer cannot run here: ${why}, and its WebAssembly build (${WASM_PACKAGE}) does not load: ${first}` };
  }
}

