import type { AnkiRevlog } from '../../model/anki-collection.js';
import type { Grade } from '../../model/review.js';

/** A review log row that becomes an engram answer. */
export interface ImportedAnswer {
  at: number;
  rating: Grade;
  durationMs: number;
}

/** Why review log rows were left out, counted. */
export interface RevlogSkips {
  /** Rows before the card's last reset in Anki ("Forget"): Anki starts the card over from it, and so does engram. */
  beforeReset: number;
  /** Rows that are no answer: a due date set by hand or a reschedule (engram's schedule comes from answers alone). */
  rescheduled: number;
  /** Rows engram has already (an earlier import of the same package, or a phone's reviews folded before). */
  known: number;
}

/** Whether a row is Anki's reset of a card to new (Forget): no button, interval 0, written by hand or by Anki's reschedule. */
function isReset(r: AnkiRevlog): boolean {
  return r.ease === 0 && r.ivl === 0 && (r.type === 4 || r.type === 5);
}

/** Answers recorded within this many ms of a row are the same answer (an exporter may move a tie by a ms). */
const SAME_ANSWER_MS = 5;

/**
 * The answers of one card's review log rows (in time order) that engram
 * does not have: rows before its last reset left out (the reset kept),
 * rows without a button left out, rows at a time `known` holds left out.
 */
export function answersOf(rows: readonly AnkiRevlog[], known: ReadonlySet<number>, skips: RevlogSkips): ImportedAnswer[] {
  let start = 0;
  for (let i = rows.length - 1; i >= 0; i--) {
    if (isReset(rows[i]!)) {
      start = i + 1;
      break;
    }
  }
  // The rows before the reset; the reset row itself is no answer and no loss.
  skips.beforeReset += Math.max(0, start - 1);
  const out: ImportedAnswer[] = [];
  let last = -Infinity;
  for (let i = start; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.ease < 1 || r.ease > 4) {
      if (!isReset(r)) skips.rescheduled++;
      continue;
    }
    if (r.id === last || isKnown(r.id, known)) {
      skips.known++;
      continue;
    }
    last = r.id;
    out.push({ at: r.id, rating: r.ease as Grade, durationMs: Math.max(0, Math.round(r.time)) });
  }
  return out;
}

function isKnown(at: number, known: ReadonlySet<number>): boolean {
  if (known.size === 0) return false;
  for (let d = -SAME_ANSWER_MS; d <= SAME_ANSWER_MS; d++) if (known.has(at + d)) return true;
  return false;
}
