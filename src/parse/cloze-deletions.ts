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
  /** Deletions with the same group become one card (Anki's c1, c2 …); others are unique per gap. */
  group: string;
}

/** A `{{c1::` without its `}}`, reported by the caller as a problem. */
export interface UnclosedCloze {
  line: number;
  column: number;
}

const ANKI_OPEN_RE = /\{\{c(\d+)::/g;
const WORD_RE = /[\p{L}\p{N}_]/u;

/** Whether a masked line holds an Anki cloze opener `{{cN::`. */
export function hasAnkiCloze(masked: string): boolean {
  return masked.includes('{{c') && /\{\{c\d+::/.test(masked);
}

/** Anki cloze deletions `{{cN::text}}` and `{{cN::text::hint}}` of one line, grouped by N. */
export function ankiDeletions(line: ScannedLine, index: number, unclosed: UnclosedCloze[]): Deletion[] {
  const found: Deletion[] = [];
  const m = line.masked;
  ANKI_OPEN_RE.lastIndex = 0;
  for (let open = ANKI_OPEN_RE.exec(m); open; open = ANKI_OPEN_RE.exec(m)) {
    const contentStart = open.index + open[0].length;
    const close = m.indexOf('}}', contentStart);
    if (close < 0) {
      unclosed.push({ line: index, column: open.index });
      break; // no `}}` anywhere further on, so no later opener can close either
    }
    const content = line.text.slice(contentStart, close);
    const hintAt = m.slice(contentStart, close).indexOf('::');
    found.push({
      line: index,
      from: open.index,
      to: close + 2,
      text: hintAt < 0 ? content : content.slice(0, hintAt),
      hint: hintAt < 0 ? null : content.slice(hintAt + 2).trim() || null,
      group: `c${Number(open[1])}`,
    });
    ANKI_OPEN_RE.lastIndex = close + 2;
  }
  return found;
}

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
