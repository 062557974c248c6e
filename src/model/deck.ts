/** Counts shown per deck by `engram decks`. */
export interface DeckSummary {
  name: string;
  /** Cards that are not archived. */
  total: number;
  /** Never reviewed, not suspended. */
  new: number;
  /** Reviewed before and due before the next day rollover, not suspended. */
  due: number;
  /** In the (re)learning steps, not suspended. */
  learning: number;
  suspended: number;
  archived: number;
}
