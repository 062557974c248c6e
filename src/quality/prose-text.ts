/**
 * The prose of a card side as the rules read it: markdown marks dropped,
 * fenced code left out (code is an answer of its own kind, never "several
 * facts"), words and sentences counted without NLP. Everything here is linear
 * in the text and cheap, so cardFindings can decide whether a rule that needs
 * parts of speech could apply before it pays for the NLP.
 */

const FENCE_RE = /^[ \t]*(```+|~~~+)[^\n]*\n[\s\S]*?(?:^[ \t]*\1[ \t]*$|(?![\s\S]))/gm;
const LINK_RE = /!?\[([^[\]\n]*)\]\([^()\n]*\)/g;
const WIKI_RE = /\[\[([^[\]|\n]*)(?:\|([^[\]\n]*))?\]\]/g;
const MARK_RE = /[*~`]+|==/g;
/** An underscore that marks emphasis: not inside a word (`snake_case` keeps its own). */
const UNDERSCORE_RE = /(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu;
const BULLET_RE = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+/gm;
const WORD_RE = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;

/** `markdown` without its fenced code blocks. */
export function withoutCode(markdown: string): string {
  return markdown.replace(FENCE_RE, '');
}

/** Plain text of `markdown`: code blocks dropped, links to their text, emphasis, ticks and bullets dropped, whitespace folded. */
export function proseOf(markdown: string): string {
  // Each pass only when its characters occur: this runs on every side of every card.
  let text = markdown.includes('```') || markdown.includes('~~~') ? withoutCode(markdown) : markdown;
  if (text.includes('](') || text.includes('[[')) text = text.replace(WIKI_RE, (_m, target: string, label?: string) => label ?? target).replace(LINK_RE, '$1');
  if (text.includes('\n')) text = text.replace(BULLET_RE, '');
  if (/[*~`=]/.test(text)) text = text.replace(MARK_RE, '');
  if (text.includes('_')) text = text.replace(UNDERSCORE_RE, '');
  return (UNFOLDED_RE.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
}

/** Whitespace that folding changes: any but a space, or two spaces in a row (most text has none, and skips the copy). */
const UNFOLDED_RE = /[^\S ]| {2}/;

/** The words of `text`, lower-cased, in order (hyphenated and dotted words kept whole: "time-of-day", "e.g"). */
export function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(WORD_RE) ?? []);
}

/** Function words: they say nothing about what a card asks, so comparisons and labels leave them out. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  ('a an the and or but nor so of in on at to for from by with without about into onto over under between among through ' +
    'during before after above below as than then that this these those there here it its it\'s they them their theirs he him his ' +
    'she her we us our you your i me my is are was were be been being am do does did done has have had having can could may ' +
    'might must shall should will would not no yes if when while where which who whom whose what why how all any each every ' +
    'some such both either neither one ones other another more most less least much many very also just only too up down out off')
    .split(' '),
);

/** The words of `text` that carry meaning: stop words left out, a plural's `s` dropped so "tokens" meets "token". */
export function contentWordsOf(text: string): string[] {
  const words: string[] = [];
  for (const w of wordsOf(text)) {
    if (STOP_WORDS.has(w)) continue;
    words.push(w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);
  }
  return words;
}

// A sentence ends at . ! or ? (and any closing quote or bracket) before a space and
// a capital, a digit or an opening quote: "e.g. the" and "3.5 s" do not end one.
const SENTENCE_END_RE = /(?<!\b(?:e\.g|i\.e|etc|vs|cf|approx|Fig|Dr|Mr|Mrs|Ms|St|\p{Lu}))[.!?]["'”’)\]]*\s+(?=["“'‘(]?[\p{Lu}\p{N}])/gu;

/** How many sentences the plain text `prose` holds (0 for none). */
export function sentenceCount(prose: string): number {
  if (prose.trim() === '') return 0;
  return 1 + (prose.match(SENTENCE_END_RE)?.length ?? 0);
}

/** The sentences of the plain text `prose`, trimmed, in order. */
export function sentencesOf(prose: string): string[] {
  const found: string[] = [];
  let at = 0;
  for (const m of prose.matchAll(SENTENCE_END_RE)) {
    const end = m.index + m[0].length;
    found.push(prose.slice(at, end).trim());
    at = end;
  }
  const rest = prose.slice(at).trim();
  if (rest !== '') found.push(rest);
  return found;
}

const LIST_ITEM_RE = /^[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S/gm;

/** How many top-level list items `markdown` holds outside its code blocks. */
export function listItemCount(markdown: string): number {
  return withoutCode(markdown).match(LIST_ITEM_RE)?.length ?? 0;
}
