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
/** Words that introduce names, then a list of plain items (up to four words each) joined by commas and "or". */
const PLAIN_WORDS = `(?:${GAP}|${OTHER_TERM}|[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*(?:\\s+[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*){0,3})`;
const NAMED_OR_LIST_RE = new RegExp(
  `\\b(?:called|known as|named|termed|referred to as|aka|a\\.k\\.a\\.|also|alternatively|i\\.e\\.,?)\\s+(?:an?\\s+|the\\s+)?(${PLAIN_WORDS}(?:\\s*,\\s*(?:or\\s+)?${PLAIN_WORDS}|\\s+or\\s+${PLAIN_WORDS})+)`,
  'gu',
);

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
    const named = hasOr ? [...s.matchAll(NAMED_OR_LIST_RE)].map((m) => m[1]!).filter((l) => /\sor\s/.test(l)) : [];
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
