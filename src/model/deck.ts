/** Counts shown per deck by `engram decks`. */
export interface DeckSummary {
  name: string;
  /** Cards that are not archived. */
  total: number;
  /** Never reviewed, not suspended. */
  new: number;
  /** Reviewed before and due today (before the daily limits, as the store counts them). */
  due: number;
  /** In the (re)learning steps and due today. */
  learning: number;
  suspended: number;
  archived: number;
}
