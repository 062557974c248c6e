import { isDerivedSyntax, type Card, type ParsedCard } from '../model/card.js';
import { normaliseForKey } from '../parse/card-key.js';
import { textSimilarity } from './pair-similar.js';

/** Past this many old × new cards sharing one question, they pair in file order instead of by score. */
const SCORED_GROUP = 4096;

/**
 * Pairs leftover stored cards derived from notes with leftover new derived
 * cards of the same file that ask the same question: the same kind and the
 * same normalised front, whatever their answers and the rule that made them.
 * Derived cards are keyed on their whole text and the rule's name, so a new
 * version of the rules that rewords an answer, or finds the card by another
 * rule, would otherwise make a new card and archive the old one with its
 * history; the question is what the learner studied. Where several cards ask
 * one question, those under the same headings and with the most similar
 * answers pair first (then file order), one to one. Written cards never take
 * part: their text is the user's, and its own identity rules hold.
 * @returns pairs of [old index, new index]
 */
export function pairSameQuestion(olds: readonly Card[], news: readonly ParsedCard[]): [number, number][] {
  const groups = new Map<string, { o: number[]; n: number[] }>();
  const group = (c: Card | ParsedCard): { o: number[]; n: number[] } => {
    const key = `${c.kind}\u0000${normaliseForKey(c.front)}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { o: [], n: [] }));
    return g;
  };
  olds.forEach((c, i) => {
    if (isDerivedSyntax(c.syntax)) group(c).o.push(i);
  });
  // A first import, or a file of written cards: nothing to pair, and no new card's front read.
  if (groups.size === 0) return [];
  news.forEach((c, i) => {
    // Only questions some old card asks: no group is made for the rest.
    if (!isDerivedSyntax(c.syntax)) return;
    const g = groups.get(`${c.kind}\u0000${normaliseForKey(c.front)}`);
    if (g) g.n.push(i);
  });
  const pairs: [number, number][] = [];
  for (const { o, n } of groups.values()) {
    if (o.length === 0 || n.length === 0) continue;
    if (o.length === 1 && n.length === 1) {
      pairs.push([o[0]!, n[0]!]);
      continue;
    }
    if (o.length * n.length > SCORED_GROUP) {
      for (let k = 0; k < Math.min(o.length, n.length); k++) pairs.push([o[k]!, n[k]!]);
      continue;
    }
    const scored: { score: number; oi: number; ni: number }[] = [];
    for (const oi of o) {
      for (const ni of n) {
        const sameHeadings = JSON.stringify(olds[oi]!.headingPath) === JSON.stringify(news[ni]!.headingPath) ? 1 : 0;
        scored.push({ score: sameHeadings + textSimilarity(normaliseForKey(olds[oi]!.back), normaliseForKey(news[ni]!.back)), oi, ni });
      }
    }
    scored.sort((a, b) => b.score - a.score || a.oi - b.oi || a.ni - b.ni);
    const usedOld = new Set<number>();
    const usedNew = new Set<number>();
    for (const s of scored) {
      if (usedOld.has(s.oi) || usedNew.has(s.ni)) continue;
      usedOld.add(s.oi);
      usedNew.add(s.ni);
      pairs.push([s.oi, s.ni]);
    }
  }
  return pairs;
}
