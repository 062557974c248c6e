// Optimizer speed: `engram optimize --dry-run` end to end on a store with 100k
// reviews, and its parts (reading the log and building items, the fit alone,
// evaluating both parameter sets), from the built code in dist/; then the
// WebAssembly build of the optimizer (fsrs-browser) against the native one on
// the same items: the time of a fit each, and how far apart their parameters are.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_WEIGHTS, fitParameters } from '../dist/schedule/optimize/fit-parameters.js';
import { loadOptimizer } from '../dist/schedule/optimize/fsrs-optimizer.js';
import { trainingItems } from '../dist/schedule/optimize/training-items.js';
import { openStore } from '../dist/store/open-store.js';
import { cardLogs } from '../dist/store/optimize-queries.js';
import { generateHistory } from './generate-history.js';
import { median, report } from './measure.js';

const ENGRAM = fileURLToPath(new URL('../bin/engram', import.meta.url));
const NOW = Date.parse('2026-03-02T10:00:00Z');
const REVIEWS = 100_000;
const RUNS = 3;

/** Runs the optimize benchmarks and prints their figures. */
export async function optimizeBench() {
  const dir = mkdtempSync(join(tmpdir(), 'engram-optimize-bench-'));
  try {
    const db = generateHistory(dir, { cards: 10_000, reviews: REVIEWS, now: NOW });
    const home = join(dir, 'home');
    mkdirSync(home);
    const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), ENGRAM_NOW: String(NOW), TZ: 'UTC', NO_COLOR: '1' };

    const endToEnd = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [ENGRAM, 'optimize', '--dry-run', '--db', db], { env, encoding: 'utf8' });
      endToEnd.push(performance.now() - t0);
      if (r.status !== 0) throw new Error(`engram optimize exited ${r.status}: ${r.stderr}`);
    }

    const load = await loadOptimizer('native');
    if (!load.ok) throw new Error(load.reason);
    const optimizer = load.optimizer;
    const store = openStore(db, { create: false });
    const reads = [];
    let set;
    try {
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        set = trainingItems(cardLogs(store, []), { rolloverHour: 4, timeZone: 'UTC' });
        reads.push(performance.now() - t0);
      }
    } finally {
      store.close();
    }
    const prepared = optimizer.prepare(set.items);
    const fits = [];
    let outcome;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      outcome = await fitParameters(optimizer, prepared, { relearningSteps: 1 });
      fits.push(performance.now() - t0);
    }
    const t0 = performance.now();
    const defaults = optimizer.evaluate(prepared, DEFAULT_WEIGHTS);
    const fitted = optimizer.evaluate(prepared, outcome.weights);
    const evaluating = (performance.now() - t0) / 2;

    report(`optimize: ${REVIEWS.toLocaleString('en')} reviews, ${set.cards.toLocaleString('en')} cards, ${set.items.length.toLocaleString('en')} usable items (median of ${RUNS})`, [
      ['engram optimize --dry-run, end to end', median(endToEnd), 'ms'],
      ['read the log and build training items', median(reads), 'ms'],
      ['fit alone (computeParameters)', median(fits), 'ms'],
      ['evaluate one parameter set', evaluating, 'ms'],
    ]);
    console.log(`  log loss: defaults ${defaults.logLoss.toFixed(4)}, fitted ${fitted.logLoss.toFixed(4)} (${outcome.kind})`);
    await compareWasm(set.items, prepared, outcome.weights, optimizer);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One fit with the WebAssembly optimizer on the same items (one run: it takes
 * about 15 times as long as the native one), its time beside the native fit's
 * and the largest difference between their parameters (target: equal within
 * 1e-3). fsrs-browser's fsrs-rs lets a same-day Hard answer lower stability,
 * the native one's does not, so the parameters part on logs with such answers
 * (this generated one has them); the figure without those items shows the
 * builds otherwise agree, and the log loss of each fit (native evaluation)
 * shows what the difference costs.
 */
async function compareWasm(items, nativePrepared, nativeWeights, native) {
  const load = await loadOptimizer('wasm');
  if (!load.ok) throw new Error(load.reason);
  const wasm = load.optimizer;
  const t0 = performance.now();
  const wasmWeights = await wasm.fit(wasm.prepare(items), { relearningSteps: 1 });
  const wasmMs = performance.now() - t0;
  const t1 = performance.now();
  await native.fit(nativePrepared, { relearningSteps: 1 });
  const nativeMs = performance.now() - t1;
  const maxDiff = (a, b) => Math.max(...a.map((x, i) => Math.abs(x - b[i])));
  const sameDayHard = (item) => item.reviews.some((r, i) => i > 0 && r.deltaT === 0 && r.rating === 2);
  const plain = items.filter((item) => !sameDayHard(item));
  const [a, b] = [await native.fit(native.prepare(plain), { relearningSteps: 1 }), await wasm.fit(wasm.prepare(plain), { relearningSteps: 1 })];
  report(`optimize: WebAssembly (fsrs-browser) against native, ${items.length.toLocaleString('en')} items (one fit each)`, [
    ['fit, native', nativeMs, 'ms'],
    ['fit, WebAssembly', wasmMs, 'ms'],
  ]);
  const verdict = (d) => `${d.toFixed(5)}  target equal within 1e-3: ${d <= 1e-3 ? 'met' : 'MISSED'}`;
  console.log(`  max |parameter difference|, all items: ${verdict(maxDiff(nativeWeights, wasmWeights))}`);
  console.log(`  the same without the ${(items.length - plain.length).toLocaleString('en')} items after a same-day Hard answer: ${verdict(maxDiff(a, b))}`);
  const l = (w) => native.evaluate(nativePrepared, w).logLoss.toFixed(5);
  console.log(`  log loss (native evaluation): native fit ${l(nativeWeights)}, WebAssembly fit ${l(wasmWeights)}`);
}
