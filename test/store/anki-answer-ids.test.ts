import { describe, expect, it } from 'vitest';
import { answerEventIds, startAnswerIds } from '../../src/store/anki-answer-ids.js';
import { derivedEventId } from '../../src/store/event-ids.js';

const T = Date.UTC(2026, 2, 2, 10);

/** A review log's id and card columns (the other columns the ids do not read). */
function log(rows: [number, number][]): { id: Float64Array; cardId: Float64Array; ease: Float64Array; ivl: Float64Array; time: Float64Array; type: Float64Array } {
  const empty = new Float64Array(rows.length);
  return { id: Float64Array.from(rows, (r) => r[0]), cardId: Float64Array.from(rows, (r) => r[1]), ease: empty, ivl: empty, time: empty, type: empty };
}

describe('answerEventIds', () => {
  it('derives an answer id from the card key and the review time', () => {
    expect(answerEventIds('key')(T)).toBe('01KJPZV2803C6SWV9PYZR8PRP5');
    expect(answerEventIds('Ünïcødé 🙂 key')(T)).toBe(derivedEventId(T, `anki-answer\0Ünïcødé 🙂 key\0${T}`));
  });
});

describe('startAnswerIds', () => {
  it('makes on the worker the ids answerEventIds makes, for the rows of the cards asked for', () => {
    const keys = new Map([
      [1_700_000_000_001, 'key'],
      [1_700_000_000_002, 'Ünïcødé 🙂 key'],
    ]);
    const rows: [number, number][] = Array.from({ length: 3_000 }, (_, i) => [T + i * 7_919_311 + (i % 3), 1_700_000_000_001 + (i % 3)]);
    const table = startAnswerIds(log(rows), keys).take();
    expect(table).not.toBeNull();
    rows.forEach(([at, card], r) => {
      const key = keys.get(card);
      if (key !== undefined) expect(table!.idOf(r)).toBe(answerEventIds(key)(at));
    });
    expect(table!.idOf(0)).toBe('01KJPZV2803C6SWV9PYZR8PRP5');
  });

  it('says which cards, under which key, it was asked for', () => {
    const pending = startAnswerIds(log([[T, 1]]), new Map([[1, 'key']]));
    expect([pending.asks(1, 'key'), pending.asks(1, 'other key'), pending.asks(2, 'key')]).toEqual([true, false, false]);
    pending.take();
  });

  it('gives its ids once', () => {
    const pending = startAnswerIds(log([[T, 1]]), new Map([[1, 'key']]));
    expect(pending.take()!.idOf(0)).toBe('01KJPZV2803C6SWV9PYZR8PRP5');
    expect(() => pending.take()).toThrow('taken already');
  });
});
