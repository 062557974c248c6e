import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { Grade } from '../../model/review.js';
import type { QuizItem } from '../../app/quiz/quiz-session.js';
import { intentFor, keyNames, type InkKey, type Intent } from '../key-table.js';
import { typedParts } from '../typed-input.js';
import type { QuizActions } from '../../app/quiz/quiz-actions.js';
import { currentItem, initialQuizScreen, predictionOf, quizKeyModes, quizScreenReducer, type QuizScreenAction, type QuizScreenState } from './quiz-screen-state.js';
import { useQuizRun } from './use-quiz-run.js';

/** Control characters inside a read of typed text, as the key table names them. */
/** What the screen knows that a key needs: how far the card body can scroll. */
export interface QuizViewFacts {
  bodyHeight: number;
  maxScroll: number;
}

/**
 * The quiz on screen: its state, and `onInput`, which turns keys into quiz
 * actions. Store writes come first (a scheduled answer is recorded before the
 * next question shows; the quiz is saved as soon as it ends), so nothing is
 * shown as done before it is saved.
 *
 * As in the review screen, the state lives in a ref the reducer updates at
 * once, so keys that arrive in one burst each act on the true current state.
 */
export function useQuiz(
  actions: QuizActions,
  items: readonly QuizItem[],
): {
  state: QuizScreenState;
  onInput: (input: string, key: InkKey, view: QuizViewFacts) => void;
  onKey: (name: string, view: QuizViewFacts) => void;
  scrollTo: (line: number, max: number) => void;
} {
  const live = useRef<QuizScreenState | null>(null);
  live.current ??= initialQuizScreen(items, actions.now());
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const dispatch = useCallback((action: QuizScreenAction) => {
    live.current = quizScreenReducer(live.current!, action);
    redraw();
  }, []);
  const get = useCallback(() => live.current!, []);
  const run = useQuizRun(actions, get, dispatch);

  /** Records the answer on screen as a review (with --schedule) unless it is already; the store's complaint when it said no. */
  const record = useCallback((): string | null => {
    const s = live.current!;
    const last = s.quiz.answers[s.quiz.answers.length - 1];
    if (!actions.scheduled || !last || s.recorded >= s.quiz.answers.length) return null;
    try {
      actions.record(last, actions.now());
    } catch (err) {
      return (err as Error).message;
    }
    dispatch({ type: 'recorded' });
    return null;
  }, [actions, dispatch]);

  /** Once the quiz is over: saved at once, so a quit keeps what was answered. */
  const saveIfOver = useCallback((): void => {
    const s = live.current!;
    if (s.quiz.phase !== 'done' || s.saved !== null) return;
    const at = actions.now();
    try {
      dispatch({ type: 'saved', outcome: { id: actions.save(s.quiz, s.answeredAt, at) }, at });
    } catch (err) {
      dispatch({ type: 'saved', outcome: { error: (err as Error).message }, at });
    }
    // Nothing answered: no score to show, the screen just goes.
    if (live.current!.quiz.answers.length === 0) dispatch({ type: 'close' });
  }, [actions, dispatch]);

  // A quiz with no questions is over before it starts.
  useEffect(() => saveIfOver(), [saveIfOver]);

  /** Hands in the answer box: a typed answer is checked now; a prediction against its output block, or its code's run. */
  const submitText = useCallback((): void => {
    const s = live.current!;
    const item = currentItem(s);
    if (!item) return;
    const now = actions.now();
    if (item.ask.kind === 'typed') {
      dispatch({ type: 'quiz', action: { type: 'submit', given: s.text, now } });
    } else if (item.ask.kind === 'predict') {
      if (item.ask.expected !== null) {
        dispatch({ type: 'quiz', action: { type: 'submit', given: predictionOf(s.text), now } });
      } else {
        dispatch({ type: 'predicted' });
        run.request(item.ask.block, item.card.deck);
      }
    }
  }, [actions, dispatch, run]);

  const perform = useCallback(
    (intent: Intent, view: QuizViewFacts, key: string): void => {
      const s = live.current!;
      const item = currentItem(s);
      switch (intent.kind) {
        case 'pick': {
          const n = Number(key);
          if (s.quiz.phase === 'feedback') {
            if (actions.scheduled) dispatch({ type: 'quiz', action: { type: 'regrade', grade: n as Grade } });
            return;
          }
          if (item?.ask.kind === 'choice' && n >= 1 && n <= item.ask.options.length) {
            dispatch({ type: 'quiz', action: { type: 'submit', given: '', choice: n - 1, now: actions.now() } });
          }
          return;
        }
        case 'typing-enter': {
          const lastLine = s.text.slice(s.text.lastIndexOf('\n') + 1);
          // A prediction may span lines: an empty line ends it; a typed answer is one line.
          if (item?.ask.kind === 'typed' || (s.text !== '' && lastLine === '')) submitText();
          else dispatch({ type: 'type', text: '\n' });
          return;
        }
        case 'submit':
          submitText();
          return;
        case 'erase':
          dispatch({ type: 'erase' });
          return;
        case 'reveal':
          dispatch({ type: 'reveal' });
          return;
        case 'mark':
          dispatch({ type: 'quiz', action: { type: 'mark', correct: intent.correct, now: actions.now() } });
          return;
        case 'trust-answer':
          run.answerTrust(intent.answer);
          return;
        case 'stop-run':
          run.stop();
          return;
        case 'next': {
          const failed = record();
          if (failed !== null) {
            dispatch({ type: 'message', text: `Not recorded: ${failed}. Enter tries again; q quits.` });
            return;
          }
          dispatch({ type: 'quiz', action: { type: 'next', now: actions.now() } });
          saveIfOver();
          return;
        }
        case 'scroll':
          dispatch({ type: 'scroll', by: intent.by === 'page-down' ? view.bodyHeight : intent.by === 'page-up' ? -view.bodyHeight : intent.by, max: view.maxScroll });
          return;
        case 'help':
          dispatch({ type: 'help' });
          return;
        case 'quit': {
          if (s.quiz.phase === 'done') {
            dispatch({ type: 'close' });
            return;
          }
          run.stop();
          // The answer on screen counts: with --schedule it is recorded before leaving.
          const failed = record();
          dispatch({ type: 'quiz', action: { type: 'quit' } });
          if (failed !== null) dispatch({ type: 'message', text: `The last answer was not recorded as a review: ${failed}` });
          saveIfOver();
          return;
        }
        default:
          return;
      }
    },
    [actions, dispatch, record, run, saveIfOver, submitText],
  );

  /** A key press, read against the live state. With the key list open, only closing it and quitting act. */
  const onKey = useCallback(
    (name: string, view: QuizViewFacts) => {
      const s = live.current!;
      if (s.closed) return;
      // Ctrl-C leaves from anywhere, as in any terminal program, unless it stops running code.
      const intent = intentFor(name, ...quizKeyModes(s)) ?? (name === 'ctrl-c' ? ({ kind: 'quit' } as const) : null);
      if (s.helpOpen && intent && intent.kind !== 'help' && intent.kind !== 'quit') return;
      if (intent) perform(intent, view, name);
    },
    [perform],
  );

  /** One read from the terminal: in the answer box, text (pasted or typed ahead) goes in as it came; elsewhere each key acts. */
  const onInput = useCallback(
    (input: string, key: InkKey, view: QuizViewFacts) => {
      const s = live.current!;
      const special = key.return || key.escape || key.backspace || key.delete || key.ctrl || key.meta || key.upArrow || key.downArrow || key.pageUp || key.pageDown;
      if (quizKeyModes(s)[0] !== 'quiz-typing' || s.helpOpen || special || input === '') {
        for (const name of keyNames(input, key)) onKey(name, view);
        return;
      }
      // Keys typed ahead arrive with the text as one read ("2 b\r\x04"): each control key still acts.
      for (const part of typedParts(input)) {
        if ('key' in part) onKey(part.key, view);
        else if (quizKeyModes(live.current!)[0] === 'quiz-typing') dispatch({ type: 'type', text: part.text });
      }
    },
    [onKey, dispatch],
  );

  /** Scrolls the card so `line` is at the top (as far as it goes). */
  const scrollTo = useCallback(
    (line: number, max: number) => dispatch({ type: 'scroll', by: line - live.current!.scroll, max }),
    [dispatch],
  );

  return { state: live.current, onInput, onKey, scrollTo };
}
