import type { CardFacts } from './stats-input.js';
import type { CardCounts } from './stats-report.js';

/** Zero of every count. */
export function emptyCardCounts(): CardCounts {
  return { total: 0, new: 0, learning: 0, review: 0, relearning: 0, suspended: 0, dropped: 0, buried: 0, archived: 0 };
}

const PHASE_NAMES = ['new', 'learning', 'review', 'relearning'] as const;

/**
 * Adds card `c` to `counts`, counting it once: archived, else dropped, else suspended, else
 * buried (at `now`), else by its FSRS state (no state: new).
 */
export function countCard(counts: CardCounts, c: CardFacts, now: number): void {
  counts.total++;
  if (c.archived) counts.archived++;
  else if (c.dropped) counts.dropped++;
  else if (c.suspended) counts.suspended++;
  else if (c.buriedUntil !== null && c.buriedUntil > now) counts.buried++;
  else counts[PHASE_NAMES[c.state ?? 0] ?? 'new']++;
}
