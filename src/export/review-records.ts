import type { Phase } from '../model/card-state.js';
import type { ReviewRow, RevlogRow } from '../model/export-rows.js';

export type { ReviewRow, RevlogRow };

/** The header of the FSRS revlog CSV that FSRS optimizers read, in their column order. */
export const REVLOG_HEADER = ['card_id', 'review_time', 'review_rating', 'review_state', 'review_duration'] as const;

/** One revlog row as a CSV line: numbers only, so nothing is ever quoted. */
export function revlogLine(r: RevlogRow): string {
  return `${r[0]},${r[1]},${r[2]},${r[3] ?? ''},${r[4]}\n`;
}

const PHASES: readonly Phase[] = ['new', 'learning', 'review', 'relearning'];

/**
 * An answer with every field of the log, for JSON: the time as ISO and ms,
 * the state before by name, and the deck its card is in now (`deckOf`).
 */
export function reviewJson(deckOf: (cardId: number) => string | null): (row: ReviewRow) => object {
  return ([id, cardId, reviewedAt, rating, stateBefore, lastInterval, durationMs, sessionId, device]) => ({
    id,
    card_id: cardId,
    deck: deckOf(cardId),
    reviewed_at: new Date(reviewedAt).toISOString(),
    reviewed_at_ms: reviewedAt,
    rating,
    state_before: stateBefore === null ? null : (PHASES[stateBefore] ?? null),
    last_interval: lastInterval,
    duration_ms: durationMs,
    session_id: sessionId,
    device,
  });
}
