import type { Grade } from '../../model/review.js';

/** The grades by name, as the review's buttons, its suggestion and the quiz's recorded grade say them. */
export const GRADE_NAMES: Readonly<Record<Grade, string>> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };
