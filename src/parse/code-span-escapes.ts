import type { TextEdit } from './card-text.js';
import type { Deletion } from './cloze-deletions.js';
import type { ScannedLine } from './scan-lines.js';

/**
 * Columns of the backslashes that escape `[` or `]` inside the inline code of
 * a `C:` line, from column `from`. hashcards drops them, so `` [`\[`] `` hides
 * `` `[` ``: an escape is how a bracket gets into a gap, code or not. Markdown
 * keeps backslashes in code as written, so engram drops them from the card.
 */
export function codeSpanEscapes(line: ScannedLine, from: number): number[] {
  const { text, masked, comments } = line;
  if (!text.includes('`') || !text.includes('\\')) return [];
  const found: number[] = [];
  for (let at = text.indexOf('\\', from); at >= 0; at = text.indexOf('\\', at + 1)) {
    const next = text[at + 1];
    if ((next !== '[' && next !== ']') || masked[at] !== ' ' || inComment(comments, at)) continue;
    found.push(at);
    at++; // `\[` as a pair: the bracket escapes nothing after it
  }
  return found;
}

/**
 * `deletions` with the escapes of `escapes` (by line) dropped from their text,
 * and the edits that drop the other escapes from the text around them.
 */
export function dropEscapes(deletions: readonly Deletion[], escapes: ReadonlyMap<number, number[]>): { deletions: Deletion[]; edits: TextEdit[] } {
  const edits: TextEdit[] = [];
  const inGap = new Set<string>();
  const out = deletions.map((d) => {
    const cols = escapes.get(d.line)?.filter((c) => c > d.from && c < d.to) ?? [];
    if (cols.length === 0) return d;
    let text = '';
    let at = d.from + 1;
    for (const c of cols) {
      inGap.add(`${d.line}:${c}`);
      text += d.text.slice(at - d.from - 1, c - d.from - 1);
      at = c + 1;
    }
    return { ...d, text: text + d.text.slice(at - d.from - 1) };
  });
  for (const [line, cols] of escapes) {
    for (const c of cols) if (!inGap.has(`${line}:${c}`)) edits.push({ line, from: c, to: c + 1, insert: '' });
  }
  return { deletions: out, edits };
}

function inComment(comments: number[] | null, at: number): boolean {
  if (!comments) return false;
  for (let k = 0; k < comments.length; k += 2) if (at >= comments[k]! && at < comments[k + 1]!) return true;
  return false;
}
