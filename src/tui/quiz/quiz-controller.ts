import type { QuizActions } from '../../app/quiz/quiz-actions.js';
import type { QuizItem } from '../../app/quiz/quiz-session.js';
import type { Grade } from '../../model/review.js';
import { createRunControl, type RunWords } from '../code-pane/run-control.js';
import type { Intent } from '../key-table.js';
import { answerBoxKey, type AnswerBox } from '../terminal/answer-box-keys.js';
import { createKeyInput, viewKey, type KeyInput } from '../terminal/key-input.js';
import { currentItem, initialQuizScreen, predictionOf, quizKeyModes, quizScreenReducer, type QuizScreenAction, type QuizScreenState } from './quiz-screen-state.js';

/** What the screen knows that a key needs: how far the card body can scroll. */
export interface QuizViewFacts {
  bodyHeight: number;
  maxScroll: number;
}

/** The quiz's rules on screen: keys in (onKey, onInput; with the key list open, only closing it and quitting act), quiz actions and store writes out, the state read back. */
export interface QuizController extends KeyInput<QuizViewFacts> {
  /** The screen's state now (a new object after every change). */
  state(): QuizScreenState;
  /** Carries out what a key asks for; `key` is the key's name (the digit of a pick or a grade). */
  perform(intent: Intent, view: QuizViewFacts, key: string): void;
  /** Scrolls the card so `line` is at the top (as far as `max` lets it). */
  scrollTo(line: number, max: number): void;
  /** Ends at once a quiz with nothing to ask; call once the screen shows. */
  start(): void;
  /** Stops whatever runs; no change is told after this. */
  dispose(): void;
}

/**
 * The quiz over `items`, driven by keys. Store writes come first: a scheduled
 * answer is recorded before the next question shows and the quiz is saved as
 * soon as it ends, so nothing is shown as done before it is saved. The state
 * changes at once on each action, so keys that arrive in one burst each act on
 * the true current state; `onChange` is told after every change.
 * @returns the controller, showing the first question (asked at `actions.now()`)
 */
export function createQuizController(actions: QuizActions, items: readonly QuizItem[], o: { onChange: () => void }): QuizController {
  let live = initialQuizScreen(items, actions.now());
  let disposed = false;
  const get = (): QuizScreenState => live;
  const dispatch = (action: QuizScreenAction): void => {
    const index = live.quiz.index;
    live = quizScreenReducer(live, action);
    // A run belongs to its question: whatever still runs for another one stops.
    if (live.quiz.index !== index) run.stopUnlessFor(live.quiz.index);
    if (!disposed) o.onChange();
  };
  const run = createRunControl(
    actions,
    {
      live: get,
      owner: () => live.quiz.index,
      // The end of a run can be the answer's: it is timed when it comes.
      dispatch: (a) => dispatch(a.type === 'run-finished' ? { ...a, now: actions.now() } : a),
    },
    QUIZ_RUN_WORDS,
  );

  /** Records the answer on screen as a review (with --schedule) unless it is already; the store's complaint when it said no. */
  const record = (): string | null => {
    const last = live.quiz.answers[live.quiz.answers.length - 1];
    if (!actions.scheduled || !last || live.recorded >= live.quiz.answers.length) return null;
    try {
      actions.record(last, actions.now());
    } catch (err) {
      return (err as Error).message;
    }
    dispatch({ type: 'recorded' });
    return null;
  };

  /** Once the quiz is over: saved at once, so a quit keeps what was answered. */
  const saveIfOver = (): void => {
    const s = live;
    if (s.quiz.phase !== 'done' || s.saved !== null) return;
    const at = actions.now();
    try {
      dispatch({ type: 'saved', outcome: { id: actions.save(s.quiz, s.answeredAt, at) }, at });
    } catch (err) {
      dispatch({ type: 'saved', outcome: { error: (err as Error).message }, at });
    }
    // Nothing answered: no score to show, the screen just goes.
    if (live.quiz.answers.length === 0) dispatch({ type: 'close' });
  };

  /** Hands in the answer box: a typed answer is checked now; a prediction against its output block, or its code's run. */
  const submitText = (): void => {
    const item = currentItem(live);
    if (!item) return;
    const now = actions.now();
    if (item.ask.kind === 'typed') {
      if (item.ask.expected === null) dispatch({ type: 'judge', why: NOT_CHECKED_TYPED });
      else dispatch({ type: 'quiz', action: { type: 'submit', given: live.text, now } });
    } else if (item.ask.kind === 'predict') {
      if (item.ask.expected !== null) {
        dispatch({ type: 'quiz', action: { type: 'submit', given: predictionOf(live.text), now } });
      } else {
        dispatch({ type: 'predicted' });
        run.request(item.ask.block, item.card.deck, 'predict');
      }
    }
  };

  const answerBox = (): AnswerBox | null => {
    if (quizKeyModes(live)[0] !== 'quiz-typing') return null;
    return { text: live.text, multiline: currentItem(live)?.ask.kind === 'predict', submit: submitText, type: (text) => dispatch({ type: 'type', text }), erase: () => dispatch({ type: 'erase' }) };
  };

  const perform = (intent: Intent, view: QuizViewFacts, key: string): void => {
    if (answerBoxKey(intent, answerBox()) || viewKey(intent, view, dispatch) || run.runKey(intent)) return;
    const s = live;
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
      case 'reveal':
        dispatch({ type: 'reveal' });
        return;
      case 'mark':
        dispatch({ type: 'quiz', action: { type: 'mark', correct: intent.correct, now: actions.now() } });
        return;
      case 'next': {
        const shown = s.quiz.answers[s.quiz.answers.length - 1];
        // Enter never records Again on its own: a wrong check may be unfair, and Again costs the card its interval.
        if (actions.scheduled && s.quiz.phase === 'feedback' && shown?.grade === 1 && !s.gradeChosen) {
          dispatch({ type: 'message', text: AGAIN_BY_HAND });
          return;
        }
        const failed = record();
        if (failed !== null) {
          dispatch({ type: 'message', text: `Not recorded: ${failed}. Enter tries again; q quits.` });
          return;
        }
        dispatch({ type: 'quiz', action: { type: 'next', now: actions.now() } });
        saveIfOver();
        return;
      }
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
  };

  const keys = createKeyInput<QuizViewFacts>({
    modes: () => (live.closed ? null : quizKeyModes(live)),
    typingMode: 'quiz-typing',
    helpOpen: () => live.helpOpen,
    perform,
    type: (text) => dispatch({ type: 'type', text }),
  });

  return {
    state: get,
    onKey: keys.onKey,
    onInput: keys.onInput,
    perform,
    // The card's own scroll: a run checked while the key list is open must not move the list.
    scrollTo: (line, max) => {
      if (!live.helpOpen) dispatch({ type: 'scroll', by: line - live.scroll, max });
    },
    start: saveIfOver,
    dispose() {
      run.stop();
      disposed = true;
    },
  };
}

/** Why a typed answer is judged by the user: the card has no short answer to compare it with. */
const NOT_CHECKED_TYPED = 'Not checked: this card has no short answer to compare with. Compare yours with the answer above.';

/** Said when enter would record Again that the user did not choose. */
const AGAIN_BY_HAND = 'Enter does not record Again: press 1 for it, 2-4 if you knew it, then enter.';

/** How the quiz says why a prediction's code did not run: the user then judges it. */
const QUIZ_RUN_WORDS: RunWords = {
  trustUnknown: (why) => `Not run: ${why}. Judge your prediction yourself.`,
  declined: (deck) => `Not run: deck "${deck}" is not trusted. Judge your prediction yourself (the answer shows above).`,
};
