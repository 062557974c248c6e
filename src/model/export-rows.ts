/** Rows as the store reads them for `engram export` (see export/card-records.ts, export/review-records.ts). */

/** One card with its cached scheduling state, as the export reads it (column names as in the store). */
export interface CardRecord {
  id: number;
  deck: string;
  /** The file as the user gave it (through symlinks), else its own path. */
  source_path: string | null;
  line: number;
  end_line: number;
  kind: string;
  syntax: string;
  title: string | null;
  context: string | null;
  /** JSON array of the headings above the card, outermost first. */
  heading_path: string;
  front: string;
  back: string;
  /** card_state columns; all null for a card never reviewed. */
  state: number | null;
  due: number | null;
  stability: number | null;
  difficulty: number | null;
  scheduled_days: number | null;
  reps: number | null;
  lapses: number | null;
  last_review: number | null;
  suspended_at: number | null;
  buried_until: number | null;
  archived_at: number | null;
  /** When the learner dropped the (derived) card, or null. */
  dropped_at: number | null;
}

/**
 * One answer as the FSRS revlog has it: card id, time (UTC ms), rating 1-4,
 * state before the answer (0 new, 1 learning, 2 review, 3 relearning; null
 * only before facts are filled), duration in ms. A tuple: a million of them
 * stream faster as arrays than as objects.
 */
export type RevlogRow = [cardId: number, reviewedAt: number, rating: number, stateBefore: number | null, durationMs: number];

/** One answer with every field of the log. */
export type ReviewRow = [
  id: number,
  cardId: number,
  reviewedAt: number,
  rating: number,
  stateBefore: number | null,
  /** Days, 0 unless the card was in review. */
  lastInterval: number | null,
  durationMs: number,
  sessionId: string | null,
  device: string | null,
];
