import type { Finding } from './finding.js';

/**
 * Openings that lean on the sentence before: a pronoun or demonstrative
 * ("This is known as …", "Such behavior …", "It also …") or a connective
 * that answers it ("By contrast, …", "However, …"). Case matters: "IT" and
 * "THIS" as words of a title are not pronouns.
 */
const LEANING_RE =
  /^(?:(?:This|These|That|Those|It|Its|It's|They|Them|Their|Such|He|She|His|Her|The former|The latter|The same)\b(?![-'’]\w)|(?:By contrast|In contrast|On the other hand|However|Therefore|Thus|Hence|Consequently|As a result|For this reason|Because of this|In that case|In this case|In either case|Instead|Similarly|Likewise|Moreover|Furthermore|Otherwise|Also|Then|But|And|So|Yet)\b(?![-'’]\w),?)/;

/**
 * A finding when the question starts by pointing back at text the card does
 * not show ("This is known as a **[...]**", "By contrast, …") and the card
 * has no context to give the referent. A question word first ("What is
 * this?") is a question, and a card with context (a title block's
 * paragraph, a derived card's sentence before) is left alone.
 */
export function unresolvedReference(card: { front: string; context: string | null }, frontProse: string): Finding | null {
  if (card.context !== null && card.context.trim() !== '') return null;
  const m = LEANING_RE.exec(frontProse);
  if (!m) return null;
  const opening = m[0].replace(/,$/, '');
  return {
    rule: 'unresolved-reference',
    message: `starts with "${opening}" but nothing on the card says what it refers to`,
    fix: `Name what "${opening}" stands for in the question, or add the sentence before as context`,
  };
}
