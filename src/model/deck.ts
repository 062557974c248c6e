/** Counts shown per deck by `engram decks`. */
export interface DeckSummary {
  name: string;
  /** Cards that are not archived or dropped. */
  total: number;
  /** Never reviewed, not suspended. */
  new: number;
  /** Reviewed before and due today (before the daily limits, as the store counts them). */
  due: number;
  /** In the (re)learning steps and due today. */
  learning: number;
  suspended: number;
  /** Derived cards the learner dropped (not archived): never shown, not in `total`. */
  dropped: number;
  archived: number;
}
