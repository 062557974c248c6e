import { highlightDeletions } from './cloze-deletions.js';
import type { ScannedLine } from './scan-lines.js';

/** A mark that was nearly a gap, or a gap that cannot be one where it is, to report at its line. */
export interface NearMiss {
  /** 0-based line index. */
  line: number;
  message: string;
  fix: string;
}

/** Three or more `=` around text, as in `===secret===`; the text may not hold `=`, so the match is linear. */
const TRIPLE_HIGHLIGHT_RE = /(={3,})([^=]+)(={3,})/g;
const WORD_RE = /[\p{L}\p{N}_]/u;

/**
 * Marks of a cloze paragraph's line that hide nothing although they look meant
 * to: `===secret===` (a highlight gap takes two `=`), and, in a note whose
 * gaps are Anki's `{{c1::…}}`, `==highlights==`, which stay plain text there.
 */
export function clozeNearMisses(line: ScannedLine, index: number, ankiNote: boolean): NearMiss[] {
  const m = line.masked;
  if (!m.includes('==')) return [];
  const found: NearMiss[] = [];
  if (m.includes('===')) {
    for (const t of m.matchAll(TRIPLE_HIGHLIGHT_RE)) {
      const text = line.text.slice(t.index + t[1]!.length, t.index + t[1]!.length + t[2]!.length);
      const before = t.index > 0 ? m[t.index - 1]! : ' ';
      if (text.trim() !== text || WORD_RE.test(before)) continue;
      found.push({
        line: index,
        message: `has ${t[0]} at column ${t.index + 1}: a highlight gap takes two = on each side, so it was not made a gap.`,
        fix: `Write ==${text}== to hide "${text}".`,
      });
    }
  }
  if (ankiNote) {
    for (const d of highlightDeletions(line, index)) {
      found.push({
        line: index,
        message: `has ==${d.text}== at column ${d.from + 1} in a note whose gaps are {{c1::…}}; it stays highlighted text, not a gap.`,
        fix: `Write {{c1::${d.text}}} (with the number of its card) to hide it, or leave it as it is to show it.`,
      });
    }
  }
  return found;
}

/**
 * `==highlights==` in a heading: a heading is no card, so they hide nothing
 * (the Obsidian plugin makes a cloze of any line). The caller reports them in
 * files that hold written cards only, since notes highlight headings freely.
 */
export function headingNearMisses(line: ScannedLine, index: number): NearMiss[] {
  if (!line.masked.includes('==')) return [];
  return highlightDeletions(line, index).map((d) => ({
    line: index,
    message: `has ==${d.text}== in a heading, which is no card, so it was not made a gap.`,
    fix: 'Write the sentence to learn as a line of text below the heading, with its ==gap==.',
  }));
}

/** `[text][label]` in a line, from column `from`: the form of a reference link. */
const REFERENCE_PAIR_RE = /(?<![!\\[])\[([^[\]]+)\]\[([^[\]]+)\]/g;

/**
 * `[a][b]` in `C:` text, which markdown reads as a link to the reference `b`,
 * so neither is a gap, when the file defines no `[b]: …` (`defined` says):
 * most likely two gaps written without a space between them.
 */
export function referenceNearMisses(line: ScannedLine, index: number, from: number, defined: (label: string) => boolean): NearMiss[] {
  const m = line.masked;
  if (!m.includes('][')) return [];
  const found: NearMiss[] = [];
  REFERENCE_PAIR_RE.lastIndex = from;
  for (let p = REFERENCE_PAIR_RE.exec(m); p; p = REFERENCE_PAIR_RE.exec(m)) {
    if (p.index < from || defined(p[2]!)) continue;
    const [a, b] = [line.text.slice(p.index + 1, p.index + 1 + p[1]!.length), line.text.slice(p.index + p[1]!.length + 3, p.index + p[0].length - 1)];
    found.push({
      line: index,
      message: `has [${a}][${b}] at column ${p.index + 1}, which markdown reads as a link to a reference [${b}] that the file does not define, so neither is a gap.`,
      fix: `Write "[${a}] [${b}]" for two gaps, or define the reference with a line "[${b}]: <url>".`,
    });
  }
  return found;
}
