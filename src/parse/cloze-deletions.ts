import type { TextEdit } from './card-text.js';
import type { ScannedLine } from './scan-lines.js';

/** One gap of a cloze note, found in a line's masked text. */
export interface Deletion {
  /** Line index, and the columns of the whole marker including its delimiters. */
  line: number;
  from: number;
  to: number;
  /** The hidden text, as written. */
  text: string;
  hint: string | null;
  /** Deletions with the same group become one card; each gap has a group of its own. */
  group: string;
}

const WORD_RE = /[\p{L}\p{N}_]/u;

/**
 * Obsidian highlight deletions `==text==` of one line. A delimiter is a run of
 * exactly two `=`; the text must not start or end with a space, an opening
 * `==` must not follow a word character nor a closing one precede one (so
 * `a == b`, `x === y` and `x==y and y==z` are not gaps).
 */
export function highlightDeletions(line: ScannedLine, index: number): Deletion[] {
  const m = line.masked;
  if (!m.includes('==')) return [];
  const delims: number[] = [];
  for (let i = m.indexOf('='); i >= 0 && i < m.length; ) {
    let j = i;
    while (j < m.length && m.charCodeAt(j) === 61) j++;
    if (j - i === 2) delims.push(i);
    i = m.indexOf('=', j);
  }
  const found: Deletion[] = [];
  for (let k = 0; k + 1 < delims.length; ) {
    const from = delims[k]!;
    const to = delims[k + 1]!;
    const text = line.text.slice(from + 2, to);
    const opens = from === 0 || !WORD_RE.test(m[from - 1]!);
    const closes = to + 2 >= m.length || !WORD_RE.test(m[to + 2]!);
    if (text.length > 0 && !/^\s|\s$/.test(text) && opens && closes) {
      found.push({ line: index, from, to: to + 2, text, hint: null, group: `h${index}:${found.length}` });
      k += 2;
    } else {
      k += 1;
    }
  }
  return found;
}

/**
 * `[text]` deletions of a `C:` line from column `start`. Not deletions: `\[`
 * escapes, links `[a](b)` and `[a][b]`, images `![a](b)`, wiki links `[[a]]`,
 * footnotes `[^1]`, empty `[]`.
 */
export function bracketDeletions(line: ScannedLine, index: number, start: number): Deletion[] {
  const m = line.masked;
  const found: Deletion[] = [];
  let i = m.indexOf('[', start);
  let wikiClosers = true; // once no `]]` is left, later `[[` need not search again
  while (i >= 0) {
    if (isEscaped(m, i)) {
      i = m.indexOf('[', i + 1);
      continue;
    }
    const close = nextUnescaped(m, ']', i + 1);
    if (close < 0) break; // nothing can close this or any later bracket
    const isImage = i > 0 && m[i - 1] === '!' && !isEscaped(m, i - 1);
    const isWiki = m[i + 1] === '[';
    const after = m[close + 1];
    const text = line.text.slice(i + 1, close);
    const isLinkText = after === '(' || after === '[';
    if (isWiki) {
      const wikiEnd = wikiClosers ? m.indexOf(']]', i + 2) : -1;
      if (wikiEnd < 0) wikiClosers = false;
      i = m.indexOf('[', wikiEnd < 0 ? close + 1 : wikiEnd + 2);
      continue;
    }
    if (!isImage && !isLinkText && text.trim() !== '' && !text.startsWith('^')) {
      found.push({ line: index, from: i, to: close + 1, text, hint: null, group: `b${index}:${found.length}` });
    }
    // The `[ref]` of a reference link `[text][ref]` is not a gap either.
    const refEnd = after === '[' ? nextUnescaped(m, ']', close + 2) : -1;
    i = m.indexOf('[', refEnd >= 0 ? refEnd + 1 : close + 1);
  }
  return found;
}

function isEscaped(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && text.charCodeAt(k) === 92) k--;
  return (at - 1 - k) % 2 === 1;
}

function nextUnescaped(text: string, ch: string, from: number): number {
  let at = text.indexOf(ch, from);
  while (at >= 0 && isEscaped(text, at)) at = text.indexOf(ch, at + 1);
  return at;
}

/**
 * The cards of one cloze note, as edits over its lines: what each card's front
 * and back put in place of the note's gaps, and what they hide (for its key).
 */
export interface ClozePlan {
  /** The edits that fill every gap: the note's plain text. */
  plain: TextEdit[];
  /** In the order their gaps first appear in the note. */
  cards: ClozeCardPlan[];
}

/** One card of a cloze note. */
export interface ClozeCardPlan {
  front: TextEdit[];
  back: TextEdit[];
  /** The texts the card hides, in order. */
  hidden: string[];
  /** Line index of the card's first gap. */
  line: number;
  /** Where the card goes among the note's cards (Anki's card number; else its first gap's place). */
  order: number;
}

/**
 * The plan of a note whose deletions are grouped by `group`: one card a group.
 * `around` edits the text outside the gaps on every side (never overlapping a gap).
 */
export function groupPlan(deletions: readonly Deletion[], around: readonly TextEdit[] = []): ClozePlan {
  const groups = new Map<string, Deletion[]>();
  for (const d of deletions) {
    const g = groups.get(d.group);
    if (g) g.push(d);
    else groups.set(d.group, [d]);
  }
  const edits = (show: (d: Deletion) => string): TextEdit[] => {
    const gaps = deletions.map((d) => ({ line: d.line, from: d.from, to: d.to, insert: show(d) }));
    return around.length === 0 ? gaps : [...gaps, ...around].sort((a, b) => a.line - b.line || a.from - b.from);
  };
  const cards: ClozeCardPlan[] = [];
  for (const group of groups.values()) {
    const inGroup = new Set(group);
    cards.push({
      front: edits((d) => (inGroup.has(d) ? `**[${d.hint ?? '...'}]**` : d.text)),
      back: edits((d) => (inGroup.has(d) ? `**${d.text}**` : d.text)),
      hidden: group.map((d) => d.text),
      line: group[0]!.line,
      order: cards.length,
    });
  }
  return { plain: edits((d) => d.text), cards };
}
