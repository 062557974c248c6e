import { initialQuiz, quizReducer, type QuizAction, type QuizItem, type QuizState } from '../../app/quiz/quiz-session.js';
import type { RunResult } from '../../run/run-types.js';
import type { RunPaneState } from '../code-pane/code-views.js';
import { runPaneReducer, type RunAction } from '../code-pane/run-pane-reducer.js';
import type { QuizKeyMode } from '../key-table.js';
import { typedInto } from '../terminal/answer-box-keys.js';

/**
 * What the quiz screen shows: the quiz itself (pure, from src/app/quiz) and
 * the screen's own state around it. Its run pane (a prediction's code asking
 * for trust, streaming, finished) is the review's: the quiz has no block to
 * choose, and runs only to check a prediction.
 */
export interface QuizScreenState extends RunPaneState {
  quiz: QuizState;
  /** When each of `quiz.answers` was given (UTC ms), for the saved quiz. */
  answeredAt: number[];
  /** How many answers went to the review log already (with --schedule). */
  recorded: number;
  /** The answer box: a typed answer or a prediction; kept for the feedback. */
  text: string;
  /** A prediction was handed in and waits for the code's output (trust, run). */
  submitted: boolean;
  /** Recall: the answer shows and the user says whether they knew it. */
  revealed: boolean;
  /** Why a prediction or typed answer could not be checked (not run, failed, no short answer): the user judges it, the answer showing. */
  unchecked: string | null;
  /** The user chose the grade to record (1-4 during feedback, or y/n): enter may then record Again. */
  gradeChosen: boolean;
  /** First visible line of the card body. */
  scroll: number;
  helpOpen: boolean;
  /** First visible line of the key list while it is open (scroll keys move it then, not the card). */
  helpScroll: number;
  /** A short note above the key bar, cleared by the next question. */
  message: string | null;
  /** What became of saving the quiz once it is over: saved, nothing to save, or why not. */
  saved: { id: number | null } | { error: string } | null;
  /** When the quiz ended (UTC ms), or null while it goes on. */
  endedAt: number | null;
  /** The user closed the end screen (or quit before answering anything): the screen goes. */
  closed: boolean;
}

/** What can happen on the quiz screen. */
export type QuizScreenAction =
  | { type: 'quiz'; action: QuizAction }
  | { type: 'type'; text: string }
  | { type: 'erase' }
  /** A prediction handed in that only a run can check. */
  | { type: 'predicted' }
  /** A typed answer handed in that nothing can check (the card has no short answer): the user judges it. */
  | { type: 'judge'; why: string }
  | { type: 'reveal' }
  | { type: 'recorded' }
  | Extract<RunAction, { type: 'run-confirm' | 'run-start' | 'run-output' | 'run-declined' }>
  /** A run ended (at `now`): its output checks the prediction, or (failed, stopped) the user judges it. */
  | { type: 'run-finished'; id: number; result: RunResult; now: number }
  | { type: 'scroll'; by: number; max: number }
  | { type: 'help' }
  | { type: 'message'; text: string }
  | { type: 'saved'; outcome: { id: number | null } | { error: string }; at: number }
  | { type: 'close' };

/** A fresh screen over `items`, the first question shown at `now`. */
export function initialQuizScreen(items: readonly QuizItem[], now: number): QuizScreenState {
  return {
    quiz: initialQuiz(items, now),
    answeredAt: [],
    recorded: 0,
    ...FRESH_QUESTION,
    runCount: 0,
    helpOpen: false,
    helpScroll: 0,
    saved: null,
    endedAt: null,
    closed: false,
  };
}

const FRESH_QUESTION = { text: '', submitted: false, revealed: false, unchecked: null, gradeChosen: false, run: null, scroll: 0, message: null } as const;

/** The question on screen, or null once the quiz is over. */
export function currentItem(s: QuizScreenState): QuizItem | null {
  return s.quiz.phase === 'done' ? null : (s.quiz.items[s.quiz.index] ?? null);
}

/** The screen after `action`: pure. Actions that do not fit the moment return `state` itself. */
export function quizScreenReducer(state: QuizScreenState, action: QuizScreenAction): QuizScreenState {
  switch (action.type) {
    case 'quiz':
      return withQuiz(state, action.action);
    case 'type':
      return typing(state) ? { ...state, text: typedInto(state.text, action.text) } : state;
    case 'erase':
      return typing(state) ? { ...state, text: [...state.text].slice(0, -1).join('') } : state;
    case 'predicted':
      return typing(state) && currentItem(state)?.ask.kind === 'predict' ? { ...state, submitted: true } : state;
    case 'judge':
      return typing(state) && currentItem(state)?.ask.kind === 'typed' ? { ...state, submitted: true, unchecked: action.why } : state;
    case 'reveal':
      return state.quiz.phase === 'asking' && currentItem(state)?.ask.kind === 'recall' ? { ...state, revealed: true } : state;
    case 'recorded':
      return { ...state, recorded: state.quiz.answers.length };
    case 'run-confirm':
    case 'run-start':
    case 'run-output':
      return runPaneReducer(state, action);
    case 'run-finished': {
      const next = runPaneReducer(state, action);
      if (next === state || !state.submitted || state.quiz.phase !== 'asking') return next;
      const r = action.result;
      if (r.reason !== null) return { ...next, unchecked: `Not checked: ${r.message ?? r.reason}. Judge your prediction yourself.` };
      return withQuiz(next, { type: 'submit', given: predictionOf(state.text), actual: r.stdout, now: action.now });
    }
    case 'run-declined':
      return { ...runPaneReducer(state, action), unchecked: action.why };
    case 'scroll':
      // With the key list open, scroll keys move the list; the card keeps its place under it.
      if (state.helpOpen) return { ...state, helpScroll: Math.max(0, Math.min(action.max, state.helpScroll + action.by)) };
      return { ...state, scroll: Math.max(0, Math.min(action.max, state.scroll + action.by)) };
    case 'help':
      return { ...state, helpOpen: !state.helpOpen, helpScroll: 0 };
    case 'message':
      return { ...state, message: action.text };
    case 'saved':
      return { ...state, saved: action.outcome, endedAt: action.at };
    case 'close':
      return { ...state, closed: true };
  }
}

/** A prediction as compared: the lines typed, without the empty line that handed it in. */
export function predictionOf(text: string): string {
  return text.replace(/\n+$/, '');
}

/** The quiz after `action`, with the answer's time noted and the question's own state reset on `next`. */
function withQuiz(state: QuizScreenState, action: QuizAction): QuizScreenState {
  let quiz = quizReducer(state.quiz, action);
  if (quiz === state.quiz) return state;
  const answered = quiz.answers.length > state.quiz.answers.length;
  const last = quiz.answers[quiz.answers.length - 1];
  // A prediction or typed answer judged by the user still keeps what was typed, for the saved quiz and the end screen.
  if (answered && action.type === 'mark' && (last?.kind === 'predict' || last?.kind === 'typed')) {
    quiz = { ...quiz, answers: [...quiz.answers.slice(0, -1), { ...last, given: predictionOf(state.text) }] };
  }
  const next: QuizScreenState = { ...state, quiz };
  // y/n is the user's own verdict, and 1-4 their own grade.
  if ((answered && action.type === 'mark') || action.type === 'regrade') next.gradeChosen = true;
  if (action.type === 'regrade') next.message = null;
  if (answered && 'now' in action) next.answeredAt = [...state.answeredAt, action.now];
  if (action.type === 'next') return { ...next, ...FRESH_QUESTION };
  if (action.type === 'quit') return { ...next, run: null };
  return next;
}

function typing(s: QuizScreenState): boolean {
  return quizKeyModes(s)[0] === 'quiz-typing';
}

/** Where keys are read now, most specific first: the answer box and the trust question take every key. */
export function quizKeyModes(s: QuizScreenState): QuizKeyMode[] {
  if (s.quiz.phase === 'done') return ['quiz-end', 'quiz'];
  if (s.run?.step === 'trust') return ['quiz-trust'];
  if (s.run?.step === 'running') return ['quiz-running', 'quiz'];
  if (s.quiz.phase === 'feedback') return ['quiz-feedback', 'quiz'];
  const item = currentItem(s);
  switch (item?.ask.kind) {
    case 'choice':
      return ['quiz-choice', 'quiz'];
    case 'typed':
      return s.unchecked !== null ? ['quiz-mark', 'quiz'] : ['quiz-typing'];
    case 'predict':
      if (s.unchecked !== null) return ['quiz-mark', 'quiz'];
      return s.submitted ? ['quiz'] : ['quiz-typing'];
    case 'recall':
      return s.revealed ? ['quiz-mark', 'quiz'] : ['quiz-recall', 'quiz'];
    default:
      return ['quiz'];
  }
}
