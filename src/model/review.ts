/** How well the user recalled a card, as in Anki and FSRS. */
export type Grade = 1 | 2 | 3 | 4;

/** One answer, as appended to the review log (the truth the schedule is rebuilt from). */
export interface Review {
  id: number;
  cardId: number;
  /** UTC ms. */
  reviewedAt: number;
  rating: Grade;
  durationMs: number;
  sessionId: string | null;
  device: string | null;
  /**
   * The interval in days the load balancer or easy days gave this answer
   * within its fuzz range (a replay keeps it); null or absent: the plain fuzz.
   */
  chosenDays?: number | null;
}
