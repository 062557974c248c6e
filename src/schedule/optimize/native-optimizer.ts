import { createRequire } from 'node:module';
import type { Binding, BindingItem, BindingReview } from './fsrs-binding-types.js';
import type { FsrsOptimizer, PreparedItems } from './fsrs-optimizer.js';
import { checkTrainingItem } from './training-items.js';

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
 * Loads the native optimizer from `specifier`: the optimizer, or why it
 * cannot load here (never throws).
 * @param specifier the module to load (default: this platform's native package; null where none is published)
 */
export function loadNativeOptimizer(specifier: string | null = nativePackage()): { optimizer: FsrsOptimizer } | { reason: string } {
  const where = `${process.platform}-${process.arch}`;
  if (specifier === null) return { reason: `no native build for ${where}` };
  try {
    // A native module: ESM import() cannot load a .node file, require can.
    const binding = createRequire(import.meta.url)(specifier) as Binding;
    if (typeof binding.computeParameters !== 'function') throw new Error(`${specifier} has no computeParameters`);
    return { optimizer: bindingOptimizer(binding) };
  } catch (err) {
    const first = ((err as Error).message ?? String(err)).split('\n')[0]!;
    return { reason: `the native build (${specifier}) cannot load on ${where}: ${first}` };
  }
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
        checkTrainingItem(item);
        const r = item.reviews;
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
