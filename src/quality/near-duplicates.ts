import { clozeGaps } from './cloze-gaps.js';
import { wordsOf } from './prose-text.js';

/** What nearDuplicates reads of a card. */
export interface DuplicateCandidate {
  kind: 'basic' | 'reversed' | 'cloze';
  front: string;
  back: string;
  /** Cards made from one note share this (a cloze's deletions, two directions): they are siblings, never duplicates. */
  sibling?: string | null;
}

/** Two cards that ask the same thing: indexes into the list given, `a < b`. */
export interface DuplicatePair {
  a: number;
  b: number;
  /** Jaccard similarity of their word pairs, 0..1 (1 for the same normalised text). */
  similarity: number;
  /** Their normalised texts are the same. */
  exact: boolean;
}

/**
 * Two cards derived from notes this alike are one card: editions of a
 * chapter change a word or two of a sentence ("shard" for "partition"),
 * which in a short card is a quarter of its word pairs. Written cards keep
 * the stricter bar of the lint.
 */
export const DERIVED_REPEAT_SIMILARITY = 0.6;

/**
 * What a derived card is compared by for repeats: a basic card's question
 * alone (two editions may answer it in other words), a cloze whole.
 */
export function askedPart(card: DuplicateCandidate): DuplicateCandidate {
  return card.kind === 'basic' ? { kind: card.kind, front: card.front, back: '' } : card;
}

/** At or above this Jaccard similarity of word pairs two cards are near-duplicates. */
export const NEAR_DUPLICATE_SIMILARITY = 0.8;
/** At or above this share of the shorter card's word pairs found in the longer one, it "contains" it. */
const CONTAINED_SHARE = 0.9;
/** A card needs this many words to be compared at all: "Paris" and "Paris" are not a finding. */
const MIN_WORDS = 4;

// MinHash with banding: BANDS bands of ROWS hashes. Pairs at Jaccard 0.8 share a
// band with probability 1 - (1 - 0.8^3)^16 > 0.9999, at 0.5 about 0.88, at 0.1
// about 0.016 — so near pairs are found without comparing every pair of cards.
const BANDS = 16;
const ROWS = 3;
const HASHES = BANDS * ROWS;
/**
 * A band bucket bigger than this is a shared template ("What is the capital
 * of …?"), not duplicates: it is skipped, since a near pair also shares the
 * bands its own words win, whose buckets are small. Keeps the work linear.
 */
const MAX_BUCKET = 64;

/**
 * The text a card asks about, normalised to its words in lower case (markup
 * and punctuation gone, code kept: two "What does this print?" cards differ
 * in their code): a cloze's whole sentence (where its gaps are does not
 * matter), else front and back.
 */
export function normalisedText(card: DuplicateCandidate): string {
  const text = card.kind === 'cloze' && clozeGaps(card).length > 0 ? card.back : `${card.front}\n${card.back}`;
  return wordsOf(text).join(' ');
}

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

/** The word pairs ("shingles") of a normalised text, hashed (each word once, then pairs of hashes mixed); a one-word text is its word. */
function shingles(words: readonly string[]): Set<number> {
  const set = new Set<number>();
  const hashes = words.map(fnv);
  if (hashes.length === 1) set.add(hashes[0]!);
  for (let i = 0; i + 1 < hashes.length; i++) set.add(mix(hashes[i]! ^ Math.imul(hashes[i + 1]!, 0x9e3779b1)));
  return set;
}

/**
 * The MinHash signature of a set: for each of HASHES hash functions, the
 * least hash of a member. The functions are h1 + k * h2 of two mixes of the
 * member (double hashing): as good for MinHash as independent ones, and far
 * cheaper.
 */
function signature(set: ReadonlySet<number>): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (const s of set) {
    const h1 = mix(s);
    const h2 = mix(s ^ 0x9e3779b9) | 1;
    let h = h1;
    for (let k = 0; k < HASHES; k++) {
      if (h >>> 0 < sig[k]!) sig[k] = h >>> 0;
      h = (h + h2) | 0;
    }
  }
  return sig;
}

function overlap(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of small) if (large.has(x)) n++;
  return n;
}

/**
 * Pairs of cards that ask the same thing: the same normalised text (case,
 * markup, punctuation and where a cloze's gaps are folded away), or nearly
 * the same — Jaccard similarity of their word pairs at least
 * NEAR_DUPLICATE_SIMILARITY, or the shorter one's word pairs (at least half
 * as many as the longer one's) at least 90% within the longer. Two editions
 * of one chapter give such pairs. Siblings (same `sibling`) are never paired,
 * nor cards under MIN_WORDS words.
 *
 * Exact duplicates are found by hashing; near ones by MinHash banding, so
 * the work grows with the number of cards, not its square (a shorter card
 * much smaller than the longer one that contains it can be missed: below
 * half its size, the two are not the same card anyway).
 * @param similarity the Jaccard similarity at or above which two cards are a pair
 * @returns pairs ordered by `a`, then `b`
 */
export function nearDuplicates(cards: readonly DuplicateCandidate[], similarity: number = NEAR_DUPLICATE_SIMILARITY): DuplicatePair[] {
  const texts = cards.map(normalisedText);
  const pairs = new Map<string, DuplicatePair>();
  const sibling = (i: number, j: number) => cards[i]!.sibling != null && cards[i]!.sibling === cards[j]!.sibling;
  const record = (i: number, j: number, similarity: number, exact: boolean) => {
    const [a, b] = i < j ? [i, j] : [j, i];
    const key = `${a} ${b}`;
    if (!pairs.has(key)) pairs.set(key, { a, b, similarity, exact });
  };

  const byText = new Map<string, number>();
  const sets: (Set<number> | null)[] = texts.map((text, i) => {
    const words = text === '' ? [] : text.split(' ');
    if (words.length < MIN_WORDS) return null;
    const first = byText.get(text);
    if (first === undefined) byText.set(text, i);
    else if (!sibling(first, i)) record(first, i, 1, true);
    return shingles(words);
  });

  // One map per band, keyed by the band's rows mixed into 30 bits (small integers, which
  // V8 keeps unboxed); a lone card is kept as its index, an array only once a second
  // card joins. A rare collision of keys only adds a pair to compare.
  const buckets: Map<number, number | number[]>[] = Array.from({ length: BANDS }, () => new Map());
  sets.forEach((set, i) => {
    if (set === null || byText.get(texts[i]!) !== i) return; // an exact copy is paired with its first already
    const sig = signature(set);
    for (let band = 0; band < BANDS; band++) {
      const key = mix(sig[band * ROWS]! ^ mix(sig[band * ROWS + 1]! ^ mix(sig[band * ROWS + 2]!))) & 0x3fffffff;
      const map = buckets[band]!;
      const bucket = map.get(key);
      if (bucket === undefined) map.set(key, i);
      else if (typeof bucket === 'number') map.set(key, [bucket, i]);
      else bucket.push(i);
    }
  });

  const n = cards.length;
  const compared = new Set<number>();
  for (const bucket of buckets.flatMap((map) => [...map.values()].filter((b): b is number[] => typeof b !== 'number'))) {
    if (bucket.length > MAX_BUCKET) continue;
    for (let x = 0; x < bucket.length; x++) {
      for (let y = x + 1; y < bucket.length; y++) {
        const i = bucket[x]!;
        const j = bucket[y]!;
        const key = i < j ? i * n + j : j * n + i;
        if (compared.has(key) || sibling(i, j)) continue;
        compared.add(key);
        const a = sets[i]!;
        const b = sets[j]!;
        const shared = overlap(a, b);
        const jaccard = shared / (a.size + b.size - shared);
        const smaller = Math.min(a.size, b.size);
        const contained = smaller >= Math.max(a.size, b.size) / 2 && shared >= CONTAINED_SHARE * smaller;
        if (jaccard >= similarity || contained) record(i, j, Math.round(jaccard * 100) / 100, false);
      }
    }
  }
  // Copies of a text share its first card's near pairs: pair each copy with the first only (above), which is enough to report it.
  return [...pairs.values()].sort((p, q) => p.a - q.a || p.b - q.b);
}
