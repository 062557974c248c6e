import type { ClozeGap } from './cloze-gaps.js';
import type { Finding } from './finding.js';

const GAP = '\u0000';
const OTHER_TERM = '\u0001';
/** An emphasised term other than the gap (`*netsplit*`, `_fail-slow_`, `**x**`): the author marked it as a name too. */
const EMPHASIS_RE = /\*\*([^*\n]{1,60})\*\*|\*([^*\n]{1,60})\*|(?<![\p{L}\p{N}])_([^_\n]{1,60})_(?![\p{L}\p{N}])/gu;
/** An item of a list: the gap or another marked term, with a bracketed note after it ("(Paxos)"). */
const ITEM = `[${GAP}${OTHER_TERM}](?:\\s*\\([^()]{1,30}\\))?`;
/** "A, B, or C" / "A or B" of marked terms, one of them the gap. */
const MARKED_OR_LIST_RE = new RegExp(`(?:${ITEM}\\s*,\\s*)*${ITEM},?\\s+or\\s+${ITEM}`, 'gu');
/** A term and its other name in brackets: "swapping to disk (paging)". */
const BRACKETED_NAME_RE = new RegExp(`${GAP}\\s*\\(${OTHER_TERM}\\)|${OTHER_TERM}\\s*\\(${GAP}\\)`, 'u');
/** Words that introduce names ("is called", "also known as"), and an article after them. */
const NAMING_CUE_RE = /\b(?:called|known as|named|termed|referred to as|aka|a\.k\.a\.|also|alternatively|i\.e\.,?)\s+(?:an?\s+|the\s+)?/g;
/**
 * A list of plain items (up to four words each, or a marked term) joined by
 * commas and "or", read where a naming cue ends (sticky: tried at that one
 * place, so a long sentence costs no backtracking over every position).
 */
const PLAIN_ITEM = `(?:[${GAP}${OTHER_TERM}]|[^\\s,.;:()${GAP}${OTHER_TERM}]+(?:\\s+(?!or\\s)[^\\s,.;:()${GAP}${OTHER_TERM}]+){0,3})`;
const PLAIN_OR_LIST_RE = new RegExp(`(?:${PLAIN_ITEM}\\s*,\\s*)*${PLAIN_ITEM},?\\s+or\\s+(?=\\S)`, 'y');

/** The lists of names that follow a naming cue in `s` (each up to its last "or"). */
function namedLists(s: string): string[] {
  const lists: string[] = [];
  NAMING_CUE_RE.lastIndex = 0;
  for (let cue = NAMING_CUE_RE.exec(s); cue; cue = NAMING_CUE_RE.exec(s)) {
    PLAIN_OR_LIST_RE.lastIndex = cue.index + cue[0].length;
    const list = PLAIN_OR_LIST_RE.exec(s);
    // The item after the last "or" is the word that follows it: where it ends cannot be told, and it does not matter.
    if (list) lists.push(list[0] + (/^\S+/.exec(s.slice(PLAIN_OR_LIST_RE.lastIndex))?.[0] ?? ''));
  }
  return lists;
}

/** The back with the gap as GAP and each other emphasised term as OTHER_TERM. */
function markedSentence(back: string, gap: ClozeGap): string {
  const mark = (text: string) => text.replace(EMPHASIS_RE, OTHER_TERM);
  return `${mark(back.slice(0, gap.from - 2))}${GAP}${mark(back.slice(gap.to + 2))}`;
}

/**
 * A finding when a gap hides one of several interchangeable names the
 * sentence lists ("called a **[...]**, gray failure, or fail-slow",
 * "swapping to disk (**[...]**)"): the other names on the front give it
 * away, and which of them is hidden is arbitrary. A list of different things
 * joined by "and" ("a time-of-day clock and a monotonic clock") is not one of
 * names.
 */
export function aliasCloze(back: string, gaps: readonly ClozeGap[]): Finding | null {
  // Names are listed with "or" or put in brackets; a sentence with neither is read no further (most are).
  const hasOr = /\bor\b/.test(back);
  if (!hasOr && !back.includes('(')) return null;
  for (const gap of gaps) {
    const s = markedSentence(back, gap);
    const lists = hasOr ? [...s.matchAll(MARKED_OR_LIST_RE)].map((m) => m[0]) : [];
    const named = hasOr ? namedLists(s) : [];
    const inList = [...lists, ...named].some((l) => l.includes(GAP));
    if (inList || BRACKETED_NAME_RE.test(s)) {
      return {
        rule: 'alias-cloze',
        message: `hides "${gap.text.replace(/[*_]/g, '')}", one of several names the sentence gives for one thing`,
        fix: 'Hide the concept the names share, or ask "What are the names for …?" in one card',
      };
    }
  }
  return null;
}
