/**
 * Pairs leftover old cards with leftover new ones by text similarity (Dice
 * coefficient over character trigrams), best pairs first, one to one, keeping
 * pairs at or above `threshold`. An inverted index keeps this near linear when
 * few texts are alike; trigrams found in most old texts are skipped for large
 * sets, which only lowers scores.
 * @returns pairs of [old index, new index]
 */
export function pairSimilar(oldTexts: readonly string[], newTexts: readonly string[], threshold: number): [number, number][] {
  if (oldTexts.length === 0 || newTexts.length === 0) return [];
  const oldGrams = oldTexts.map(trigrams);
  const index = new Map<string, number[]>();
  oldGrams.forEach((grams, i) => {
    for (const g of grams) {
      const list = index.get(g);
      if (list) list.push(i);
      else index.set(g, [i]);
    }
  });
  const tooCommon = oldTexts.length >= 200 ? oldTexts.length / 4 : Infinity;
  const candidates: { score: number; o: number; n: number }[] = [];
  const shared = new Int32Array(oldTexts.length);
  newTexts.forEach((text, n) => {
    const grams = trigrams(text);
    const touched: number[] = [];
    for (const g of grams) {
      const list = index.get(g);
      if (!list || list.length > tooCommon) continue;
      for (const o of list) {
        if (shared[o] === 0) touched.push(o);
        shared[o]!++;
      }
    }
    for (const o of touched) {
      const score = (2 * shared[o]!) / (grams.size + oldGrams[o]!.size);
      if (score >= threshold) candidates.push({ score, o, n });
      shared[o] = 0;
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

function trigrams(text: string): Set<string> {
  const padded = `  ${text} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}
