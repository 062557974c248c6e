import chalk from 'chalk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeActions, makeCard, dueReviewState } from './fake-actions.js';
import { KEY, renderReview, type Screen } from './screen.js';

/** A foreground colour: 30-39 (37 basic colours, 38 extended, 39 reset) or bright 90-97. */
const COLOUR = /\u001B\[(?:3\d|9[0-7])(?:;\d+)*m/;
const BOLD = '\u001B[1m';

// Ink draws through chalk, which writes no escape codes at all when the test's
// stdout is not a terminal. Turned on here so that leaving colours out is the
// screen's doing, not chalk's.
let level: typeof chalk.level;
beforeAll(() => {
  level = chalk.level;
  chalk.level = 1;
});
afterAll(() => {
  chalk.level = level;
});

const cards = () =>
  fakeActions(
    [
      makeCard(1, {
        front: 'What does `pwd` print? See [the manual](https://example.com/pwd) and *try it*.',
        back: 'The working directory:\n\n```sh\npwd\n# /home/me\n```\n\n> **Note:** ~~never~~ always absolute.',
      }),
      makeCard(2),
    ],
    { states: new Map([[2, dueReviewState()]]) },
  );

/** Both sides of the first card, and a message: every coloured part of the screen. */
async function everyPart(s: Screen): Promise<string[]> {
  const frames: string[] = [];
  await s.waitForText('What does pwd print?');
  frames.push(s.raw());
  await s.press(KEY.space);
  await s.waitForText('always absolute.');
  frames.push(s.raw());
  await s.press('u');
  await s.waitForText('Nothing to undo in this session.');
  frames.push(s.raw());
  return frames;
}

describe('review screen: colours', () => {
  it('with colour off, draws no colour codes but keeps bold', async () => {
    const s = renderReview(cards(), { color: false });
    const frames = await everyPart(s);
    for (const frame of frames) {
      expect(frame).not.toMatch(COLOUR);
      expect(frame).toContain(BOLD);
    }
  });

  it('with colour on, draws the counts, buttons and message in their colours', async () => {
    const s = renderReview(cards(), { color: true });
    const [question, answer, message] = await everyPart(s);
    // New blue, Learn red, Due green.
    expect(question).toContain('\u001B[34mNew 1');
    expect(question).toContain('\u001B[31mLearn 0');
    expect(question).toContain('\u001B[32mDue 1');
    // Again red, Hard yellow, Good green, Easy blue.
    expect(answer).toContain('\u001B[31mAgain');
    expect(answer).toContain('\u001B[33mHard');
    expect(answer).toContain('\u001B[32mGood');
    expect(answer).toContain('\u001B[34mEasy');
    expect(message).toContain('\u001B[33mNothing to undo in this session.');
  });
});
