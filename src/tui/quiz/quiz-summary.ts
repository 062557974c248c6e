import { plainTextOf } from '../../parse/plain-text.js';
import { quizScore, type QuizState } from '../../app/quiz/quiz-session.js';
import { charWidth, textWidth } from '../terminal/text-width.js';
import { oneLine } from './quiz-pane-lines.js';

/** What the end of a quiz reports besides its answers. */
export interface QuizEndFacts {
  /** When the quiz ended (UTC ms): the time shown runs from its start to here. */
  now: number;
  /**
   * The command that asks the same quiz again, as shell words already quoted
   * (the CLI builds it: decks, mode, count, seed); broken over lines with a
   * trailing `\` where it is wider than `width`, so it can still be copied.
   */
  again: readonly string[];
  /** Reviews recorded (with --schedule), or null when the quiz did not schedule. */
  recorded: number | null;
  /** The quiz as saved (its id), nothing to save, or why it could not be saved; null when not tried yet. */
  saved: { id: number | null } | { error: string } | null;
  /** Longest line, in terminal cells: questions and answers are cut to fit. */
  width: number;
}

/**
 * The end of a quiz as plain lines, shown on its last screen and printed
 * after it: the score and time ("7/10 right · 2:31"), how far a quiz left
 * early got, each wrong answer (card id, the question's first line, what was
 * given and what was expected), then what was saved.
 */
export function quizSummaryLines(quiz: QuizState, facts: QuizEndFacts): string[] {
  const score = quizScore(quiz);
  const lines: string[] = [];
  if (score.total === 0) {
    lines.push(quiz.items.length === 0 ? 'No questions to ask.' : 'No questions answered; nothing saved.');
    return lines;
  }
  lines.push(`${score.correct}/${score.total} right · ${clock(facts.now - quiz.startedAt)}`);
  if (score.total < quiz.items.length) lines.push(`Stopped after ${score.total} of ${quiz.items.length} questions.`);
  if (score.wrong.length > 0) {
    lines.push('', 'Wrong:');
    const byId = new Map(quiz.items.map((i) => [i.card.id, i.card]));
    for (const a of score.wrong) {
      const card = byId.get(a.cardId);
      const id = `#${a.cardId}`;
      const indent = ' '.repeat(id.length + 3);
      lines.push(cut(`  ${id} ${card ? firstLine(card.front) : ''}`, facts.width));
      if (a.kind === 'recall') {
        lines.push(cut(`${indent}answer: ${oneLine(a.expected)}`, facts.width));
      } else {
        lines.push(cut(`${indent}given:    ${a.given.trim() === '' ? '(nothing)' : oneLine(a.given)}`, facts.width));
        if (a.expected !== '') lines.push(cut(`${indent}expected: ${oneLine(a.expected)}`, facts.width));
      }
    }
  }
  lines.push('');
  if (facts.recorded !== null) lines.push(`Recorded ${facts.recorded} ${facts.recorded === 1 ? 'answer' : 'answers'} as reviews.`);
  const saved = facts.saved;
  if (saved && 'error' in saved) lines.push(`The quiz was not saved: ${saved.error}`, 'The same questions again:');
  else if (saved?.id != null) lines.push(`Saved as quiz ${saved.id}. The same questions again:`);
  else lines.push('The same questions again:');
  lines.push(...commandLines(facts.again, facts.width));
  return lines;
}

/**
 * Shell words as command lines of at most `width` cells where the words allow:
 * the first indented by 2, the rest by 4, each but the last ending in ` \`
 * (a POSIX shell reads the lines as one command), an option on the line of
 * its value. A word wider than the room stays whole on its own line.
 */
export function commandLines(words: readonly string[], width: number): string[] {
  // An option stays on the line of its value: `--seed` alone at a line's end reads as a mistake.
  const units: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = words[i + 1];
    if (word.startsWith('--') && word !== '--' && next !== undefined && !next.startsWith('-')) {
      units.push(`${word} ${next}`);
      i++;
    } else units.push(word);
  }
  const lines: string[] = [];
  let line = '  ';
  let fresh = true;
  units.forEach((word, i) => {
    // Room for " word" and, unless it is the last word, a " \" after it.
    const tail = i < units.length - 1 ? 2 : 0;
    if (!fresh && textWidth(line) + 1 + textWidth(word) + tail > width) {
      lines.push(`${line} \\`);
      line = '    ';
      fresh = true;
    }
    line += fresh ? word : ` ${word}`;
    fresh = false;
  });
  lines.push(line);
  return lines;
}

/** Minutes and seconds: "2:31". */
export function clock(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function firstLine(markdown: string): string {
  return plainTextOf(markdown).split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
}

/** The line cut to `width` cells, with … where it was cut. */
function cut(line: string, width: number): string {
  if (textWidth(line) <= width) return line;
  let out = '';
  let used = 0;
  for (const ch of line) {
    used += charWidth(ch);
    if (used > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}
