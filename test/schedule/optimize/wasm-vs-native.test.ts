import { beforeAll, describe, expect, it } from 'vitest';
import type { Grade } from '../../../src/model/review.js';
import { evaluateItems } from '../../../src/schedule/optimize/evaluate-items.js';
import { DEFAULT_WEIGHTS } from '../../../src/schedule/optimize/fit-parameters.js';
import type { FsrsOptimizer } from '../../../src/schedule/optimize/fsrs-optimizer.js';
import { trainingItems, type TrainingItem } from '../../../src/schedule/optimize/training-items.js';
import { loadedOptimizer, UTC } from '../../helpers/loaded-optimizer.js';
import { syntheticLearner } from '../../helpers/synthetic-learner.js';

// The WebAssembly optimizer (fsrs-browser 5.2.0) against the native one
// (@open-spaced-repetition/binding 0.5.0) on the same items. Runs where the
// native package is installed: linux-x64, as CI.

let native: FsrsOptimizer;
let wasm: FsrsOptimizer;

beforeAll(async () => {
  [native, wasm] = [await loadedOptimizer('native'), await loadedOptimizer('wasm')];
});

function learnerItems(seed: number): TrainingItem[] {
  const log = syntheticLearner({ cards: 300, reviewsPerCard: 7, start: Date.parse('2024-01-01T00:00:00Z'), seed });
  return trainingItems(log.map((c, i) => ({ cardId: i + 1, reviews: c.reviews })), UTC).items;
}

async function fitBoth(items: TrainingItem[]): Promise<[number[], number[]]> {
  const a = await native.fit(native.prepare(items), { relearningSteps: 1 });
  const b = await wasm.fit(wasm.prepare(items), { relearningSteps: 1 });
  return [a!, b!];
}

const maxDiff = (a: readonly number[], b: readonly number[]): number => Math.max(...a.map((x, i) => Math.abs(x - b[i]!)));

describe('the WebAssembly optimizer against the native one', () => {
  it('fits the same 21 parameters, within 1e-3 each, to a seeded synthetic history', async () => {
    const items = learnerItems(11);
    expect(items.length).toBe(2100);
    const [a, b] = await fitBoth(items);
    expect(b).toHaveLength(21);
    expect(maxDiff(a, b), `native ${a.join(' ')}\nwasm   ${b.join(' ')}`).toBeLessThanOrEqual(1e-3);
    // And they are not the defaults: the fit moved them.
    expect(maxDiff(a, DEFAULT_WEIGHTS)).toBeGreaterThan(1);
  }, 60_000);

  it('differs after same-day Hard answers, where fsrs-browser has the older short-term rule, but predicts as well', async () => {
    // A card answered Hard twice on its first day: the native optimizer's
    // fsrs-rs never lets a same-day Hard lower stability; fsrs-browser's does.
    const items = learnerItems(12).map((item, i) =>
      i % 4 === 0 ? { reviews: [{ rating: 2 as Grade, deltaT: 0 }, { rating: 2 as Grade, deltaT: 0 }, ...item.reviews] } : item,
    );
    const [a, b] = await fitBoth(items);
    expect(maxDiff(a, b)).toBeGreaterThan(1e-3);
    // Judged by the native evaluation, neither fit predicts the log worse by more than 0.001 log loss.
    const prepared = native.prepare(items);
    const [la, lb] = [native.evaluate(prepared, a)!.logLoss, native.evaluate(prepared, b)!.logLoss];
    expect(Math.abs(la - lb), `log loss native fit ${la}, wasm fit ${lb}`).toBeLessThan(1e-3);
  }, 60_000);

  it('fits in a worker thread, reporting progress that ends with every item done', async () => {
    const items = learnerItems(11);
    const calls: [number, number][] = [];
    const weights = await wasm.fit(wasm.prepare(items), { relearningSteps: 1, onProgress: (done, total) => calls.push([done, total]) });
    expect(weights).toHaveLength(21);
    expect(calls[0]).toEqual([0, 2100]);
    expect(calls.at(-1)).toEqual([2100, 2100]);
    expect(calls.every(([done, total]) => done >= 0 && done <= total)).toBe(true);
  }, 60_000);

  it('evaluates each item as the native optimizer predicts it', () => {
    // One item at a time, the averages cannot differ: the predictions are compared.
    const items = learnerItems(13).filter((item) => item.reviews.filter((r) => r.deltaT > 0).length >= 2).slice(0, 300);
    for (const weights of [DEFAULT_WEIGHTS, [2, 6, 20, 45, ...DEFAULT_WEIGHTS.slice(4)]]) {
      for (const item of items) {
        const n = native.evaluate(native.prepare([item]), weights)!.logLoss;
        const w = wasm.evaluate(wasm.prepare([item]), weights)!.logLoss;
        expect(Math.abs(n - w), JSON.stringify(item.reviews)).toBeLessThan(1e-4 * Math.max(1, n));
      }
    }
  });

  it('evaluates a whole log within 6% of the native figures (which weight later items more), and ranks two parameter sets the same', async () => {
    const items = learnerItems(11);
    const [fitted] = await fitBoth(items);
    const [pn, pw] = [native.prepare(items), wasm.prepare(items)];
    for (const weights of [DEFAULT_WEIGHTS, fitted]) {
      const [n, w] = [native.evaluate(pn, weights)!, wasm.evaluate(pw, weights)!];
      expect(Math.abs(n.logLoss - w.logLoss) / n.logLoss).toBeLessThan(0.06);
      expect(Math.abs(n.rmseBins - w.rmseBins)).toBeLessThan(0.01);
    }
    expect(wasm.evaluate(pw, fitted)!.logLoss).toBeLessThan(wasm.evaluate(pw, DEFAULT_WEIGHTS)!.logLoss);
    expect(evaluateItems(items, fitted)).toEqual(wasm.evaluate(pw, fitted));
  }, 60_000);
});
