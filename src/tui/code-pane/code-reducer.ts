import { compareOutput } from '../../check/compare-output.js';
import { suggestGrade } from '../../check/suggest-grade.js';
import { compareTyped } from '../../check/word-diff.js';
import type { RunResult } from '../../run/run-types.js';
import type { CardCode } from '../../check/code-of-card.js';
import type { CheckView, CheckedExercise, CodePaneState } from './code-views.js';
import { runPaneReducer, type RunAction } from './run-pane-reducer.js';
import { typedInto } from '../terminal/answer-box-keys.js';

/** What can happen to the code pane and the answer box of the card on screen. */
export type CodeAction =
  /** Text typed into the answer box (a newline included). */
  | { type: 'type'; text: string }
  | { type: 'erase' }
  /** Esc in the answer box: answer from memory instead, as on any card. */
  | { type: 'stop-typing' }
  /** The answer box is done: compare now, or wait for the code's output. */
  | { type: 'submit' }
  | RunAction;

/** The answer box a card starts with: one for predict and typed cards, none otherwise (or no card). */
export function initialCheck(shown: { code?: CardCode } | null): CheckView | null {
  const exercise = shown?.code?.exercise;
  if (!exercise || exercise.kind === 'recall') return null;
  return { step: 'typing', exercise, text: '' };
}

/** The screen's state after a code action: pure, like the screen's reducer that hands it these actions. */
export function codeReducer<S extends CodePaneState>(state: S, action: CodeAction): S {
  const check = state.check;
  switch (action.type) {
    case 'type':
      return check?.step === 'typing' ? { ...state, check: { ...check, text: typedInto(check.text, action.text) } } : state;
    case 'erase':
      return check?.step === 'typing' ? { ...state, check: { ...check, text: [...check.text].slice(0, -1).join('') } } : state;
    case 'stop-typing':
      return check?.step === 'typing' ? { ...state, check: null } : state;
    case 'submit': {
      if (check?.step !== 'typing' || state.phase !== 'question') return state;
      const given = check.text.replace(/\n+$/, '');
      const known = check.exercise.expected;
      if (known !== null) return { ...state, phase: 'answer', check: compared(check.exercise, given, known, null) };
      // No short answer to compare with: the card's answer shows and the user grades what they typed.
      if (check.exercise.kind === 'typed') return { ...state, phase: 'answer', check: unchecked(check.exercise, given, NO_SHORT_ANSWER) };
      return { ...state, check: { step: 'waiting', exercise: check.exercise, given } };
    }
    case 'run-finished': {
      const next = runPaneReducer(state, action);
      if (next === state || next.run?.purpose !== 'predict' || check?.step !== 'waiting') return next;
      return { ...next, phase: 'answer', check: checkedByRun(check.exercise, check.given, action.result) };
    }
    case 'run-declined': {
      const next: S = { ...runPaneReducer(state, action), message: action.why };
      if (check?.step !== 'waiting') return next;
      return { ...next, phase: 'answer', check: unchecked(check.exercise, check.given, action.why) };
    }
    default:
      return runPaneReducer(state, action);
  }
}

/** Why a typed answer is not checked: the card's answer has no short answer to compare with (shortAnswerOf). */
export const NO_SHORT_ANSWER = 'Not checked: this answer has no short answer to compare with. Compare it with the answer above.';

function compared(exercise: CheckedExercise, given: string, expected: string, note: string | null): CheckView {
  if (exercise.kind === 'typed') {
    const r = compareTyped(given, expected);
    return { step: 'checked', exercise, given, correct: r.match, lines: null, words: r.parts, suggested: suggestGrade({ correct: r.match, similarity: r.similarity }), note };
  }
  const r = compareOutput(given, expected, { unordered: exercise.unordered });
  return { step: 'checked', exercise, given, correct: r.match, lines: r.diff, words: null, suggested: suggestGrade({ correct: r.match, similarity: r.similarity }), note };
}

/** A prediction checked against what the code printed; a run that did not finish checks nothing. */
function checkedByRun(exercise: CheckedExercise, given: string, result: RunResult): CheckView {
  if (result.reason !== null) return unchecked(exercise, given, `Not checked: ${result.message ?? result.reason}`);
  const note = result.exit === 0 ? null : `The program exited with code ${result.exit ?? result.signal}; only its standard output is compared.`;
  return compared(exercise, given, result.stdout, note);
}

function unchecked(exercise: CheckedExercise, given: string, note: string): CheckView {
  return { step: 'checked', exercise, given, correct: false, lines: null, words: null, suggested: null, note };
}
