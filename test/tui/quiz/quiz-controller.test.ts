import { describe, expect, it } from 'vitest';
import type { QuizActions } from '../../../src/app/quiz/quiz-actions.js';
import type { QuizItem } from '../../../src/app/quiz/quiz-session.js';
import type { RunHooks, RunResult } from '../../../src/run/run-types.js';
import { createQuizController } from '../../../src/tui/quiz/quiz-controller.js';
import { quizKeyModes } from '../../../src/tui/quiz/quiz-screen-state.js';
import { choiceItem, fakeQuiz, finishedRun, JS_BLOCK, predictItem, recallItem, T0, typedItem, type QuizFake } from './quiz-fake.js';

/** A card body of 14 lines in a window of 10. */
const VIEW = { bodyHeight: 10, maxScroll: 4 };

/** The controller over the fake, with keys sent by their key-table names and reads sent as Ink hands them over. */
function drive(fake: QuizFake, items: readonly QuizItem[], actions: QuizActions = fake.actions) {
  let changes = 0;
  const c = createQuizController(actions, items, { onChange: () => changes++ });
  c.start();
  return {
    c,
    state: () => c.state(),
    modes: () => quizKeyModes(c.state()),
    keys: (...names: string[]) => {
      for (const name of names) c.onKey(name, VIEW);
    },
    /** One read of plain characters from the terminal (typed ahead or pasted). */
    read: (input: string) => c.onInput(input, {}, VIEW),
    changes: () => changes,
  };
}

/** A run the test finishes: its hooks are kept, its result is the test's to give. */
function heldRun() {
  const hooks: RunHooks[] = [];
  let finish: (r: RunResult) => void = () => undefined;
  const run = (_block: unknown, h: RunHooks) => {
    hooks.push(h);
    return new Promise<RunResult>((resolve) => {
      finish = resolve;
    });
  };
  return { run, hooks, finish: (r: RunResult) => finish(r) };
}

/** Lets a run's promise and its result reach the controller. */
const settle = () => new Promise<void>((r) => setTimeout(r, 0));

const STOPPED: RunResult = { ...finishedRun(''), exit: null, signal: 'SIGKILL', reason: 'cancelled', message: 'stopped' };

describe('quiz controller: multiple choice', () => {
  it('a digit picks that option, right or wrong, timed from the question showing; enter goes on', () => {
    const fake = fakeQuiz();
    const q = drive(fake, [choiceItem(1), choiceItem(2)]);
    expect(q.modes()).toEqual(['quiz-choice', 'quiz']);
    fake.advance(4_000);
    q.keys('2');
    expect(q.state().quiz.phase).toBe('feedback');
    expect(q.state().quiz.answers).toEqual([{ cardId: 1, kind: 'choice', given: 'Paris', expected: 'Paris', correct: true, grade: 3, ms: 4_000 }]);
    expect(q.state().answeredAt).toEqual([T0 + 4_000]);
    expect(q.modes()).toEqual(['quiz-feedback', 'quiz']);
    q.keys('enter');
    expect(q.state().quiz).toMatchObject({ index: 1, phase: 'asking', itemStartedAt: T0 + 4_000 });
    fake.advance(1_000);
    q.keys('3');
    expect(q.state().quiz.answers[1]).toEqual({ cardId: 2, kind: 'choice', given: 'Nice', expected: 'Paris', correct: false, grade: 1, ms: 1_000 });
    expect(fake.calls).toEqual([]);
  });

  it('keys that pick no option do nothing while asking; without --schedule 1-4 do not change the grade', () => {
    const fake = fakeQuiz();
    const q = drive(fake, [choiceItem(1)]);
    const before = q.state();
    const told = q.changes();
    q.keys('5', 'x', 'y', 'n', 'space', 'enter', 'backspace');
    expect(q.state()).toBe(before);
    expect(q.changes()).toBe(told);
    q.keys('2', '4', '1');
    expect(q.state().quiz.answers.map((a) => a.grade)).toEqual([3]);
  });
});

describe('quiz controller: typed answers', () => {
  it('reads go into the answer box (q too), backspace erases, enter checks what is typed', () => {
    const fake = fakeQuiz();
    const q = drive(fake, [typedItem(1)]);
    expect(q.modes()).toEqual(['quiz-typing']);
    q.read('planet jupyter');
    q.read('q');
    expect(q.state().text).toBe('planet jupyterq');
    q.keys('q');
    q.keys('backspace');
    expect(q.state()).toMatchObject({ text: 'planet jupyter', quiz: { phase: 'asking' } });
    q.keys('enter');
    // Wrong, but a near miss (one word missing, one typed with a slip): Hard is suggested.
    expect(q.state().quiz.answers).toEqual([{ cardId: 1, kind: 'typed', given: 'planet jupyter', expected: 'the planet Jupiter', correct: false, grade: 2, ms: 0 }]);
    // The box keeps what was typed, for the feedback's diff.
    expect(q.state().text).toBe('planet jupyter');
  });

  it('a read with enter in it answers, and the enter after it goes on; text after the box closed is dropped', () => {
    const fake = fakeQuiz();
    const q = drive(fake, [typedItem(1), choiceItem(2)]);
    q.read('The planet Jupiter.\r\r2');
    expect(q.state().quiz.answers).toEqual([{ cardId: 1, kind: 'typed', given: 'The planet Jupiter.', expected: 'the planet Jupiter', correct: true, grade: 3, ms: 0 }]);
    expect(q.state().quiz).toMatchObject({ index: 1, phase: 'asking' });
    expect(q.state().text).toBe('');
  });
});

describe('quiz controller: predicting output', () => {
  it('a prediction spans lines; enter on an empty line hands it in, checked against the output block without a run', () => {
    const fake = fakeQuiz();
    const q = drive(fake, [predictItem(1, 'a\nb')]);
    q.read('a');
    q.keys('enter');
    q.read('c');
    q.keys('enter');
    expect(q.state()).toMatchObject({ text: 'a\nc\n', quiz: { phase: 'asking' } });
    q.keys('enter');
    expect(q.state().quiz.answers).toEqual([{ cardId: 1, kind: 'predict', given: 'a\nc', expected: 'a\nb', correct: false, grade: 1, ms: 0 }]);
    expect(fake.calls).toEqual([]);
  });

  it('ctrl-d in the same read as the prediction hands it in at once', () => {
    const fake = fakeQuiz();
    const q = drive(fake, [predictItem(1, 'a\nb')]);
    q.read('a\rb\x04');
    expect(q.state().quiz.answers).toEqual([{ cardId: 1, kind: 'predict', given: 'a\nb', expected: 'a\nb', correct: true, grade: 3, ms: 0 }]);
  });

  it('without an output block, asks to trust the deck; y runs the code once and its output checks the prediction', async () => {
    const held = heldRun();
    const fake = fakeQuiz({ run: held.run });
    const q = drive(fake, [predictItem(1, null)]);
    q.read('a\rb\r\r');
    expect(q.state()).toMatchObject({ submitted: true, run: { step: 'trust', block: JS_BLOCK, deck: 'code' } });
    expect(q.modes()).toEqual(['quiz-trust']);
    expect(fake.calls).toEqual([]);
    q.keys('y');
    expect(q.state().run).toMatchObject({ step: 'running', id: 1, output: '' });
    expect(q.modes()).toEqual(['quiz-running', 'quiz']);
    expect(fake.calls).toEqual([{ kind: 'run', lang: 'js', code: JS_BLOCK.code }]);
    expect(held.hooks[0]!.signal?.aborted).toBe(false);

    held.hooks[0]!.onOutput?.('stdout', 'a\n');
    fake.advance(2_000);
    held.finish(finishedRun('a\nb\n'));
    await settle();
    expect(q.state().run).toMatchObject({ step: 'finished', output: 'a\n', result: { stdout: 'a\nb\n' } });
    expect(q.state().quiz.answers).toEqual([{ cardId: 1, kind: 'predict', given: 'a\nb', expected: 'a\nb\n', correct: true, grade: 3, ms: 2_000 }]);
    expect(q.state().answeredAt).toEqual([T0 + 2_000]);
    expect(fake.callsOf('trust')).toEqual([]);
  });

  it('a trusts the deck and runs; the next question of the trusted deck runs without asking', async () => {
    const fake = fakeQuiz({ run: async () => finishedRun('x\n') });
    const q = drive(fake, [predictItem(1, null), predictItem(2, null)]);
    q.read('x\x04');
    q.keys('a');
    await settle();
    expect(q.state().quiz.answers.map((a) => a.correct)).toEqual([true]);
    expect(fake.calls.map((c) => c.kind)).toEqual(['trust', 'run']);
    q.keys('enter');
    expect(q.state()).toMatchObject({ text: '', submitted: false, run: null, quiz: { index: 1, phase: 'asking' } });
    q.read('y\x04');
    expect(q.state().run?.step).toBe('running');
    await settle();
    expect(q.state().quiz.answers.map((a) => a.correct)).toEqual([true, false]);
    expect(fake.calls).toEqual([
      { kind: 'trust', deck: 'code' },
      { kind: 'run', lang: 'js', code: JS_BLOCK.code },
      { kind: 'run', lang: 'js', code: JS_BLOCK.code },
    ]);
  });

  it('n (or escape) runs nothing: the answer shows and the user judges, keeping what was predicted', () => {
    for (const no of ['n', 'escape']) {
      const fake = fakeQuiz();
      const q = drive(fake, [predictItem(1, null)]);
      q.read('a\x04');
      q.keys(no);
      expect(q.state()).toMatchObject({ run: null, unchecked: 'Not run: deck "code" is not trusted. Judge your prediction yourself (the answer shows above).' });
      expect(q.modes()).toEqual(['quiz-mark', 'quiz']);
      q.keys('y');
      expect(q.state().quiz.answers).toEqual([{ cardId: 1, kind: 'predict', given: 'a', expected: '', correct: true, grade: 3, ms: 0 }]);
      expect(fake.calls).toEqual([]);
    }
  });

  it('escape or ctrl-c stops a running snippet: nothing is checked, the user judges, the quiz goes on', async () => {
    for (const stop of ['escape', 'ctrl-c']) {
      const held = heldRun();
      const fake = fakeQuiz({ trusted: ['code'], run: held.run });
      const q = drive(fake, [predictItem(1, null)]);
      q.read('a\x04');
      expect(q.state().run?.step).toBe('running');
      q.keys(stop);
      expect(held.hooks[0]!.signal?.aborted).toBe(true);
      held.finish(STOPPED);
      await settle();
      expect(q.state()).toMatchObject({ unchecked: 'Not checked: stopped. Judge your prediction yourself.', quiz: { phase: 'asking' } });
      q.keys('n');
      expect(q.state().quiz.answers.map((a) => [a.kind, a.given, a.correct])).toEqual([['predict', 'a', false]]);
    }
  });

  it('when the store cannot say whether a deck is trusted, nothing runs; when it cannot trust it, the code runs once and it says so', async () => {
    const unread = fakeQuiz();
    const q = drive(unread, [predictItem(1, null)], {
      ...unread.actions,
      isTrusted: () => {
        throw new Error('database is locked');
      },
    });
    q.read('a\x04');
    expect(q.state()).toMatchObject({ run: null, unchecked: 'Not run: database is locked. Judge your prediction yourself.' });

    const unwritten = fakeQuiz({ run: async () => finishedRun('a\n') });
    const r = drive(unwritten, [predictItem(1, null)], {
      ...unwritten.actions,
      trust: () => {
        throw new Error('disk full');
      },
    });
    r.read('a\x04');
    r.keys('a');
    expect(r.state().message).toBe('Not trusted: disk full');
    await settle();
    expect(r.state().quiz.answers.map((a) => a.correct)).toEqual([true]);
    expect(unwritten.calls.map((c) => c.kind)).toEqual(['run']);
  });

  it('dispose stops a run, and no change is told after it', async () => {
    const held = heldRun();
    const fake = fakeQuiz({ trusted: ['code'], run: held.run });
    const q = drive(fake, [predictItem(1, null)]);
    q.read('a\x04');
    q.c.dispose();
    expect(held.hooks[0]!.signal?.aborted).toBe(true);
    const told = q.changes();
    held.finish(STOPPED);
    await settle();
    expect(q.changes()).toBe(told);
  });
});

describe('quiz controller: recall', () => {
  it('space shows the answer, then y counts it right and n wrong; y and n do nothing before', () => {
    const fake = fakeQuiz();
    const q = drive(fake, [recallItem(1), recallItem(2)]);
    expect(q.modes()).toEqual(['quiz-recall', 'quiz']);
    q.keys('y', 'n');
    expect(q.state().quiz.phase).toBe('asking');
    q.keys('space');
    expect(q.state().revealed).toBe(true);
    q.keys('y', 'enter', 'enter', 'n');
    expect(q.state().quiz.answers).toEqual([
      { cardId: 1, kind: 'recall', given: '', expected: 'Rayleigh scattering.', correct: true, grade: 3, ms: 0 },
      { cardId: 2, kind: 'recall', given: '', expected: 'Rayleigh scattering.', correct: false, grade: 1, ms: 0 },
    ]);
  });
});

describe('quiz controller: --schedule', () => {
  it('1-4 change the suggested grade; the answer is recorded with it before the next question shows', () => {
    const fake = fakeQuiz({ scheduled: true });
    const q = drive(fake, [typedItem(1), choiceItem(2)]);
    q.read('the planet jupyter\r');
    expect(q.state().quiz.answers[0]!.grade).toBe(2);
    q.keys('4');
    expect(q.state().quiz.answers[0]!.grade).toBe(4);
    expect(fake.calls).toEqual([]);
    fake.advance(5_000);
    q.keys('enter');
    expect(fake.calls).toEqual([{ kind: 'record', cardId: 1, grade: 4, correct: false, now: T0 + 5_000 }]);
    expect(q.state()).toMatchObject({ recorded: 1, quiz: { index: 1, phase: 'asking' } });
  });

  it('enter does not record an Again the user did not choose: it asks for 1 (or 2-4), then goes on', () => {
    const fake = fakeQuiz({ scheduled: true });
    const q = drive(fake, [typedItem(1), choiceItem(2)]);
    q.read('saturn\r');
    expect(q.state().quiz.answers[0]).toMatchObject({ correct: false, grade: 1 });
    q.keys('enter');
    expect(fake.calls).toEqual([]);
    expect(q.state()).toMatchObject({ message: 'Enter does not record Again: press 1 for it, 2-4 if you knew it, then enter.', quiz: { index: 0, phase: 'feedback' } });
    q.keys('1');
    expect(q.state().message).toBeNull();
    q.keys('enter');
    expect(fake.calls).toEqual([{ kind: 'record', cardId: 1, grade: 1, correct: false, now: T0 }]);
    expect(q.state().quiz).toMatchObject({ index: 1, phase: 'asking' });
  });

  it('without --schedule nothing is recorded, so enter goes on from a wrong answer at once', () => {
    const q = drive(fakeQuiz(), [typedItem(1), choiceItem(2)]);
    q.read('saturn\r\r');
    expect(q.state().quiz).toMatchObject({ index: 1, phase: 'asking' });
  });

  it('a typed answer to a card without a short answer is judged by the user, keeping what was typed', () => {
    const fake = fakeQuiz({ scheduled: true });
    const item = { ...typedItem(1), ask: { kind: 'typed' as const, expected: null } };
    const q = drive(fake, [item]);
    q.read('big gas giant\r');
    expect(q.modes()).toEqual(['quiz-mark', 'quiz']);
    expect(q.state().unchecked).toBe('Not checked: this card has no short answer to compare with. Compare yours with the answer above.');
    q.keys('n');
    expect(q.state().quiz.answers).toEqual([{ cardId: 1, kind: 'typed', given: 'big gas giant', expected: 'Jupiter', correct: false, grade: 1, ms: 0 }]);
    // n was the user's own verdict: enter records it.
    q.keys('enter');
    expect(fake.calls.map((c) => c.kind)).toEqual(['record', 'save']);
  });

  it('an answer the store will not record keeps the question and says why; quitting then says it was not recorded', () => {
    const fake = fakeQuiz({ scheduled: true, recordError: new Error('database is locked') });
    const q = drive(fake, [choiceItem(1), choiceItem(2)]);
    q.keys('2', 'enter');
    expect(q.state()).toMatchObject({ message: 'Not recorded: database is locked. Enter tries again; q quits.', recorded: 0, quiz: { index: 0, phase: 'feedback' } });
    q.keys('q');
    expect(q.state()).toMatchObject({ message: 'The last answer was not recorded as a review: database is locked', saved: { id: 7 }, quiz: { phase: 'done' } });
    expect(fake.calls.map((c) => c.kind)).toEqual(['save']);
  });
});

describe('quiz controller: quitting and the end', () => {
  it('q midway ends the quiz: what was answered is saved at once, once; enter then closes and keys do nothing', () => {
    const fake = fakeQuiz();
    const q = drive(fake, [choiceItem(1), choiceItem(2), choiceItem(3)]);
    q.keys('2', 'enter');
    fake.advance(61_000);
    q.keys('q');
    expect(q.state()).toMatchObject({ saved: { id: 7 }, endedAt: T0 + 61_000, closed: false, quiz: { phase: 'done', index: 1 } });
    expect(fake.calls).toEqual([{ kind: 'save', answers: [q.state().quiz.answers[0]], answeredAt: [T0], finishedAt: T0 + 61_000 }]);
    expect(q.modes()).toEqual(['quiz-end', 'quiz']);
    q.keys('enter');
    expect(q.state().closed).toBe(true);
    const closed = q.state();
    q.keys('q', '2', 'enter');
    expect(q.state()).toBe(closed);
    expect(fake.callsOf('save')).toHaveLength(1);
  });

  it('q in the feedback of a scheduled answer records that answer before saving', () => {
    const fake = fakeQuiz({ scheduled: true });
    const q = drive(fake, [choiceItem(1), choiceItem(2)]);
    q.keys('1', 'q');
    expect(fake.calls.map((c) => c.kind)).toEqual(['record', 'save']);
    expect(q.state()).toMatchObject({ recorded: 1, saved: { id: 7 } });
  });

  it('ctrl-c quits from the answer box; with nothing answered nothing is saved and the screen closes', () => {
    const fake = fakeQuiz();
    const q = drive(fake, [typedItem(1)]);
    q.read('Jup');
    // As Ink hands ctrl-c over: the letter, with the ctrl flag.
    q.c.onInput('c', { ctrl: true }, VIEW);
    expect(q.state()).toMatchObject({ closed: true, saved: { id: null }, quiz: { phase: 'done', answers: [] } });
    expect(fake.calls).toEqual([]);
  });

  it('the last answer ends the quiz with enter, which saves it; a save that fails is shown, not thrown', () => {
    const fake = fakeQuiz();
    const q = drive(fake, [choiceItem(1)], {
      ...fake.actions,
      save: () => {
        throw new Error('disk full');
      },
    });
    q.keys('2');
    fake.advance(3_000);
    q.keys('enter');
    expect(q.state()).toMatchObject({ saved: { error: 'disk full' }, endedAt: T0 + 3_000, closed: false, quiz: { phase: 'done' } });
  });

  it('a quiz with nothing to ask closes as it starts', () => {
    const fake = fakeQuiz();
    const q = drive(fake, []);
    expect(q.state()).toMatchObject({ closed: true, saved: { id: null }, endedAt: T0 });
    expect(fake.calls).toEqual([]);
  });
});

describe('quiz controller: help, scrolling and bursts', () => {
  it('with the key list open only its keys act: j scrolls the list, not the card; ? closes it', () => {
    const fake = fakeQuiz();
    const q = drive(fake, [choiceItem(1)]);
    q.keys('?');
    expect(q.state().helpOpen).toBe(true);
    q.keys('2', 'j', 'pagedown');
    // A line, then a page: as far as the range the screen gave goes.
    expect(q.state()).toMatchObject({ helpOpen: true, scroll: 0, helpScroll: VIEW.maxScroll, quiz: { phase: 'asking' } });
    q.keys('escape');
    expect(q.state()).toMatchObject({ helpOpen: false, helpScroll: 0, quiz: { phase: 'asking' } });
    q.keys('?');
    q.keys('?', '2');
    expect(q.state()).toMatchObject({ helpOpen: false, quiz: { phase: 'feedback' } });
    q.keys('?', 'q');
    expect(q.state().quiz.phase).toBe('done');
  });

  it('scroll keys move the card within the view; a page keeps a line in view; scrollTo puts a line at the top', () => {
    const fake = fakeQuiz();
    const q = drive(fake, [choiceItem(1)]);
    q.keys('down', 'j', 'j');
    expect(q.state().scroll).toBe(3);
    q.keys('up', 'k', 'k', 'k');
    expect(q.state().scroll).toBe(0);
    q.c.perform({ kind: 'scroll', by: 'page-down' }, VIEW, 'pagedown');
    expect(q.state().scroll).toBe(4);
    q.c.perform({ kind: 'scroll', by: 'page-up' }, VIEW, 'pageup');
    expect(q.state().scroll).toBe(0);
    q.c.perform({ kind: 'scroll', by: 'page-down' }, { bodyHeight: 10, maxScroll: 40 }, 'pagedown');
    expect(q.state().scroll).toBe(9);
    q.c.scrollTo(3, 4);
    expect(q.state().scroll).toBe(3);
    q.c.scrollTo(9, 4);
    expect(q.state().scroll).toBe(4);
  });

  it('scrolls from the answer box with the arrows and page keys, while j and k are typed', () => {
    const fake = fakeQuiz();
    const q = drive(fake, [predictItem(1, 'a\nb')]);
    const tall = { bodyHeight: 10, maxScroll: 40 };
    for (const key of [{ downArrow: true }, { downArrow: true }, { pageDown: true }, { upArrow: true }]) q.c.onInput('', key, tall);
    q.read('jk');
    expect(q.modes()).toEqual(['quiz-typing']);
    expect({ scroll: q.state().scroll, text: q.state().text }).toEqual({ scroll: 10, text: 'jk' });
    q.c.onInput('', { pageUp: true }, tall);
    expect(q.state().scroll).toBe(1);
  });

  it('keys in one read each act on the state the key before left', () => {
    const fake = fakeQuiz();
    const q = drive(fake, [choiceItem(1), choiceItem(2), recallItem(3), choiceItem(4)]);
    // Pick, go on, pick wrong, go on, show, right, go on: seven keys in one read.
    q.read('2 1  y ');
    expect(q.state().quiz.answers.map((a) => [a.cardId, a.correct])).toEqual([
      [1, true],
      [2, false],
      [3, true],
    ]);
    expect(q.state().quiz).toMatchObject({ index: 3, phase: 'asking' });
  });
});
