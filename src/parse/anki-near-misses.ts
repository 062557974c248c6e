import type { ClozeProblem } from './anki-cloze-note.js';
import type { ScannedLine } from './scan-lines.js';

/**
 * Anki clozes written almost right, which Anki reads as plain text: `{{1::x}}`
 * (no `c`), `{{Portuguese::language}}` (no number), `{{C1::x}}`, `{{c1:x}}`,
 * `{{c::x}}`, `{{ c1::x}}`, `{c1::x}}`. Each is reported with what is wrong
 * and the cloze it most likely meant, since it would otherwise make no card
 * without a word.
 */

/** After `{{`: a `c` (either case) and numbers with the wrong spacing or colons. */
const C_NUMBER_RE = /[ \t]*([cC])[ \t]*(\d[\d,]*)[ \t]*(:{1,2})/y;
/** After `{{`: a `c` with no number. */
const C_ONLY_RE = /[ \t]*c[ \t]*::/y;
/** After `{{`: numbers with no `c`. */
const NUMBER_ONLY_RE = /[ \t]*(\d[\d,]*)[ \t]*::/y;
/** After `{{`: a word or a few (no number) and `::`, as in `{{Portuguese::language}}`. */
const WORD_RE = /([\p{L}][\p{L}\p{N}' -]{0,39})::/uy;
/** After a single `{`: an opener otherwise right. */
const ONE_BRACE_RE = /c(\d[\d,]*)::/y;

/** The near-miss clozes of one line (outside code), each as a problem. */
export function ankiNearMisses(line: ScannedLine, index: number): ClozeProblem[] {
  const m = line.masked;
  if (!mayHoldNearMiss(m)) return [];
  const found: ClozeProblem[] = [];
  for (let p = m.indexOf('{'); p >= 0; p = m.indexOf('{', p + 1)) {
    if (p > 0 && m.charCodeAt(p - 1) === 123) continue; // inside a run of braces: read from its start
    let run = 1;
    while (m.charCodeAt(p + run) === 123) run++;
    const miss = run === 2 ? afterTwoBraces(m, p + 2) : run === 1 ? afterOneBrace(m, p + 1) : null;
    if (!miss) continue;
    const close = m.indexOf('}}', miss.rest);
    const written = line.text.slice(p, close >= 0 && close - p <= 200 ? close + 2 : miss.rest);
    const meant = `{{${miss.opener}${line.text.slice(miss.rest, close >= 0 && close - p <= 200 ? close + 2 : miss.rest)}`;
    if (miss.needsClose && close < 0) continue;
    found.push({
      index,
      severity: 'error',
      message: `has ${written} at column ${p + 1}, which is no cloze: ${miss.why}; it was left as text.`,
      fix: `Did you mean ${meant}?`,
    });
  }
  return found;
}

/** Whether a masked line has what every near-miss starts with, `{{` or `{c`: most lines are ruled out here. */
export function mayHoldNearMiss(masked: string): boolean {
  return masked.includes('{{') || masked.includes('{c');
}

interface Miss {
  /** The opener it most likely meant, without its `{{`. */
  opener: string;
  /** Column where the text after the faulty opener starts. */
  rest: number;
  why: string;
  /** A miss only when a `}}` closes it on the line (a weaker sign). */
  needsClose: boolean;
}

function afterTwoBraces(m: string, at: number): Miss | null {
  if (isOpener(m, at)) return null;
  C_NUMBER_RE.lastIndex = at;
  const c = C_NUMBER_RE.exec(m);
  if (c) {
    const why =
      c[1] === 'C'
        ? 'the "c" of a cloze is lower-case'
        : c[3] === ':'
          ? 'a cloze number is followed by two colons'
          : 'a cloze opener has no spaces in it';
    return { opener: `c${c[2]}::`, rest: C_NUMBER_RE.lastIndex, why, needsClose: false };
  }
  C_ONLY_RE.lastIndex = at;
  if (C_ONLY_RE.exec(m)) return { opener: 'c1::', rest: C_ONLY_RE.lastIndex, why: 'the number after the "c" is missing', needsClose: false };
  NUMBER_ONLY_RE.lastIndex = at;
  const n = NUMBER_ONLY_RE.exec(m);
  if (n) return { opener: `c${n[1]}::`, rest: NUMBER_ONLY_RE.lastIndex, why: 'the "c" before the number is missing', needsClose: false };
  WORD_RE.lastIndex = at;
  if (WORD_RE.exec(m)) return { opener: 'c1::', rest: at, why: 'it has no cloze number', needsClose: true };
  return null;
}

function afterOneBrace(m: string, at: number): Miss | null {
  ONE_BRACE_RE.lastIndex = at;
  const c = ONE_BRACE_RE.exec(m);
  if (!c) return null;
  return { opener: `c${c[1]}::`, rest: ONE_BRACE_RE.lastIndex, why: 'a cloze opens with two braces', needsClose: true };
}

/** Whether `c`, digits and commas, and `::` start at `at`: a real opener (checked first, as most are). */
function isOpener(m: string, at: number): boolean {
  if (m.charCodeAt(at) !== 99) return false;
  let j = at + 1;
  while (j < m.length) {
    const c = m.charCodeAt(j);
    if ((c >= 48 && c <= 57) || c === 44) j++;
    else break;
  }
  return j > at + 1 && m.charCodeAt(j) === 58 && m.charCodeAt(j + 1) === 58;
}
