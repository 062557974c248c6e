/**
 * The index behind the near-duplicate search (near-duplicates.ts): each
 * card's word pairs ("shingles") as a sorted set, its MinHash signature cut
 * into bands, and the band buckets, so that cards which may be near are found
 * without comparing every pair. Everything lives in a few typed arrays made
 * once per search: a search over tens of thousands of cards made hundreds of
 * thousands of small maps, sets and arrays otherwise, and their garbage cost
 * more than the comparisons.
 */

// MinHash with banding: BANDS bands of ROWS hashes. Pairs at Jaccard 0.8 share a
// band with probability 1 - (1 - 0.8^3)^16 > 0.9999, at 0.5 about 0.88, at 0.1
// about 0.016 — so near pairs are found without comparing every pair of cards.
export const BANDS = 16;
const ROWS = 3;
const HASHES = BANDS * ROWS;

/** FNV-1a of a string, 32 bits. */
function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit mix of `x` (murmur3's finaliser). */
function mix(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A growable pool of 32-bit integers: the shingle sets of all cards, end to end. */
class IntPool {
  data = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
}

/**
 * Cards' shingle sets, each a sorted run without repeats in one pool:
 * card i's set is `data[from[i] .. from[i + 1])`.
 */
export class ShingleSets {
  private readonly pool = new IntPool();
  /** Where each card's set starts; a card without a set has an empty one. */
  readonly from: Int32Array;
  private added = 0;

  constructor(cards: number) {
    this.from = new Int32Array(cards + 1);
  }

  /**
   * Adds the next card's set from its words (each word hashed once, then
   * pairs of hashes mixed; a one-word text is its word). Cards are added in
   * order; `words` empty gives an empty set.
   */
  add(words: readonly string[]): void {
    const pool = this.pool;
    const start = pool.length;
    let previous = words.length > 0 ? fnv(words[0]!) : 0;
    if (words.length === 1) pool.push(previous | 0);
    for (let i = 1; i < words.length; i++) {
      const next = fnv(words[i]!);
      pool.push(mix(previous ^ Math.imul(next, 0x9e3779b1)) | 0);
      previous = next;
    }
    // Sorted in place (a card's set is a few dozen members), then repeats dropped.
    const data = pool.data;
    for (let i = start + 1; i < pool.length; i++) {
      const x = data[i]!;
      let j = i - 1;
      while (j >= start && data[j]! > x) {
        data[j + 1] = data[j]!;
        j--;
      }
      data[j + 1] = x;
    }
    let end = start;
    for (let i = start; i < pool.length; i++) if (i === start || data[i] !== data[end - 1]) data[end++] = data[i]!;
    pool.length = end;
    this.from[++this.added] = end;
  }

  /** How many members card i's set has. */
  size(i: number): number {
    return this.from[i + 1]! - this.from[i]!;
  }

  /** How many members the sets of cards i and j share. */
  overlap(i: number, j: number): number {
    const data = this.pool.data;
    let a = this.from[i]!;
    const aEnd = this.from[i + 1]!;
    let b = this.from[j]!;
    const bEnd = this.from[j + 1]!;
    let n = 0;
    while (a < aEnd && b < bEnd) {
      const x = data[a]!;
      const y = data[b]!;
      if (x === y) {
        n++;
        a++;
        b++;
      } else if (x < y) a++;
      else b++;
    }
    return n;
  }

  /**
   * The MinHash signature of card i's set, written into `sig` (HASHES
   * entries): for each hash function, the least hash of a member. The
   * functions are h1 + k * h2 of two mixes of the member (double hashing):
   * as good for MinHash as independent ones, and far cheaper.
   */
  signature(i: number, sig: Uint32Array): void {
    sig.fill(0xffffffff);
    const data = this.pool.data;
    for (let m = this.from[i]!; m < this.from[i + 1]!; m++) {
      const s = data[m]!;
      const h1 = mix(s);
      const h2 = mix(s ^ 0x9e3779b9) | 1;
      let h = h1;
      for (let k = 0; k < HASHES; k++) {
        if (h >>> 0 < sig[k]!) sig[k] = h >>> 0;
        h = (h + h2) | 0;
      }
    }
  }
}

/**
 * The band buckets of up to `cards` cards: for each card placed, the bucket
 * of each of its bands (an open-addressing table per band, keyed by the
 * band's rows mixed into 30 bits; a rare collision of keys only adds a pair
 * to compare) and how many cards each bucket holds. Buckets can also hold a
 * list of some of their cards (see {@link BandBuckets.link}).
 */
export class BandBuckets {
  private readonly capacity: number;
  /**
   * The buckets, three numbers each, so that one read of memory finds a
   * bucket: its key + 1 (0: an empty place), how many cards it holds, and
   * its last linked card + 1 (0: none). Zero is empty throughout, so the
   * table needs no filling.
   */
  private readonly table: Int32Array;
  /** The buckets of card i's bands, at `i * BANDS + band` (read for placed cards only). */
  readonly slots: Int32Array;
  /** For each card's band, the card linked before it in that bucket + 1: a list per bucket, latest first. */
  private readonly next: Int32Array;
  private readonly sig = new Uint32Array(HASHES);

  /** @param placed how many of the `cards` will be placed (each band's table holds that many keys at most) */
  constructor(cards: number, placed = cards) {
    // A third of each table left empty keeps the probes short; the size need not be a power of two.
    this.capacity = Math.max(16, Math.ceil(placed * 1.5));
    this.table = new Int32Array(this.capacity * BANDS * 3);
    this.slots = new Int32Array(cards * BANDS);
    this.next = new Int32Array(cards * BANDS);
  }

  /** Puts card i (its set in `sets`) in the bucket of each of its bands. */
  place(i: number, sets: ShingleSets): void {
    const sig = this.sig;
    sets.signature(i, sig);
    const capacity = this.capacity;
    const table = this.table;
    for (let band = 0; band < BANDS; band++) {
      const stored = (mix(sig[band * ROWS]! ^ mix(sig[band * ROWS + 1]! ^ mix(sig[band * ROWS + 2]!))) & 0x3fffffff) + 1;
      const base = band * this.capacity;
      // The keys are hashes already: their remainder spreads them evenly.
      let at = stored % capacity;
      while (table[(base + at) * 3] !== 0 && table[(base + at) * 3] !== stored) at = at + 1 === capacity ? 0 : at + 1;
      const slot = base + at;
      table[slot * 3] = stored;
      table[slot * 3 + 1]!++;
      this.slots[i * BANDS + band] = slot;
    }
  }

  /** How many cards the bucket `slot` holds. */
  size(slot: number): number {
    return this.table[slot * 3 + 1]!;
  }

  /** Adds card i to the list of its bucket of `band`. */
  link(i: number, band: number): void {
    const slot = this.slots[i * BANDS + band]!;
    this.next[i * BANDS + band] = this.table[slot * 3 + 2]!;
    this.table[slot * 3 + 2] = i + 1;
  }

  /** The latest card linked in a bucket, or -1. */
  head(slot: number): number {
    return this.table[slot * 3 + 2]! - 1;
  }

  /** The card linked before card i in its bucket of `band`, or -1. */
  before(i: number, band: number): number {
    return this.next[i * BANDS + band]! - 1;
  }
}
