import type { Card } from '../model/card.js';
import { codeBlocksOf, splitFenced } from '../parse/card-code.js';
import { plainTextOf } from '../parse/plain-text.js';
import { clozeGapsOf, joinGaps } from './card-answer.js';

/**
 * Longest short answer, in characters: past it the first sentence is an
 * explanation to read, not an answer to type word for word, and comparing a
 * paraphrase with it would mark knowledge wrong. (The same bound keeps quiz
 * options to one line.)
 */
export const SHORT_ANSWER_CHARS = 120;

/** A list item's marker at the start of a line: `-`, `*`, `+`, `1.`, `1)`, with a task box. */
const LIST_ITEM = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/;

/** Words before a full stop that do not end a sentence: `e.g.`, `i.e.`, `U.S.`, initials, common abbreviations. */
const ABBREVIATION = /^(?:(?:\p{L}\.)+\p{L}?|\p{Lu}|etc|vs|cf|approx|ca|incl|resp|Dr|Mr|Mrs|Ms|Prof|St|Fig|Eq|Sec|Ch)$/u;

/**
 * What a typed answer to `card` is compared with, as plain text, or null
 * when the card has no answer short enough to type (the user then grades
 * their typed answer against the card's answer). Found in this order:
 *
 * 1. a block in the answer in language `answer`, or marked `typed`: its text,
 *    as written (the card says exactly what to type);
 * 2. a cloze card: the text of its gaps, joined with ", " (once when all are the same);
 * 3. the answer's first block, when it is prose:
 *    - a list: its top-level items, joined with ", " (`- GET` / `- HEAD`);
 *    - a paragraph ending in ":" right before a list: that list;
 *    - a paragraph: its first sentence (it ends at `.`, `!` or `?` before a
 *      space and a word that does not start in lower case, outside
 *      brackets, and not after an abbreviation such as `e.g.`);
 *    and only when that is at most SHORT_ANSWER_CHARS long. An answer that
 *    starts with a code block or a table, or whose first sentence is longer,
 *    has none.
 *
 * Whatever follows the short answer (the rest of the back) is explanation:
 * it shows with the card's answer but never decides right or wrong, so
 * "GET, HEAD, PUT, DELETE, OPTIONS, TRACE.\n\nThese are idempotent because …"
 * is answered by typing the methods.
 */
export function shortAnswerOf(card: Pick<Card, 'front' | 'back'>): string | null {
  const marked = codeBlocksOf(card).find((b) => b.side === 'back' && (b.lang === 'answer' || b.attributes.includes('typed')));
  if (marked) return marked.code;
  const gaps = clozeGapsOf(card);
  if (gaps) return short(plainTextOf(joinGaps(gaps)));
  return short(firstBlockAnswer(card.back));
}

function short(text: string | null): string | null {
  const one = text?.replace(/\s+/g, ' ').trim() ?? '';
  return one !== '' && one.length <= SHORT_ANSWER_CHARS ? one : null;
}

/** The short answer the first block of `markdown` gives (a list's items, a paragraph's first sentence), or null. */
function firstBlockAnswer(markdown: string): string | null {
  const first = splitFenced(markdown).find((s) => s.kind === 'code' || s.text.trim() !== '');
  if (!first || first.kind === 'code') return null;
  const lines = first.text.split('\n');
  let at = lines.findIndex((l) => l.trim() !== '');
  const block: string[] = [];
  while (at < lines.length && lines[at]!.trim() !== '') block.push(lines[at++]!);
  if (block[0]!.trimStart().startsWith('|')) return null;
  if (LIST_ITEM.test(block[0]!)) return listItems(block);
  const listAt = block.findIndex((l) => LIST_ITEM.test(l));
  const paragraph = listAt < 0 ? block : block.slice(0, listAt);
  const text = plainTextOf(paragraph.join('\n')).replace(/\s+/g, ' ').trim();
  if (text.endsWith(':')) {
    // "The idempotent methods:" introduces the answer; the list under it is the answer.
    if (listAt >= 0) return listItems(block.slice(listAt));
    let next = at;
    while (next < lines.length && lines[next]!.trim() === '') next++;
    const list: string[] = [];
    while (next < lines.length && lines[next]!.trim() !== '') list.push(lines[next++]!);
    return list.length > 0 && LIST_ITEM.test(list[0]!) ? listItems(list) : null;
  }
  return firstSentence(text);
}

/** The top-level items of a list (lines indented as its first item), as plain text joined with ", ". */
function listItems(lines: readonly string[]): string {
  const indent = LIST_ITEM.exec(lines[0]!)?.[1]?.length ?? 0;
  const items: string[] = [];
  for (const line of lines) {
    const m = LIST_ITEM.exec(line);
    if (m && m[1]!.length === indent) items.push(plainTextOf(line.slice(m[0].length)));
  }
  return items.filter((i) => i !== '').join(', ');
}

/**
 * The first sentence of a paragraph (plain text on one line). A rule of our
 * own rather than Intl.Segmenter's: ICU's sentence breaks split after "e.g."
 * and "Dr.", which card answers are full of.
 */
export function firstSentence(text: string): string {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    else if (depth === 0 && (ch === '.' || ch === '!' || ch === '?')) {
      const end = sentenceEnd(text, i);
      if (end > 0) return text.slice(0, end);
    }
  }
  return text;
}

/** Where the sentence whose mark is at `at` ends (closing quotes and repeated marks included), or -1 when it goes on. */
function sentenceEnd(text: string, at: number): number {
  let end = at + 1;
  // Closing quotes and repeated marks ("Wait...", "Really?!") belong to the sentence.
  while (end < text.length && /["'”’)\].!?…]/.test(text[end]!)) end++;
  if (end >= text.length || !/\s/.test(text[end]!)) return -1;
  const next = text.slice(end).trimStart()[0];
  if (next === undefined || /\p{Ll}/u.test(next)) return -1;
  if (text[at] !== '.') return end;
  const word = /(\S+)$/.exec(text.slice(0, at))?.[1] ?? '';
  return ABBREVIATION.test(word.replace(/^["'“‘(]+/, '')) ? -1 : end;
}
