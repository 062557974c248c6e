import { clozeGaps } from './cloze-gaps.js';
import { BandBuckets, BANDS, ShingleSets } from './band-index.js';
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

/**
 * What the pair search reads of a list of cards, made once: each card's word
 * pairs (cards under MIN_WORDS words have none), the first card of each
 * normalised text, and the band buckets of each such first card (an exact
 * copy is paired with its first card only, so it joins no bucket).
 */
interface PairIndex {
  sets: ShingleSets;
  /** For each card, the first card with its normalised text (itself when it is the first); -1 when it is too short to compare. */
  first: Int32Array;
  buckets: BandBuckets;
}

function indexCards(cards: readonly DuplicateCandidate[]): PairIndex {
  const n = cards.length;
  const sets = new ShingleSets(n);
  const first = new Int32Array(n).fill(-1);
  const byText = new Map<string, number>();
  let placed = 0;
  for (let i = 0; i < n; i++) {
    const text = normalisedText(cards[i]!);
    const words = text === '' ? [] : text.split(' ');
    if (words.length < MIN_WORDS) {
      sets.add([]);
      continue;
    }
    sets.add(words);
    const earlier = byText.get(text);
    if (earlier !== undefined) {
      first[i] = earlier;
      continue;
    }
    byText.set(text, i);
    first[i] = i;
    placed++;
  }
  // Sized for the cards placed, not all: the smaller the table, the more of it the processor's cache holds.
  const buckets = new BandBuckets(n, placed);
  for (let i = 0; i < n; i++) if (first[i] === i) buckets.place(i, sets);
  return { sets, first, buckets };
}

/** Whether two cards are near: Jaccard of their sets at least `similarity`, or the smaller set contained; the Jaccard rounded, or null. */
function nearness(sets: ShingleSets, i: number, j: number, similarity: number): number | null {
  const shared = sets.overlap(i, j);
  const a = sets.size(i);
  const b = sets.size(j);
  const jaccard = shared / (a + b - shared);
  const smaller = Math.min(a, b);
  const contained = smaller >= Math.max(a, b) / 2 && shared >= CONTAINED_SHARE * smaller;
  return jaccard >= similarity || contained ? Math.round(jaccard * 100) / 100 : null;
}

/** Whether cards i and j are siblings (cut from one note): a lookup in numbered groups, since it is asked of every pair compared. */
function siblingTest(cards: readonly DuplicateCandidate[]): (i: number, j: number) => boolean {
  if (!cards.some((c) => c.sibling != null)) return () => false;
  const ids = new Map<string, number>();
  const group = new Int32Array(cards.length).fill(-1);
  cards.forEach((c, i) => {
    if (c.sibling == null) return;
    if (!ids.has(c.sibling)) ids.set(c.sibling, ids.size);
    group[i] = ids.get(c.sibling)!;
  });
  return (i, j) => group[i] !== -1 && group[i] === group[j];
}

/** Whether a bucket of this many cards is compared within: two or more, and not a shared template. */
const comparable = (size: number) => size >= 2 && size <= MAX_BUCKET;

/**
 * Pairs of cards that ask the same thing: the same normalised text (case,
 * markup, punctuation and where a cloze's gaps are folded away), or nearly
 * the same — Jaccard similarity of their word pairs at least
 * NEAR_DUPLICATE_SIMILARITY, or the shorter one's word pairs (at least half
 * as many as the longer one's) at least 90% within the longer. Two editions
 * of one chapter give such pairs. Siblings (same `sibling`) are never paired,
 * nor cards under MIN_WORDS words.
 *
 * Exact duplicates are found by hashing; near ones by MinHash banding: two
 * cards are compared when they share a band bucket of at most MAX_BUCKET
 * cards, so the work grows with the number of cards, not its square (a
 * shorter card much smaller than the longer one that contains it can be
 * missed: below half its size, the two are not the same card anyway).
 * @param similarity the Jaccard similarity at or above which two cards are a pair
 * @returns pairs ordered by `a`, then `b`
 */
export function nearDuplicates(cards: readonly DuplicateCandidate[], similarity: number = NEAR_DUPLICATE_SIMILARITY): DuplicatePair[] {
  const n = cards.length;
  const { sets, first, buckets } = indexCards(cards);
  const sibling = siblingTest(cards);
  // Every card in the lists of its comparable buckets, latest first, so a card's later partners come first.
  for (let i = 0; i < n; i++) {
    if (first[i] !== i) continue;
    for (let band = 0; band < BANDS; band++) if (comparable(buckets.size(buckets.slots[i * BANDS + band]!))) buckets.link(i, band);
  }
  const pairs: DuplicatePair[] = [];
  // Card i's later partners, each compared once: seen[j] === i marks j as compared with i.
  const seen = new Int32Array(n).fill(-1);
  const row: DuplicatePair[] = [];
  for (let i = 0; i < n; i++) {
    if (first[i] === -1) continue;
    if (first[i] !== i) {
      // Copies of a text share its first card's near pairs: pair each copy with the first only, which is enough to report it.
      if (!sibling(first[i]!, i)) pairs.push({ a: first[i]!, b: i, similarity: 1, exact: true });
      continue;
    }
    row.length = 0;
    for (let band = 0; band < BANDS; band++) {
      const slot = buckets.slots[i * BANDS + band]!;
      if (!comparable(buckets.size(slot))) continue;
      for (let j = buckets.head(slot); j > i; j = buckets.before(j, band)) {
        if (seen[j] === i) continue;
        seen[j] = i;
        if (sibling(i, j)) continue;
        const near = nearness(sets, i, j, similarity);
        if (near !== null) row.push({ a: i, b: j, similarity: near, exact: false });
      }
    }
    row.sort((p, q) => p.b - q.b);
    for (const pair of row) pairs.push(pair);
  }
  return pairs.sort((p, q) => p.a - q.a || p.b - q.b);
}

/**
 * The cards that repeat an earlier card which is kept: what a walk over
 * {@link nearDuplicates}' pairs in order gives when it keeps the first card
 * of every pair and leaves out the second (unless one of them was left out
 * already) — each left-out card with the kept card it repeats (the first such
 * pair), ordered as those pairs are. Made without listing every pair: a card
 * is compared only with the kept cards before it, which in notes full of
 * repeats is far fewer than all the cards it resembles.
 * @param similarity the Jaccard similarity at or above which two cards are a pair
 */
export function laterRepeats(cards: readonly DuplicateCandidate[], similarity: number = NEAR_DUPLICATE_SIMILARITY): { a: number; b: number }[] {
  const n = cards.length;
  const { sets, first, buckets } = indexCards(cards);
  const sibling = siblingTest(cards);
  const left = new Uint8Array(n);
  const seen = new Int32Array(n).fill(-1);
  const found: { a: number; b: number }[] = [];
  const candidates: number[] = [];
  for (let b = 0; b < n; b++) {
    if (first[b] === -1) continue;
    if (first[b] !== b) {
      const a = first[b]!;
      if (!sibling(a, b) && left[a] === 0) {
        left[b] = 1;
        found.push({ a, b });
      }
      continue;
    }
    // The kept cards before b that share a comparable bucket with it (the buckets list kept cards only).
    candidates.length = 0;
    for (let band = 0; band < BANDS; band++) {
      const slot = buckets.slots[b * BANDS + band]!;
      if (!comparable(buckets.size(slot))) continue;
      for (let a = buckets.head(slot); a !== -1; a = buckets.before(a, band)) {
        if (seen[a] === b) continue;
        seen[a] = b;
        if (!sibling(a, b)) candidates.push(a);
      }
    }
    // The first kept card it pairs with is the one the walk over ordered pairs leaves it out for.
    candidates.sort((x, y) => x - y);
    const a = candidates.find((c) => nearness(sets, c, b, similarity) !== null);
    if (a !== undefined) {
      left[b] = 1;
      found.push({ a, b });
      continue;
    }
    for (let band = 0; band < BANDS; band++) if (comparable(buckets.size(buckets.slots[b * BANDS + band]!))) buckets.link(b, band);
  }
  return found.sort((p, q) => p.a - q.a || p.b - q.b);
}
