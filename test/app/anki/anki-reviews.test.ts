import { describe, expect, it } from 'vitest';
import { answersOf, RevlogByCard, revlogColumnsOf, type RevlogSkips } from '../../../src/app/anki/anki-reviews.js';
import type { AnkiRevlog } from '../../../src/model/anki-collection.js';

const DAY = 86_400_000;
const T = Date.UTC(2026, 0, 1);

function row(cardId: number, id: number, ease = 3, o: Partial<AnkiRevlog> = {}): AnkiRevlog {
  return { id, cardId, ease, ivl: 1, lastIvl: 0, factor: 2500, time: 4000, type: 1, ...o };
}

function ids(log: RevlogByCard, cardId: number): number[] {
  return Array.from(log.rowsOf(cardId), (i) => log.log.id[i]!);
}

describe('RevlogByCard', () => {
  it('gives each card its rows in time order, whatever the table order, rows of one time in the table order', () => {
    const log = RevlogByCard.of(
      revlogColumnsOf([row(7, T + 2 * DAY), row(9, T), row(7, T), row(9, T + DAY, 1), row(7, T + DAY), row(9, T + DAY, 4)]),
    );
    expect(ids(log, 7)).toEqual([T, T + DAY, T + 2 * DAY]);
    expect(ids(log, 9)).toEqual([T, T + DAY, T + DAY]);
    // The two rows of card 9 at T + DAY: the table's first (ease 1) first.
    expect(Array.from(log.rowsOf(9), (i) => log.log.ease[i])).toEqual([3, 1, 4]);
    expect(ids(log, 8)).toEqual([]);
  });
});

describe('answersOf on a card of the columns', () => {
  it('leaves out rows before the last reset, rows without a button, known times and a repeated time', () => {
    const log = RevlogByCard.of(
      revlogColumnsOf([
        row(1, T, 3),
        row(1, T + DAY, 0, { ivl: 0, type: 4 }),
        row(1, T + 2 * DAY, 2, { time: 1234.6 }),
        row(1, T + 3 * DAY, 0, { ivl: 5, type: 4 }),
        row(1, T + 4 * DAY, 4),
        row(1, T + 4 * DAY, 4),
        row(1, T + 5 * DAY, 1, { time: -3 }),
        row(1, T + 6 * DAY, 3),
      ]),
    );
    const skips: RevlogSkips = { beforeReset: 0, rescheduled: 0, known: 0 };
    const answers = answersOf(log.log, log.rowsOf(1), new Set([T + 6 * DAY + 2]), skips);
    expect(answers).toEqual([
      { reviewedAt: T + 2 * DAY, rating: 2, durationMs: 1235, row: 2 },
      { reviewedAt: T + 4 * DAY, rating: 4, durationMs: 4000, row: 4 },
      { reviewedAt: T + 5 * DAY, rating: 1, durationMs: 0, row: 6 },
    ]);
    expect(skips).toEqual({ beforeReset: 1, rescheduled: 1, known: 2 });
  });
});
