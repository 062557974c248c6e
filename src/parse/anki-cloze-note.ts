import type { Severity } from '../model/problem.js';
import {
  backOf,
  countClozes,
  frontOf,
  hiddenTexts,
  isCloze,
  MAX_ANKI_NESTING,
  numbersInOrder,
  parseAnkiLine,
  type AnkiCloze,
  type TextPiece,
} from './anki-clozes.js';
import type { TextEdit } from './card-text.js';
import type { ClozeCardPlan, ClozePlan } from './cloze-deletions.js';
import { Fence, type ScannedLine } from './scan-lines.js';

/** Something about a note's clozes the user should hear of, at a 0-based line. */
export interface ClozeProblem {
  index: number;
  severity: Severity;
  message: string;
  fix: string;
}

/** An Anki cloze note read: its cards, how many deletions it has, and what was wrong. */
export interface AnkiClozeNote {
  plan: ClozePlan;
  /** Deletions of the note, nested ones included (the caller caps a note's size). */
  deletions: number;
  problems: ClozeProblem[];
}

interface LineClozes {
  index: number;
  text: string;
  clozes: AnkiCloze[];
}

/**
 * The cards of the Anki cloze note on lines [from, to): one card a number
 * (Anki's cards c1, c2 …), in number order; `c0` and empty deletions hide
 * nothing. Everything that keeps a deletion the user wrote out of every card
 * is reported: an opener with no `}}` on its line, an empty deletion, a note
 * of `c0` only, nesting deeper than Anki reads.
 */
export function ankiClozeNote(lines: readonly ScannedLine[], from: number, to: number): AnkiClozeNote {
  const problems: ClozeProblem[] = [];
  const read: LineClozes[] = [];
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    if (line.fence !== Fence.None || !line.masked.includes('{{')) continue;
    const parsed = parseAnkiLine(line);
    for (const column of parsed.unclosed) {
      const opener = openerText(line.text, column);
      problems.push({
        index: i,
        severity: 'error',
        message: `has a cloze ${opener} at column ${column + 1} with no closing }} on its line; it was left as text, and no card hides it.`,
        fix: 'Close it with }} on the same line (a cloze cannot run over lines).',
      });
    }
    for (const column of parsed.tooDeep) {
      problems.push({
        index: i,
        severity: 'warning',
        message: `has a cloze at column ${column + 1} nested more than ${MAX_ANKI_NESTING} deep, which Anki does not read; it was left as text.`,
        fix: `Nest clozes at most ${MAX_ANKI_NESTING} deep.`,
      });
    }
    reportEmpty(parsed.clozes, line.text, i, problems);
    if (parsed.clozes.length > 0) read.push({ index: i, text: line.text, clozes: parsed.clozes });
  }
  // Cards are listed where their first gap appears (and put in number order
  // when made), so that a card's identity, which counts repeats of the same
  // hidden text in that order, is the one engram gave it before it read numbers.
  const numbers: number[] = [];
  let deletions = 0;
  for (const r of read) {
    numbersInOrder(r.clozes, numbers);
    deletions += countClozes(r.clozes);
  }
  if (numbers.length === 0) reportZeroOnly(read, problems);
  return { plan: planOf(read, numbers), deletions, problems };
}

function planOf(read: readonly LineClozes[], numbers: readonly number[]): ClozePlan {
  const plain: TextEdit[] = [];
  for (const r of read) for (const c of r.clozes) plain.push({ line: r.index, from: c.from, to: c.to, insert: c.text });
  const cards: ClozeCardPlan[] = [];
  for (const n of numbers) {
    const front: TextEdit[] = [];
    const back: TextEdit[] = [];
    const hidden: string[] = [];
    let line = -1;
    for (const r of read) {
      for (const c of r.clozes) {
        front.push({ line: r.index, from: c.from, to: c.to, insert: frontOf(c, n, r.text) });
        back.push({ line: r.index, from: c.from, to: c.to, insert: backOf(c, n, r.text) });
      }
      const before = hidden.length;
      hiddenTexts(r.clozes, n, hidden);
      if (line < 0 && hidden.length > before) line = r.index;
    }
    cards.push({ front, back, hidden, line, order: n });
  }
  return { plain, cards };
}

/** Reports each empty deletion `{{c1::}}` (or of spaces only): it hides nothing. */
function reportEmpty(clozes: readonly (TextPiece | AnkiCloze)[], text: string, index: number, problems: ClozeProblem[]): void {
  for (const c of clozes) {
    if (!isCloze(c)) continue;
    if (c.empty) {
      const written = text.slice(c.from, c.to);
      problems.push({
        index,
        severity: 'warning',
        message: `has an empty cloze ${written} at column ${c.from + 1}; it hides nothing, so no card was made from it.`,
        fix: `Put the words to hide inside it, e.g. {{c${c.numbers[0] || 1}::Paris}}, or remove it.`,
      });
    } else {
      reportEmpty(c.pieces, text, index, problems);
    }
  }
}

/** A note whose only deletions are `c0`: Anki makes no card for c0, and neither does engram. */
function reportZeroOnly(read: readonly LineClozes[], problems: ClozeProblem[]): void {
  for (const r of read) {
    const zero = r.clozes.find((c) => !c.empty);
    if (!zero) continue;
    problems.push({
      index: r.index,
      severity: 'warning',
      message: `has only c0 clozes (${r.text.slice(zero.from, zero.to)} at column ${zero.from + 1}); as in Anki, c0 is no card, so its text shows plainly and no card was made.`,
      fix: 'Number the clozes from c1: {{c1::…}} for the first card, {{c2::…}} for the second.',
    });
    return;
  }
}

/** The opener as written at `column`: `{{c1::`, `{{c1,2::`. */
function openerText(text: string, column: number): string {
  const colons = text.indexOf('::', column);
  return text.slice(column, colons + 2);
}
