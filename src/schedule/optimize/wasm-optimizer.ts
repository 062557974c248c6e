import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { evaluateItems } from './evaluate-items.js';
import type { FsrsOptimizer, PreparedItems } from './fsrs-optimizer.js';
import { checkTrainingItem, type TrainingItem } from './training-items.js';

/**
 * The FSRS optimizer compiled to WebAssembly: fsrs-browser (fsrs-rs 5.2, the
 * same Rust optimizer as the native package, built with wasm-bindgen). It
 * runs wherever Node does, so `engram optimize` works on macOS, arm64 Linux
 * and Windows, where no native build is published.
 */
export const WASM_PACKAGE = 'fsrs-browser';

/** The parts of fsrs-browser's API engram calls. */
interface FsrsBrowser {
  default(init: { module_or_path: Uint8Array }): Promise<unknown>;
  Fsrs: new (parameters?: Float32Array | null) => {
    computeParameters(ratings: Uint32Array, deltaTs: Uint32Array, lengths: Uint32Array, progress: null, enableShortTerm: boolean): Float32Array;
  };
}

class WasmPrepared implements PreparedItems {
  constructor(
    readonly items: readonly TrainingItem[],
    readonly ratings: Uint32Array,
    readonly deltaTs: Uint32Array,
    readonly lengths: Uint32Array,
  ) {}
  get count(): number {
    return this.items.length;
  }
}

let loading: Promise<FsrsBrowser> | null = null;

/**
 * Loads and instantiates fsrs-browser once per process. Rejects with Error
 * when the package or its .wasm file is missing or does not instantiate.
 */
function loadFsrsBrowser(): Promise<FsrsBrowser> {
  loading ??= (async () => {
    const wasm = readFileSync(createRequire(import.meta.url).resolve(`${WASM_PACKAGE}/fsrs_browser_bg.wasm`));
    // Its thread-pool helper, written for browsers, listens on `self` when
    // imported. The pool is never started (a fit runs on this thread), so a
    // stand-in target is enough, and it is removed again so that no other
    // code takes Node for a browser.
    const hadSelf = 'self' in globalThis;
    if (!hadSelf) (globalThis as Record<string, unknown>)['self'] = new EventTarget();
    let mod: FsrsBrowser;
    try {
      mod = (await import(WASM_PACKAGE)) as FsrsBrowser;
    } finally {
      if (!hadSelf) delete (globalThis as Record<string, unknown>)['self'];
    }
    // No fetch: the module is handed its bytes, read from the package folder.
    await mod.default({ module_or_path: wasm });
    return mod;
  })();
  loading.catch(() => (loading = null));
  return loading;
}

/**
 * The WebAssembly optimizer, loaded. Rejects with Error when it cannot load.
 * Fits run on the calling thread: the event loop waits for a fit (seconds on
 * a large log), and progress is reported at its start and end only.
 */
export async function wasmOptimizer(): Promise<FsrsOptimizer> {
  const mod = await loadFsrsBrowser();
  const asPrepared = (items: PreparedItems): WasmPrepared => {
    if (!(items instanceof WasmPrepared)) throw new Error('items were not prepared by this optimizer');
    return items;
  };
  return {
    prepare(items) {
      let answers = 0;
      for (const item of items) {
        // A bad item would make the Rust code panic, which leaves the module unusable.
        checkTrainingItem(item);
        answers += item.reviews.length;
      }
      const ratings = new Uint32Array(answers);
      const deltaTs = new Uint32Array(answers);
      const lengths = new Uint32Array(items.length);
      let k = 0;
      items.forEach((item, i) => {
        lengths[i] = item.reviews.length;
        for (const r of item.reviews) {
          ratings[k] = r.rating;
          deltaTs[k++] = r.deltaT;
        }
      });
      return new WasmPrepared(items, ratings, deltaTs, lengths);
    },
    async fit(items, options) {
      const p = asPrepared(items);
      options.onProgress?.(0, p.count);
      // fsrs-rs logs each epoch's loss to the console: not the user's business.
      const quiet = quietConsole();
      let weights: Float32Array;
      try {
        // A model object is consumed by a fit: a new one each time. fsrs-browser
        // has no relearning-steps option; fsrs-rs only uses that number when it
        // is above 1 (engram's default is one step), see the README.
        weights = new mod.Fsrs().computeParameters(p.ratings, p.deltaTs, p.lengths, null, true);
      } catch (err) {
        throw new Error(`${WASM_PACKAGE}: ${String((err as Error).message ?? err).split('\n')[0]}`);
      } finally {
        quiet.restore();
      }
      options.onProgress?.(p.count, p.count);
      return Array.from(weights);
    },
    evaluate(items, weights) {
      return evaluateItems(asPrepared(items).items, weights);
    },
  };
}

/** Silences console.log, info and debug until `restore` is called. */
function quietConsole(): { restore(): void } {
  const saved = { log: console.log, info: console.info, debug: console.debug };
  console.log = console.info = console.debug = () => {};
  return { restore: () => Object.assign(console, saved) };
}
