import { describe, expect, it } from 'vitest';
import { buildApkgCollection } from '../../src/export/apkg-collection.js';
import type { ApkgCard, ApkgReview, ApkgReviewLog } from '../../src/model/anki-collection.js';

const NOW = Date.UTC(2026, 2, 2, 10);
const DAY = 86_400_000;

function card(id: number, deck: string): ApkgCard {
  return {
    id, key: `k${id}`, sibling: null, kind: 'basic', deck, sourcePath: null, front: `Question ${id}`, back: `Answer ${id}`, createdAt: NOW - 30 * DAY,
    state: 2, due: NOW + 3 * DAY, stability: 4.5, difficulty: 5.2, scheduledDays: 4, reps: 2, lapses: 0, suspended: false, buried: false,
  };
}

/** A log of answers given as [card id, time after NOW - 20 days], card by card in that order. */
function log(answers: [number, number][]): ApkgReviewLog {
  const rows: ApkgReview[] = answers.map(([cardId, at]) => ({ cardId, reviewedAt: NOW - 20 * DAY + at, rating: 3, stateBefore: 2, lastInterval: 1, durationMs: 4000 }));
  return {
    size: rows.length,
    each: (id, answer) => rows.filter((r) => r.cardId === id).forEach((r) => answer(r.reviewedAt, r.rating, r.stateBefore, r.lastInterval, r.durationMs)),
  };
}

describe('buildApkgCollection', () => {
  it('keeps each answer at its time as the review log id when no two share a millisecond, the rows in id order', () => {
    const built = buildApkgCollection([card(1, 'a'), card(2, 'a')], NOW - 20 * DAY, NOW);
    const revlog = built.revlog(log([[1, 0], [1, DAY], [2, 5], [2, DAY + 5]]));
    // In id order; each answer's ivl is the interval the next one of its card found (1 day), the last one's the card's (4).
    const [c1, c2] = built.collection.cards.map((c) => c.id);
    expect([...revlog.id].map((id, i) => [id - (NOW - 20 * DAY), revlog.cid[i], revlog.ivl[i]])).toEqual([
      [0, c1, 1],
      [5, c2, 1],
      [DAY, c1, 4],
      [DAY + 5, c2, 4],
    ]);
  });

  it('moves an answer whose millisecond is taken to the next free one, in the order the cards are written', () => {
    // Card 1's answers at 0 and 1 ms; card 2's at 0, 1 and 2 ms: card 2's move past card 1's, one by one.
    const built = buildApkgCollection([card(1, 'a'), card(2, 'b')], NOW - 20 * DAY, NOW);
    const revlog = built.revlog(log([[1, 0], [1, 1], [2, 0], [2, 1], [2, 2]]));
    expect([...revlog.id].map((id, i) => [revlog.cid[i] === built.collection.cards[0]!.id ? 1 : 2, id - (NOW - 20 * DAY)])).toEqual([
      [1, 0],
      [1, 1],
      [2, 2],
      [2, 3],
      [2, 4],
    ]);
    expect(new Set(revlog.id).size).toBe(5);
  });

  it('puts the rows in id order whether the times are whole milliseconds or not, each row whole', () => {
    for (const step of [1, 0.25]) {
      // 40 cards of 50 answers each, their times interleaved across cards and out of order between them.
      const cards = Array.from({ length: 40 }, (_v, i) => card(i + 1, 'a'));
      const answers: [number, number][] = [];
      for (let k = 0; k < 50; k++) for (let i = 0; i < 40; i++) answers.push([i + 1, (((i * 7919 + k * 104_729) % 9973) + k * 10_000) * step]);
      const built = buildApkgCollection(cards, NOW - 20 * DAY, NOW);
      const revlog = built.revlog(log(answers));
      const cidOf = new Map(built.collection.cards.map((c, i) => [c.id, i + 1]));
      const rows = [...revlog.id].map((id, i) => [id - (NOW - 20 * DAY), cidOf.get(revlog.cid[i]!)]);
      expect(rows).toEqual(answers.map(([c, at]) => [at, c]).sort((x, y) => x[0]! - y[0]!));
    }
  });

  it('keeps every answer a card gives when it has more than the log counted (answers written while it was read)', () => {
    // The log was counted at 2 answers; card 1's were read again after another engram added two more.
    const built = buildApkgCollection([card(1, 'a'), card(2, 'a')], NOW - 20 * DAY, NOW);
    const counted = log([[1, 0], [1, DAY], [1, 2 * DAY], [1, 3 * DAY], [2, 5]]);
    const revlog = built.revlog({ size: 2, each: counted.each });
    const [c1, c2] = built.collection.cards.map((c) => c.id);
    expect([...revlog.id].map((id, i) => [id - (NOW - 20 * DAY), revlog.cid[i]])).toEqual([
      [0, c1],
      [5, c2],
      [DAY, c1],
      [2 * DAY, c1],
      [3 * DAY, c1],
    ]);
  });

  it('gives each deck one id, the same in every export (a hash of its name)', () => {
    const a = buildApkgCollection([card(1, 'lang/spanish'), card(2, 'lang/spanish'), card(3, 'maths')], null, NOW);
    const b = buildApkgCollection([card(3, 'maths')], null, NOW);
    const [d1, d2, d3] = a.collection.cards.map((c) => c.did);
    expect(d1).toBe(d2);
    expect(d3).not.toBe(d1);
    expect(b.collection.cards[0]!.did).toBe(d3);
    expect(Object.values(JSON.parse(a.collection.decks) as Record<string, { name: string }>).map((d) => d.name).sort()).toEqual(['Default', 'lang::spanish', 'maths']);
  });
});
