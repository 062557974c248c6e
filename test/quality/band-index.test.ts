import { describe, expect, it } from 'vitest';
import { BANDS, BandBuckets, ShingleSets } from '../../src/quality/band-index.js';

const words = (text: string) => text.split(' ');

describe('ShingleSets', () => {
  it('holds each card’s word pairs once, and counts what two cards share', () => {
    const sets = new ShingleSets(4);
    sets.add(words('a lease is a lock with a timeout'));
    sets.add(words('a lease is a lock with a timeout'));
    sets.add(words('a lease is a lock with a deadline')); // one pair ("a timeout") differs
    sets.add([]);
    // 7 word pairs, "a lease"… all different: 7 members.
    expect(sets.size(0)).toBe(7);
    expect(sets.overlap(0, 1)).toBe(7);
    expect(sets.overlap(0, 2)).toBe(6);
    expect(sets.size(3)).toBe(0);
    expect(sets.overlap(0, 3)).toBe(0);
  });

  it('counts a word pair that repeats in a card once', () => {
    const sets = new ShingleSets(2);
    sets.add(words('to be or not to be'));
    sets.add(words('to be or'));
    // "to be" twice: 4 distinct pairs; the second card's 2 pairs are both in the first.
    expect(sets.size(0)).toBe(4);
    expect(sets.overlap(0, 1)).toBe(2);
    expect(sets.overlap(1, 0)).toBe(2);
  });
});

describe('BandBuckets', () => {
  it('puts cards with the same set in the same bucket of every band, and counts them', () => {
    const sets = new ShingleSets(3);
    sets.add(words('the quorum decides which node holds the lease'));
    sets.add(words('the quorum decides which node holds the lease'));
    sets.add(words('clocks drift apart when the network is slow'));
    const buckets = new BandBuckets(3);
    for (let i = 0; i < 3; i++) buckets.place(i, sets);
    for (let band = 0; band < BANDS; band++) {
      const same = buckets.slots[band]!;
      expect(buckets.slots[BANDS + band]).toBe(same);
      expect(buckets.size(same)).toBe(2);
      expect(buckets.size(buckets.slots[2 * BANDS + band]!)).toBe(1);
    }
  });

  it('lists the cards linked in a bucket latest first', () => {
    const sets = new ShingleSets(3);
    for (let i = 0; i < 3; i++) sets.add(words('a fencing token grows with every lock'));
    const buckets = new BandBuckets(3);
    for (let i = 0; i < 3; i++) buckets.place(i, sets);
    buckets.link(0, 5);
    buckets.link(2, 5);
    const listed = [];
    for (let i = buckets.head(buckets.slots[5]!); i !== -1; i = buckets.before(i, 5)) listed.push(i);
    expect(listed).toEqual([2, 0]);
    expect(buckets.head(buckets.slots[4]!)).toBe(-1);
  });
});
