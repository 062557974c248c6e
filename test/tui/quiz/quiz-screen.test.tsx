import { describe, expect, it } from 'vitest';
import type { RunHooks, RunResult } from '../../../src/run/run-types.js';
import { choiceItem, fakeQuiz, finishedRun, JS_BLOCK, predictItem, recallItem, T0, typedItem } from './quiz-fake.js';
import { KEY, renderQuiz } from './quiz-screen.js';

describe('quiz screen: multiple choice', () => {
  it('shows the question and four numbered options; the right pick says so and marks it', async () => {
    const fake = fakeQuiz();
    const s = renderQuiz(fake, [choiceItem(1), choiceItem(2)]);
    await s.waitForText('Capital of France (1)?');
    expect(s.lines()[0]).toMatch(/^Quiz · geo +1\/2  ✓ 0  ✗ 0  0:00$/);
    expect(s.text()).toContain('Pick the answer: 1-4 picks it');
    expect(s.lines().filter((l) => /^ {2}\d /.test(l))).toEqual(['  1 Lyon', '  2 Paris', '  3 Nice', '  4 Lille']);
    expect(s.lines()[22]).toBe('1-4 pick  ? keys  q quit');

    await s.press('2');
    await s.waitForText('✓ Right');
    expect(s.lines()).toContain('✓ 2 Paris');
    expect(s.lines()[0]).toMatch(/1\/2  ✓ 1  ✗ 0/);
    // The card's answer side shows under a rule, as in a review.
    expect(s.text()).toContain('Paris');
    expect(s.lines()[22]).toBe('enter next  ? keys  q quit');
    // Without --schedule, no grade is offered and 1-4 do nothing.
    expect(s.text()).not.toContain('Grade to record');
    await s.press('4');
    expect(s.lastState().quiz.answers[0]!.grade).toBe(3);

    await s.press(KEY.enter);
    await s.waitForText('Capital of France (2)?');
    expect(s.lines()[0]).toMatch(/2\/2  ✓ 1  ✗ 0/);
  });

  it('a wrong pick is marked ✗, the right option ✓, and counted wrong', async () => {
    const fake = fakeQuiz();
    const s = renderQuiz(fake, [choiceItem(1), choiceItem(2)]);
    await s.waitForText('Capital of France (1)?');
    await s.press('3');
    await s.waitForText('✗ Wrong');
    expect(s.lines()).toContain('✗ 3 Nice');
    expect(s.lines()).toContain('✓ 2 Paris');
    expect(s.lines()).toContain('  1 Lyon');
    expect(s.lines()[0]).toMatch(/✓ 0  ✗ 1/);
    expect(await s.answered(1)).toEqual([{ cardId: 1, kind: 'choice', given: 'Nice', expected: 'Paris', correct: false, grade: 1, ms: 0 }]);
  });

  it('ignores keys that pick no option (5, letters) while asking', async () => {
    const fake = fakeQuiz();
    const s = renderQuiz(fake, [choiceItem(1)]);
    await s.waitForText('Capital of France (1)?');
    await s.press('5');
    await s.press('x');
    expect(s.lastState().quiz.phase).toBe('asking');
  });
});

describe('quiz screen: typed answers', () => {
  it('types into the answer box, checks on enter and shows the word diff', async () => {
    const fake = fakeQuiz();
    const s = renderQuiz(fake, [typedItem(1)]);
    await s.waitForText('Largest planet?');
    expect(s.text()).toContain('Type the answer. enter checks it');
    await s.press('planet jupyterr');
    await s.press(KEY.backspace);
    await s.waitForText('› planet jupyter');
    // q is text here, not quit.
    expect(s.lines()[22]).toBe('enter check  ctrl-c quit');
    await s.press(KEY.enter);
    await s.waitForText('✗ Wrong');
    expect(s.lines()).toContain('Yours: +the planet +Jupiter -jupyter');
    expect(s.text()).toContain('+ missing word   - word not in the answer');
    expect((await s.answered(1))[0]).toMatchObject({ kind: 'typed', given: 'planet jupyter', expected: 'the planet Jupiter', correct: false });
  });

  it('a right typed answer is shown as typed', async () => {
    const fake = fakeQuiz();
    const s = renderQuiz(fake, [typedItem(1)]);
    await s.waitForText('Largest planet?');
    await s.press('The planet Jupiter.\r');
    await s.waitForText('✓ Right');
    expect(s.lines()).toContain('Yours: The planet Jupiter.');
  });
});

describe('quiz screen: predict the output', () => {
  it('takes a prediction over lines and checks it against the output block, running nothing', async () => {
    const fake = fakeQuiz();
    const s = renderQuiz(fake, [predictItem(1, 'a\nb')]);
    await s.waitForText('Predict the output.');
    await s.press('a');
    await s.press(KEY.enter);
    await s.press('c');
    await s.press(KEY.enter);
    await s.waitForText('› c');
    expect(s.lastState().quiz.phase).toBe('asking');
    // Enter on the empty line hands it in.
    await s.press(KEY.enter);
    await s.waitForText('✗ Wrong');
    expect(s.lines()).toEqual(expect.arrayContaining(['  a', '+ b', '- c']));
    expect(fake.callsOf('run')).toEqual([]);
    expect((await s.answered(1))[0]).toMatchObject({ kind: 'predict', given: 'a\nc', expected: 'a\nb', correct: false });
  });

  it('ctrl-d hands a prediction in at once, also in the same read as the text', async () => {
    const fake = fakeQuiz();
    const s = renderQuiz(fake, [predictItem(1, 'a\nb')]);
    await s.waitForText('Predict the output.');
    await s.press(`a\rb${KEY.ctrlD}`);
    await s.waitForText('✓ Right');
    expect((await s.answered(1))[0]).toMatchObject({ given: 'a\nb', correct: true });
  });

  it('without an output block, asks to trust the deck, runs the code (fake runner) and compares its output', async () => {
    const runs: RunHooks[] = [];
    const fake = fakeQuiz({
      run: async (_block, hooks) => {
        runs.push(hooks);
        hooks.onOutput?.('stdout', 'a\n');
        return finishedRun('a\nb\n');
      },
    });
    const s = renderQuiz(fake, [predictItem(1, null)]);
    await s.waitForText('Predict the output.');
    await s.press(`a\rb\r\r`);
    await s.waitForText('is not trusted');
    expect(s.text()).toContain('y once · a trust the deck · n no, judge it myself');
    expect(fake.callsOf('run')).toEqual([]);
    await s.press('y');
    await s.waitForText('✓ Right');
    expect(s.text()).toContain('ran: exit 0 · 12 ms');
    expect(fake.calls).toEqual([{ kind: 'run', lang: 'js', code: JS_BLOCK.code }]);
    expect(runs[0]!.signal?.aborted).toBe(false);
    expect((await s.answered(1))[0]).toMatchObject({ given: 'a\nb', expected: 'a\nb\n', correct: true });
  });

  it('a trusts the deck, then runs; a trusted deck runs without asking', async () => {
    const fake = fakeQuiz({ run: async () => finishedRun('x\n') });
    const s = renderQuiz(fake, [predictItem(1, null), predictItem(2, null)]);
    await s.waitForText('Predict the output.');
    await s.press(`x${KEY.ctrlD}`);
    await s.waitForText('is not trusted');
    await s.press('a');
    await s.waitForText('✓ Right');
    expect(fake.calls.map((c) => c.kind)).toEqual(['trust', 'run']);
    await s.press(KEY.enter);
    await s.waitForState((st) => st.quiz.index === 1, 'the second question');
    await s.press(`y${KEY.ctrlD}`);
    await s.waitForText('✗ Wrong');
    expect(fake.calls.map((c) => c.kind)).toEqual(['trust', 'run', 'run']);
  });

  it('n runs nothing: the answer shows and the user judges the prediction', async () => {
    const fake = fakeQuiz();
    const s = renderQuiz(fake, [predictItem(1, null)]);
    await s.waitForText('Predict the output.');
    await s.press(`a${KEY.ctrlD}`);
    await s.waitForText('is not trusted');
    await s.press('n');
    await s.waitForText('Was your prediction right? y right · n wrong');
    expect(s.text()).toContain('It prints a, then b.');
    await s.press('y');
    await s.waitForText('✓ Right');
    expect(fake.callsOf('run')).toEqual([]);
    expect((await s.answered(1))[0]).toMatchObject({ kind: 'predict', given: 'a', correct: true });
  });

  it('esc stops a running snippet; the stopped run checks nothing and the user judges', async () => {
    let signal: AbortSignal | undefined;
    const fake = fakeQuiz({
      trusted: ['code'],
      run: (_block, hooks) =>
        new Promise<RunResult>((resolve) => {
          signal = hooks.signal;
          hooks.signal?.addEventListener('abort', () =>
            resolve({ ...finishedRun(''), exit: null, signal: 'SIGKILL', reason: 'cancelled', message: 'stopped' }),
          );
        }),
    });
    const s = renderQuiz(fake, [predictItem(1, null)]);
    await s.waitForText('Predict the output.');
    await s.press(`a${KEY.ctrlD}`);
    await s.waitForText('▶ running js…');
    expect(s.lines()[22]).toBe('esc stop  q quit');
    await s.press(KEY.escape);
    await s.waitForText('Not checked: stopped.');
    expect(signal?.aborted).toBe(true);
    await s.press('n');
    await s.waitForText('✗ Wrong');
  });
});

describe('quiz screen: recall', () => {
  it('space shows the answer, then y counts it right and n wrong', async () => {
    const fake = fakeQuiz();
    const s = renderQuiz(fake, [recallItem(1), recallItem(2)]);
    await s.waitForText('Why is the sky blue?');
    expect(s.text()).not.toContain('Rayleigh');
    await s.press('y');
    expect(s.lastState().quiz.phase).toBe('asking');
    await s.press(KEY.space);
    await s.waitForText('Rayleigh scattering.');
    expect(s.text()).toContain('Did you know it? y right · n wrong');
    await s.press('y');
    await s.waitForText('✓ Right');
    await s.press(KEY.enter);
    await s.waitForState((st) => st.quiz.index === 1, 'the second question');
    await s.press(KEY.space);
    await s.press('n');
    await s.waitForText('✗ Wrong');
    expect((await s.answered(2)).map((a) => a.correct)).toEqual([true, false]);
  });
});

describe('quiz screen: --schedule', () => {
  it('shows the suggested grade; 1-4 change it; the answer is recorded before the next question', async () => {
    const fake = fakeQuiz({ scheduled: true });
    const s = renderQuiz(fake, [typedItem(1), choiceItem(2)]);
    await s.waitForText('Largest planet?');
    await s.press('the planet jupyter\r');
    await s.waitForText('Grade to record: 1 Again · 1-4 changes it · enter goes on');
    await s.press('4');
    await s.waitForText('Grade to record: 4 Easy');
    expect(fake.callsOf('record')).toEqual([]);
    fake.advance(5_000);
    await s.press(KEY.enter);
    await s.waitForText('Capital of France (2)?');
    expect(fake.callsOf('record')).toEqual([{ kind: 'record', cardId: 1, grade: 4, correct: false, now: T0 + 5_000 }]);
  });

  it('an answer the store cannot record keeps the question on screen and says why', async () => {
    const fake = fakeQuiz({ scheduled: true, recordError: new Error('database is locked') });
    const s = renderQuiz(fake, [choiceItem(1), choiceItem(2)]);
    await s.waitForText('Capital of France (1)?');
    await s.press('2');
    await s.waitForText('✓ Right');
    await s.press(KEY.enter);
    await s.waitForText('Not recorded: database is locked. Enter tries again; q quits.');
    expect(s.lastState().quiz.index).toBe(0);
  });
});

describe('quiz screen: quitting and the end', () => {
  it('q midway ends the quiz: what was answered is saved and scored', async () => {
    const fake = fakeQuiz();
    const s = renderQuiz(fake, [choiceItem(1), choiceItem(2), choiceItem(3)]);
    await s.waitForText('Capital of France (1)?');
    await s.press('2');
    await s.press(KEY.enter);
    await s.waitForText('Capital of France (2)?');
    fake.advance(61_000);
    await s.press('q');
    await s.waitForText('1/1 right · 1:01');
    expect(s.text()).toContain('Stopped after 1 of 3 questions.');
    expect(s.text()).toContain('Saved as quiz 7. engram quiz --seed 42 asks the same questions.');
    const saves = fake.callsOf('save');
    expect(saves).toHaveLength(1);
    expect(saves[0]!.answers.map((a) => [a.cardId, a.correct])).toEqual([[1, true]]);
    expect(saves[0]!.answeredAt).toEqual([T0]);
    expect(saves[0]!.finishedAt).toBe(T0 + 61_000);
    expect(s.lines()[22]).toBe('enter close');
    await s.press(KEY.enter);
    await s.waitForState((st) => st.closed, 'the screen closing');
  });

  it('q in the feedback of an answer keeps that answer', async () => {
    const fake = fakeQuiz({ scheduled: true });
    const s = renderQuiz(fake, [choiceItem(1), choiceItem(2)]);
    await s.waitForText('Capital of France (1)?');
    await s.press('1');
    await s.waitForText('✗ Wrong');
    await s.press('q');
    await s.waitForText('0/1 right');
    expect(fake.calls.map((c) => c.kind)).toEqual(['record', 'save']);
    expect(s.text()).toContain('Recorded 1 answer as reviews.');
  });

  it('ctrl-c quits from the answer box; with nothing answered nothing is saved and the screen goes', async () => {
    const fake = fakeQuiz();
    const s = renderQuiz(fake, [typedItem(1)]);
    await s.waitForText('Largest planet?');
    await s.press('Jup');
    await s.press(KEY.ctrlC);
    const closed = await s.waitForState((st) => st.closed, 'the screen closing');
    expect(closed.quiz.answers).toEqual([]);
    expect(fake.calls).toEqual([]);
  });

  it('the end screen gives the score and time, and each wrong answer with what was given and expected', async () => {
    const fake = fakeQuiz();
    const s = renderQuiz(fake, [choiceItem(1), typedItem(2), recallItem(3), predictItem(4, 'a\nb')]);
    await s.waitForText('Capital of France (1)?');
    await s.press('2');
    await s.press(KEY.enter);
    await s.waitForText('Largest planet?');
    await s.press('Saturn\r');
    await s.press(KEY.enter);
    await s.waitForText('Why is the sky blue?');
    await s.press(KEY.space);
    await s.press('n');
    await s.press(KEY.enter);
    await s.waitForText('Predict the output.');
    fake.advance(151_000);
    await s.press(`a\rc${KEY.ctrlD}`);
    await s.waitForText('enter finish');
    await s.press(KEY.enter);
    await s.waitForText('1/4 right · 2:31');
    const lines = s.lines();
    const from = lines.indexOf('Wrong:');
    expect(lines.slice(from, from + 9)).toEqual([
      'Wrong:',
      '  #2 Largest planet?',
      '     given:    Saturn',
      '     expected: the planet Jupiter',
      '  #3 Why is the sky blue?',
      '     answer: Rayleigh scattering.',
      '  #4 What does this print?',
      '     given:    a ⏎ c',
      '     expected: a ⏎ b',
    ]);
    expect(s.lines()[0]).toMatch(/^Quiz +4\/4  ✓ 1  ✗ 3  2:31$/);
    expect(fake.callsOf('save')[0]!.answers).toHaveLength(4);
  });

  it('? lists the quiz keys from the key table, and ? hides them', async () => {
    const fake = fakeQuiz();
    const s = renderQuiz(fake, [choiceItem(1)]);
    await s.waitForText('Capital of France (1)?');
    await s.press('?');
    await s.waitForText('? closes this list');
    expect(s.text()).toContain('1-4                  pick that option  (choice)');
    expect(s.text()).toContain('q / escape / ctrl-c  quit (answers so far are kept and saved)');
    expect(s.text()).not.toContain('bury');
    // With the list open, picking does nothing.
    await s.press('2');
    expect(s.lastState().quiz.phase).toBe('asking');
    await s.press('?');
    await s.waitForText('Capital of France (1)?');
  });
});
