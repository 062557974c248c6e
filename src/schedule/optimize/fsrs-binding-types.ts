/**
 * The part of @open-spaced-repetition/binding's native API engram uses (its
 * own type declarations ship with the loader package, which engram does not
 * install; see nativePackage in fsrs-optimizer.ts).
 */

/** One answer in an item: rating 1-4 and days since the previous answer (0 for the first). */
export interface BindingReview {
  readonly rating: number;
  readonly deltaT: number;
}

/** One training item: a card's answers up to and including the one predicted. */
export interface BindingItem {
  readonly reviews: BindingReview[];
}

/** The native module's exports that engram calls. */
export interface Binding {
  FSRSBindingReview: new (rating: number, deltaT: number) => BindingReview;
  FSRSBindingItem: new (reviews: BindingReview[]) => BindingItem;
  FSRSBinding: new (parameters?: number[]) => { evaluate(items: BindingItem[]): { logLoss: number; rmseBins: number } };
  computeParameters(
    items: BindingItem[],
    options: { enableShortTerm: boolean; numRelearningSteps?: number; progress?: (done: number, total: number) => boolean | undefined | void; timeout?: number },
  ): Promise<number[]>;
}
