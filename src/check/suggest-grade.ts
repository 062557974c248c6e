import type { Grade } from '../model/review.js';

/** How close a near miss must be (word similarity) to count as recalled with effort. */
export const HARD_SIMILARITY = 0.8;

/**
 * The grade to offer after a checked answer, which the user may change:
 * 3 (Good) when correct; 2 (Hard) when wrong but at least HARD_SIMILARITY
 * similar, since a typo or a missing article still shows the card was
 * recalled and FSRS counts Hard as a pass; 1 (Again) otherwise. Never 4
 * (Easy): a check cannot tell easy from merely right, so that stays the
 * user's call.
 */
export function suggestGrade(outcome: { correct: boolean; similarity?: number }): Grade {
  if (outcome.correct) return 3;
  return (outcome.similarity ?? 0) >= HARD_SIMILARITY ? 2 : 1;
}
