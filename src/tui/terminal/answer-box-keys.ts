import type { Intent } from '../key-table.js';

/** The answer box being typed in, as its keys act on it. */
export interface AnswerBox {
  /** What is typed so far. */
  text: string;
  /** A prediction of a program's output, which may span lines; a typed answer is one line. */
  multiline: boolean;
  /** Hands the box in. */
  submit(): void;
  /** Types `text` (a newline) into the box. */
  type(text: string): void;
  /** Erases the last character. */
  erase(): void;
}

/**
 * Carries out the answer box's keys on `box` (null when nothing is being
 * typed: they then do nothing): enter, ctrl-d and backspace. Enter adds a line
 * to a prediction and hands it in on an empty line; it hands a typed answer
 * in at once.
 * @returns whether `intent` was one of the box's keys
 */
export function answerBoxKey(intent: Intent, box: AnswerBox | null): boolean {
  switch (intent.kind) {
    case 'typing-enter': {
      if (!box) return true;
      const lastLine = box.text.slice(box.text.lastIndexOf('\n') + 1);
      if (!box.multiline || (box.text !== '' && lastLine === '')) box.submit();
      else box.type('\n');
      return true;
    }
    case 'submit':
      box?.submit();
      return true;
    case 'erase':
      box?.erase();
      return true;
    default:
      return false;
  }
}

/**
 * The answer box's text after `text` is typed into it. An empty box drops
 * leading spaces and tabs: space shows the answer everywhere else, so a
 * learner's habit types one first, and a space nobody sees must not make an
 * answer wrong. Once something is typed, every space counts.
 */
export function typedInto(box: string, text: string): string {
  return box === '' ? text.replace(/^[ \t]+/, '') : box + text;
}
