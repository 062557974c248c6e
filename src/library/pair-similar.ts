/** Posting lists read per new text to find candidates, rarest first. */
const CANDIDATE_LISTS = 8;
/** Past the first list, lists longer than this add nothing worth their cost. */
const LONG_LIST = 256;
/** Old texts scored per new text at most: those sharing the most rare tokens. */
const MAX_CANDIDATES = 32;

/**
 * Pairs leftover old cards with leftover new ones by text similarity (Dice
 * coefficient over character trigrams), best pairs first, one to one, keeping
 * pairs at or above `threshold`. Candidates for a new text are the old texts
 * sharing most of its rarest words (the words that tell templated cards apart),
 * or of its rarest trigrams when it shares no word; every candidate is then
 * scored on all its trigrams, and kept when `accept` agrees. Work stays near
 * linear in the number of texts.
 * @returns pairs of [old index, new index]
 */
export function pairSimilar(
  oldTexts: readonly string[],
  newTexts: readonly string[],
  threshold: number,
  accept: (oldIndex: number, newIndex: number) => boolean = () => true,
): [number, number][] {
  if (oldTexts.length === 0 || newTexts.length === 0) return [];
  const oldGrams = oldTexts.map(trigrams);
  const wordIndex = invertedIndex(oldTexts.map(words));
  const gramIndex = invertedIndex(oldGrams);
  const candidates: { score: number; o: number; n: number }[] = [];
  newTexts.forEach((text, n) => {
    const grams = trigrams(text);
    let chosen = likelyOlds(words(text), wordIndex);
    if (chosen.length === 0) chosen = likelyOlds(grams, gramIndex);
    for (const o of chosen) {
      const score = dice(grams, oldGrams[o]!);
      if (score >= threshold && accept(o, n)) candidates.push({ score, o, n });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.o - b.o || a.n - b.n);
  const usedOld = new Set<number>();
  const usedNew = new Set<number>();
  const pairs: [number, number][] = [];
  for (const c of candidates) {
    if (usedOld.has(c.o) || usedNew.has(c.n)) continue;
    usedOld.add(c.o);
    usedNew.add(c.n);
    pairs.push([c.o, c.n]);
  }
  return pairs;
}

/** The old texts sharing the most of the rarest of `tokens`, at most {@link MAX_CANDIDATES}. */
function likelyOlds(tokens: Set<string>, index: Map<string, number[]>): number[] {
  const lists: number[][] = [];
  for (const t of tokens) {
    const list = index.get(t);
    if (list) lists.push(list);
  }
  lists.sort((a, b) => a.length - b.length);
  const hits = new Map<number, number>();
  for (let k = 0; k < lists.length && k < CANDIDATE_LISTS; k++) {
    if (k > 0 && lists[k]!.length > LONG_LIST) break;
    for (const o of lists[k]!) hits.set(o, (hits.get(o) ?? 0) + 1);
  }
  return [...hits.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, MAX_CANDIDATES)
    .map(([o]) => o);
}

function invertedIndex(sets: readonly Set<string>[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  sets.forEach((set, i) => {
    for (const t of set) {
      const list = index.get(t);
      if (list) list.push(i);
      else index.set(t, [i]);
    }
  });
  return index;
}

/** Dice coefficient of two texts' trigram sets (1 for equal texts, 0 for nothing shared). */
export function textSimilarity(a: string, b: string): number {
  return a === b ? 1 : dice(trigrams(a), trigrams(b));
}

function dice(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const g of small) if (large.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}

function words(text: string): Set<string> {
  return new Set(text.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== ''));
}

function trigrams(text: string): Set<string> {
  const padded = `  ${text} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}
