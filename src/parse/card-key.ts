import { hash } from 'node:crypto';

const NON_ASCII_RE = /[^\x00-\x7f]/;
/**
 * Emphasis, code and highlight markers, dropped (`**TCP**?` keys like `TCP?`);
 * `_` only at a word's edge, so `snake_case` stays. Characters that carry
 * meaning (`C#`, `>=`, `a|b`) are kept.
 */
const MARKUP_RE = /`+|\*+|~~|==|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu;
const SPACE_RE = /\s+/g;
/** A character MARKUP_RE needs: without one it cannot match, and its replace (a Unicode regex) is skipped. */
const MARKUP_CHAR_RE = /[`*~=_]/;
/** Whitespace that SPACE_RE would change: any but a plain space, or two plain spaces. Without it the replace is skipped. */
const SPACE_TO_COLLAPSE_RE = /[^\S ]|  /;

/**
 * Text reduced to what identifies a card: Unicode-normalised (NFKC), case-folded,
 * emphasis and code markers dropped and whitespace runs collapsed, so that
 * re-formatting a card (bold, code ticks, line breaks) never changes its identity.
 */
export function normaliseForKey(text: string): string {
  // NFKC is the slow part and cannot change pure ASCII, which most cards are.
  const folded = NON_ASCII_RE.test(text) ? text.normalize('NFKC') : text;
  // Each replace runs only when it can change the text: most cards have no markup and single spaces,
  // and a replace of every single space by a space was a third of this function's time in a large import.
  let s = folded.toLowerCase();
  if (MARKUP_CHAR_RE.test(s)) s = s.replace(MARKUP_RE, '');
  if (SPACE_TO_COLLAPSE_RE.test(s)) s = s.replace(SPACE_RE, ' ');
  return s.trim();
}

/** A 32-hex-digit identity key for the given parts (already normalised by the caller). */
export function hashKey(parts: readonly string[]): string {
  return hash('sha256', parts.join('\u0000'), 'hex').slice(0, 32);
}
