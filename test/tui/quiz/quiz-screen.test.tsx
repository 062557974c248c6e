import { describe, expect, it } from 'vitest';
import type { QuizItem } from '../../../src/app/quiz/quiz-session.js';
import type { RunResult } from '../../../src/run/run-types.js';
import { QUIZ_HELP_BINDINGS, quizModeNote } from '../../../src/tui/key-table.js';
import { keyHelpLines } from '../../../src/tui/terminal/key-help-lines.js';
import { readKeyList } from '../terminal/read-key-list.js';
import { choiceItem, fakeQuiz, finishedRun, makeCard, predictItem, recallItem, typedItem } from './quiz-fake.js';
import { KEY, renderQuiz } from './quiz-screen.js';

// What each key does to the quiz is the controller's, tested in quiz-controller.test.ts; these
// tests drive the screen through Ink and check what it draws at each step.

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
    // Without --schedule, no grade is offered.
    expect(s.text()).not.toContain('Grade to record');

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
    // One word missing, one typed with a slip: close, but not right.
    await s.waitForText('≈ Nearly right (counted wrong)');
    expect(s.lines()[0]).toMatch(/✓ 0  ✗ 1/);
    expect(s.lines()).toContain('Yours: +the planet +Jupiter -jupyter');
    expect(s.text()).toContain('+ missing word   - word not in the answer');
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
  it('shows the prediction as typed, then the line diff against the output block', async () => {
    const fake = fakeQuiz();
    const s = renderQuiz(fake, [predictItem(1, 'a\nb')]);
    await s.waitForText('Predict the output.');
    await s.press('a');
    await s.press(KEY.enter);
    await s.press('c');
    await s.press(KEY.enter);
    await s.waitForText('› c');
    expect(s.lines()).toEqual(expect.arrayContaining(['› a', '› c']));
    expect(s.lines()[22]).toBe('enter new line  enter twice check  ctrl-d check  ctrl-c quit');
    // Enter on the empty line hands it in.
    await s.press(KEY.enter);
    await s.waitForText('✗ Wrong');
    expect(s.lines()).toEqual(expect.arrayContaining(['  a', '+ b', '- c']));
  });

  it('without an output block, asks to trust the deck, then shows the run and its verdict', async () => {
    const fake = fakeQuiz({
      run: async (_block, hooks) => {
        hooks.onOutput?.('stdout', 'a\n');
        return finishedRun('a\nb\n');
      },
    });
    const s = renderQuiz(fake, [predictItem(1, null)]);
    await s.waitForText('Predict the output.');
    await s.press(`a\rb\r\r`);
    await s.waitForText('is not trusted');
    expect(s.text()).toContain('y once · a trust the deck · n no, judge it myself');
    expect(s.lines()).toEqual(expect.arrayContaining(['Your prediction:', '› a', '› b']));
    expect(s.lines()[22]).toBe('y run once  a trust deck  n judge it myself');
    await s.press('y');
    await s.waitForText('✓ Right');
    expect(s.text()).toContain('ran: exit 0 · 12 ms');
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
    expect(s.lines()[22]).toBe('y right  n wrong  q quit');
    await s.press('y');
    await s.waitForText('✓ Right');
  });

  it('shows a snippet running, and once esc stopped it, why the prediction was not checked', async () => {
    const fake = fakeQuiz({
      trusted: ['code'],
      run: (_block, hooks) =>
        new Promise<RunResult>((resolve) => {
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
    await s.waitForText('Not checked: stopped. Judge your prediction yourself.');
    expect(s.text()).toContain('■ stopped');
    await s.press('n');
    await s.waitForText('✗ Wrong');
  });
});

describe('quiz screen: recall', () => {
  it('hides the answer until space, then asks whether it was known', async () => {
    const fake = fakeQuiz();
    const s = renderQuiz(fake, [recallItem(1), recallItem(2)]);
    await s.waitForText('Why is the sky blue?');
    expect(s.text()).not.toContain('Rayleigh');
    expect(s.lines()[22]).toBe('space show answer  ? keys  q quit');
    await s.press(KEY.space);
    await s.waitForText('Rayleigh scattering.');
    expect(s.text()).toContain('Did you know it? y right · n wrong');
    await s.press('y');
    await s.waitForText('✓ Right');
    await s.press(KEY.enter);
    await s.waitForState((st) => st.quiz.index === 1, 'the second question');
    await s.waitForText('Why is the sky blue?');
    expect(s.text()).not.toContain('Rayleigh');
    expect(s.lines()[0]).toMatch(/2\/2  ✓ 1  ✗ 0/);
  });
});

describe('quiz screen: a card taller than the window', () => {
  const tall = (): QuizItem => ({
    card: makeCard(1, { deck: 'misc', front: Array.from({ length: 30 }, (_, i) => `Step ${i + 1}.`).join('\n\n'), back: 'All thirty steps.' }),
    ask: { kind: 'recall' },
  });

  it('tells how many lines are below, scrolls with the keys, and moves to the answer once it shows', async () => {
    const fake = fakeQuiz();
    const s = renderQuiz(fake, [tall()]);
    await s.waitForText('Step 1.');
    expect(s.lines()[22]).toMatch(/^space show answer {2}\? keys {2}q quit +↓40$/);
    await s.press(KEY.down);
    await s.press('j');
    await s.waitForText('↓38');
    expect(s.lines()[2]).toBe('Step 2.');
    await s.press(KEY.space);
    await s.waitForText('All thirty steps.');
    // The window goes as far down as the card goes, the answer at its foot.
    expect(s.lines()[2]).toBe('Step 24.');
  });
});

describe('quiz screen: --schedule', () => {
  it('shows the grade to record, as 1-4 change it', async () => {
    const fake = fakeQuiz({ scheduled: true });
    const s = renderQuiz(fake, [typedItem(1), choiceItem(2)]);
    await s.waitForText('Largest planet?');
    await s.press('the planet jupyter\r');
    await s.waitForText('Grade to record: 2 Hard · 1-4 changes it · enter goes on');
    await s.press('4');
    await s.waitForText('Grade to record: 4 Easy');
    await s.press(KEY.enter);
    await s.waitForText('Capital of France (2)?');
    expect(s.text()).not.toContain('Grade to record');
  });

  it('says on the message line why an answer was not recorded, the answer still on screen', async () => {
    const fake = fakeQuiz({ scheduled: true, recordError: new Error('database is locked') });
    const s = renderQuiz(fake, [choiceItem(1), choiceItem(2)]);
    await s.waitForText('Capital of France (1)?');
    await s.press('2');
    await s.waitForText('✓ Right');
    await s.press(KEY.enter);
    await s.waitForText('Not recorded: database is locked. Enter tries again; q quits.');
    expect(s.lines()[21]).toBe('Not recorded: database is locked. Enter tries again; q quits.');
    expect(s.text()).toContain('✓ 2 Paris');
  });
});

describe('quiz screen: quitting and the end', () => {
  it('q midway shows the score of what was answered and what was saved; enter closes the screen', async () => {
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
    expect(s.text()).toContain('Saved as quiz 7. The same questions again:\n  engram quiz --seed 42');
    // The clock stops with the quiz.
    fake.advance(30_000);
    await s.press('j');
    expect(s.lines()[0]).toMatch(/^Quiz +2\/3  ✓ 1  ✗ 0  1:01$/);
    expect(s.lines()[22]).toBe('enter close');
    await s.press(KEY.enter);
    await s.waitForState((st) => st.closed, 'the screen closing');
  });

  it('with --schedule, the end says how many answers were recorded', async () => {
    const fake = fakeQuiz({ scheduled: true });
    const s = renderQuiz(fake, [choiceItem(1), choiceItem(2)]);
    await s.waitForText('Capital of France (1)?');
    await s.press('1');
    await s.waitForText('✗ Wrong');
    await s.press('q');
    await s.waitForText('0/1 right');
    expect(s.text()).toContain('Recorded 1 answer as reviews.');
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
  });

  for (const size of [
    { columns: 80, rows: 24 },
    { columns: 40, rows: 12 },
  ]) {
    it(`? lists every quiz key at ${size.columns}x${size.rows}, wrapped to fit and scrolled to its end; ? hides it`, async () => {
      const fake = fakeQuiz();
      const s = renderQuiz(fake, [choiceItem(1)], { size });
      await s.waitForText('Capital of France (1)?');
      await s.press('?');
      await s.waitForText('Keys');
      expect(s.text()).not.toContain('Capital of France (1)?');
      const { lines } = await readKeyList(s, size);
      expect(lines).toEqual(keyHelpLines(QUIZ_HELP_BINDINGS, quizModeNote, size.columns - 1).map((l) => l.map((r) => r.text).join('').trimEnd()));
      const all = lines.join(' ').replace(/\s+/g, ' ');
      for (const b of QUIZ_HELP_BINDINGS) expect(all).toContain(b.help);
      expect(all).not.toContain('bury');
      if (size.columns === 80) {
        expect(lines).toContain('1-4                  pick that option  (choice)');
        expect(lines).toContain('q / escape / ctrl-c  quit (answers so far are kept and saved)');
      }
      await s.press('?');
      await s.waitForText('Capital of France (1)?');
    });
  }
});
