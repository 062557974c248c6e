import type { AnkiRevlog, AnkiRevlogColumns } from '../../model/anki-collection.js';
import type { Grade } from '../../model/review.js';

/** A review log row that becomes an engram answer. */
export interface ImportedAnswer {
  /** The answer's time (UTC ms), named as the scheduler's replay reads it: the answers are replayed as they are. */
  reviewedAt: number;
  rating: Grade;
  durationMs: number;
  /** The review log row it came from (its number in the log's columns). */
  row: number;
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

/** A review log's rows by card: each card's rows in time order (by id; rows of one id in the table's order). */
export class RevlogByCard {
  private constructor(
    readonly log: AnkiRevlogColumns,
    /** Row numbers, each card's together. */
    private readonly order: Uint32Array,
    private readonly startOf: Map<number, number>,
    private readonly starts: Uint32Array,
  ) {}

  /**
   * Groups the rows by a counting sort (the table's order kept within a card),
   * then sorts a card's rows by id only where the table's order was not by id
   * (it is whenever id is the table's key, as Anki declares it).
   */
  static of(log: AnkiRevlogColumns): RevlogByCard {
    const { id, cardId } = log;
    const n = id.length;
    const groupOf = new Map<number, number>();
    const group = new Uint32Array(n);
    const counts: number[] = [];
    for (let i = 0; i < n; i++) {
      let g = groupOf.get(cardId[i]!);
      if (g === undefined) {
        g = counts.length;
        groupOf.set(cardId[i]!, g);
        counts.push(0);
      }
      group[i] = g;
      counts[g]!++;
    }
    const starts = new Uint32Array(counts.length + 1);
    for (let g = 0; g < counts.length; g++) starts[g + 1] = starts[g]! + counts[g]!;
    const next = starts.slice(0, counts.length);
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[next[group[i]!]!++] = i;
    for (let g = 0; g < counts.length; g++) {
      const from = starts[g]!;
      const to = starts[g + 1]!;
      for (let j = from + 1; j < to; j++) {
        if (id[order[j]!]! < id[order[j - 1]!]!) {
          order.subarray(from, to).sort((x, y) => id[x]! - id[y]! || x - y);
          break;
        }
      }
    }
    return new RevlogByCard(log, order, groupOf, starts);
  }

  /** The row numbers of card `cardId`'s rows, in time order (none: empty). */
  rowsOf(cardId: number): Uint32Array {
    const g = this.startOf.get(cardId);
    return g === undefined ? this.order.subarray(0, 0) : this.order.subarray(this.starts[g]!, this.starts[g + 1]!);
  }
}

/** Rows read as objects (a collection read whole) as the columns an import reads. */
export function revlogColumnsOf(rows: readonly AnkiRevlog[]): AnkiRevlogColumns {
  const column = (name: keyof AnkiRevlog): Float64Array => Float64Array.from(rows, (r) => r[name]);
  return { id: column('id'), cardId: column('cardId'), ease: column('ease'), ivl: column('ivl'), time: column('time'), type: column('type') };
}

/** Whether row `i` is Anki's reset of a card to new (Forget): no button, interval 0, written by hand or by Anki's reschedule. */
function isReset(log: AnkiRevlogColumns, i: number): boolean {
  return log.ease[i] === 0 && log.ivl[i] === 0 && (log.type[i] === 4 || log.type[i] === 5);
}

/** Answers recorded within this many ms of a row are the same answer (an exporter may move a tie by a ms). */
const SAME_ANSWER_MS = 5;

/**
 * The answers of one card's review log rows (`rows`: its row numbers in
 * `log`, in time order) that engram does not have: rows before its last
 * reset left out (the reset kept), rows without a button left out, rows at
 * a time `known` holds left out.
 */
export function answersOf(log: AnkiRevlogColumns, rows: Uint32Array, known: ReadonlySet<number>, skips: RevlogSkips): ImportedAnswer[] {
  let start = 0;
  for (let i = rows.length - 1; i >= 0; i--) {
    if (isReset(log, rows[i]!)) {
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
    const ease = log.ease[r]!;
    const at = log.id[r]!;
    if (ease < 1 || ease > 4) {
      if (!isReset(log, r)) skips.rescheduled++;
      continue;
    }
    if (at === last || isKnown(at, known)) {
      skips.known++;
      continue;
    }
    last = at;
    out.push({ reviewedAt: at, rating: ease as Grade, durationMs: Math.max(0, Math.round(log.time[r]!)), row: r });
  }
  return out;
}

function isKnown(at: number, known: ReadonlySet<number>): boolean {
  if (known.size === 0) return false;
  for (let d = -SAME_ANSWER_MS; d <= SAME_ANSWER_MS; d++) if (known.has(at + d)) return true;
  return false;
}
