import { describe, expect, it } from 'vitest';
import { initialQuizScreen, quizKeyModes, quizScreenReducer, type QuizScreenAction, type QuizScreenState } from '../../../src/tui/quiz/quiz-screen-state.js';
import { commandLines, quizSummaryLines } from '../../../src/tui/quiz/quiz-summary.js';
import { choiceItem, finishedRun, JS_BLOCK, predictItem, recallItem, T0, typedItem } from './quiz-fake.js';

const apply = (s: QuizScreenState, ...actions: QuizScreenAction[]) => actions.reduce(quizScreenReducer, s);

describe('quiz screen state', () => {
  it('reads keys where the question is: options, the answer box, recall, judging, trust, a run, feedback, the end', () => {
    expect(quizKeyModes(initialQuizScreen([choiceItem(1)], T0))).toEqual(['quiz-choice', 'quiz']);
    expect(quizKeyModes(initialQuizScreen([typedItem(1)], T0))).toEqual(['quiz-typing']);
    const recall = initialQuizScreen([recallItem(1)], T0);
    expect(quizKeyModes(recall)).toEqual(['quiz-recall', 'quiz']);
    expect(quizKeyModes(apply(recall, { type: 'reveal' }))).toEqual(['quiz-mark', 'quiz']);
    const predict = initialQuizScreen([predictItem(1, null)], T0);
    expect(quizKeyModes(predict)).toEqual(['quiz-typing']);
    const asked = apply(predict, { type: 'type', text: 'a' }, { type: 'predicted' }, { type: 'run-confirm', block: JS_BLOCK, deck: 'code', purpose: 'predict' });
    expect(quizKeyModes(asked)).toEqual(['quiz-trust']);
    const running = apply(asked, { type: 'run-start', block: JS_BLOCK, purpose: 'predict' });
    expect(quizKeyModes(running)).toEqual(['quiz-running', 'quiz']);
    const checked = apply(running, { type: 'run-finished', id: 1, result: finishedRun('a\n'), now: T0 + 1 });
    expect(quizKeyModes(checked)).toEqual(['quiz-feedback', 'quiz']);
    expect(quizKeyModes(apply(checked, { type: 'quiz', action: { type: 'next', now: T0 + 2 } }))).toEqual(['quiz-end', 'quiz']);
  });

  it('ignores the output and result of a run stopped since (an older id)', () => {
    let s = apply(initialQuizScreen([predictItem(1, null)], T0), { type: 'type', text: 'a' }, { type: 'predicted' }, { type: 'run-start', block: JS_BLOCK, purpose: 'predict' });
    s = apply(s, { type: 'run-start', block: JS_BLOCK, purpose: 'predict' });
    const before = s;
    expect(apply(s, { type: 'run-output', id: 1, text: 'late' }, { type: 'run-finished', id: 1, result: finishedRun('a\n'), now: T0 })).toBe(before);
    expect(apply(s, { type: 'run-finished', id: 2, result: finishedRun('a\n'), now: T0 + 5 }).quiz.answers).toHaveLength(1);
  });

  it('a failed run leaves the prediction to the user, who keeps what was predicted', () => {
    const failed = { ...finishedRun(''), reason: 'not-runnable' as const, exit: null, message: 'not runnable: no main' };
    let s = apply(initialQuizScreen([predictItem(1, null)], T0), { type: 'type', text: 'x\n' }, { type: 'predicted' }, { type: 'run-start', block: JS_BLOCK, purpose: 'predict' });
    s = apply(s, { type: 'run-finished', id: 1, result: failed, now: T0 });
    expect(s.unchecked).toBe('Not checked: not runnable: no main. Judge your prediction yourself.');
    expect(s.quiz.phase).toBe('asking');
    s = apply(s, { type: 'quiz', action: { type: 'mark', correct: false, now: T0 + 3 } });
    expect(s.quiz.answers).toEqual([{ cardId: 1, kind: 'predict', given: 'x', expected: '', correct: false, grade: 1, ms: 3 }]);
    expect(s.answeredAt).toEqual([T0 + 3]);
  });

  it('a fresh answer box drops leading spaces (the show-answer key typed by habit), later ones stay', () => {
    const s = apply(initialQuizScreen([typedItem(1)], T0), { type: 'type', text: ' ' }, { type: 'type', text: '\tthe ' }, { type: 'type', text: ' planet' });
    expect(s.text).toBe('the  planet');
  });

  it('next clears the answer box, the run and the scroll for the new question', () => {
    let s = apply(initialQuizScreen([typedItem(1), typedItem(2)], T0), { type: 'type', text: 'Jupiter' }, { type: 'scroll', by: 3, max: 5 });
    s = apply(s, { type: 'quiz', action: { type: 'submit', given: 'Jupiter', now: T0 } });
    expect(s.text).toBe('Jupiter');
    s = apply(s, { type: 'quiz', action: { type: 'next', now: T0 } });
    expect({ text: s.text, scroll: s.scroll, run: s.run, index: s.quiz.index }).toEqual({ text: '', scroll: 0, run: null, index: 1 });
  });
});

describe('quiz summary', () => {
  it('says when nothing was answered', () => {
    const s = initialQuizScreen([choiceItem(1)], T0);
    expect(quizSummaryLines(s.quiz, { now: T0, again: ['engram', 'quiz'], recorded: null, saved: null, width: 80 })).toEqual(['No questions answered; nothing saved.']);
  });

  it('cuts long questions and answers to the width', () => {
    const long = { ...typedItem(1), card: { ...typedItem(1).card, front: `${'word '.repeat(30)}?` } };
    let s = initialQuizScreen([long], T0);
    s = apply(s, { type: 'quiz', action: { type: 'submit', given: 'x'.repeat(100), now: T0 + 65_000 } });
    const again = ['engram', 'quiz', "'my deck'", '--mode', 'typed', '--count', '30', '--seed', '9'];
    const lines = quizSummaryLines(s.quiz, { now: T0 + 65_000, again, recorded: 1, saved: { error: 'disk full' }, width: 40 });
    expect(lines).toEqual([
      '0/1 right · 1:05',
      '',
      'Wrong:',
      '  #1 word word word word word word word…',
      `     given:    ${'x'.repeat(24)}…`,
      '     expected: the planet Jupiter',
      '',
      'Recorded 1 answer as reviews.',
      'The quiz was not saved: disk full',
      'The same questions again:',
      "  engram quiz 'my deck' --mode typed \\",
      '    --count 30 --seed 9',
    ]);
  });

  it('gives the whole command to ask the quiz again, broken with \\ where wider than the screen', () => {
    const words = ['engram', 'quiz', 'sql/joins', "'it'\\''s'", '--mode', 'choice', '--count', '30', '--seed', '268753'];
    expect(commandLines(words, 80)).toEqual([`  ${words.join(' ')}`]);
    expect(commandLines(words, 40)).toEqual(["  engram quiz sql/joins 'it'\\''s' \\", '    --mode choice --count 30 \\', '    --seed 268753']);
    for (const line of commandLines(words, 40)) expect(line.length).toBeLessThanOrEqual(40);
    // The last word needs no room for a \ after it.
    expect(commandLines(['engram', 'quiz', '--seed', '12'], 24)).toEqual(['  engram quiz --seed 12']);
    // A word wider than the screen stays whole.
    expect(commandLines(['engram', 'quiz', 'x'.repeat(30)], 20)).toEqual(['  engram quiz \\', `    ${'x'.repeat(30)}`]);
  });
});
