import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
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

/** The part of fsrs-browser's API this thread calls (the fit worker calls more). */
interface FsrsBrowser {
  default(init: { module_or_path: Uint8Array }): Promise<unknown>;
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

/** Where fsrs-browser's module and its .wasm file are. Throws Error when it is not installed. */
function packageFiles(): { moduleUrl: string; wasmPath: string } {
  const require = createRequire(import.meta.url);
  return { moduleUrl: pathToFileURL(require.resolve(WASM_PACKAGE)).href, wasmPath: require.resolve(`${WASM_PACKAGE}/fsrs_browser_bg.wasm`) };
}

/**
 * The fit runs in a worker thread of its own (a script given as text, so it
 * needs no file of its own next to the bundle): a WebAssembly fit takes
 * seconds to a minute, and the main thread stays free to draw the progress,
 * which it reads from the module's shared memory (fsrs-browser writes
 * [items done, items in all] there as it trains). See loadFsrsBrowser for the
 * stand-in `self`, and fit below for the console.
 */
const FIT_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const fail = (err) => parentPort.postMessage({ kind: 'error', message: String((err && err.message) || err).split('\\n')[0] });
(async () => {
  globalThis.self = new EventTarget();
  const mod = await import(workerData.moduleUrl);
  delete globalThis.self;
  const wasm = await mod.default({ module_or_path: readFileSync(workerData.wasmPath) });
  console.log = console.info = console.debug = () => {};
  const progress = mod.Progress.new();
  parentPort.postMessage({ kind: 'progress', buffer: wasm.memory.buffer, pointer: progress.pointer() });
  const weights = new mod.Fsrs().computeParameters(workerData.ratings, workerData.deltaTs, workerData.lengths, progress, true);
  parentPort.postMessage({ kind: 'done', weights: Array.from(weights) });
})().catch(fail);
`;

type WorkerMessage =
  | { kind: 'progress'; buffer: SharedArrayBuffer; pointer: number }
  | { kind: 'done'; weights: number[] }
  | { kind: 'error'; message: string };

/** How often the main thread reads the fit's progress. */
const PROGRESS_MS = 200;

/** Fits in a worker thread; rejects with Error when the fit fails. */
function fitInWorker(p: WasmPrepared, onProgress?: (done: number, total: number) => void): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(FIT_WORKER, {
      eval: true,
      workerData: { ...packageFiles(), ratings: p.ratings, deltaTs: p.deltaTs, lengths: p.lengths },
      // Its console is the user's terminal: fsrs-rs's per-epoch loss must not reach it.
      stdout: true,
    });
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearInterval(timer);
      void worker.terminate();
      f();
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.kind === 'progress') {
        const view = new Uint32Array(m.buffer, m.pointer, 2);
        if (onProgress) timer = setInterval(() => view[1]! > 0 && onProgress(Math.min(view[0]!, view[1]!), view[1]!), PROGRESS_MS);
      } else if (m.kind === 'done') {
        settle(() => resolve(m.weights));
      } else {
        settle(() => reject(new Error(`${WASM_PACKAGE}: ${m.message}`)));
      }
    });
    worker.on('error', (err) => settle(() => reject(new Error(`${WASM_PACKAGE}: ${err.message.split('\n')[0]}`))));
    worker.on('exit', (code) => settle(() => reject(new Error(`${WASM_PACKAGE}: the fit stopped (worker exit ${code})`))));
  });
}

/**
 * Loads and instantiates fsrs-browser once per process. Rejects with Error
 * when the package or its .wasm file is missing or does not instantiate.
 */
function loadFsrsBrowser(): Promise<FsrsBrowser> {
  loading ??= (async () => {
    const wasm = readFileSync(packageFiles().wasmPath);
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
 * The WebAssembly optimizer, loaded (in this thread, to know that it loads
 * here; each fit loads it again in a worker thread). Rejects with Error when
 * it cannot load.
 */
export async function wasmOptimizer(): Promise<FsrsOptimizer> {
  await loadFsrsBrowser();
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
      // fsrs-browser has no relearning-steps option; fsrs-rs only uses that
      // number when it is above 1 (engram's default is one step): see the README.
      const weights = await fitInWorker(p, options.onProgress);
      options.onProgress?.(p.count, p.count);
      return weights;
    },
    evaluate(items, weights) {
      return evaluateItems(asPrepared(items).items, weights);
    },
  };
}

