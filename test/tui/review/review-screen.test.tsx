import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { ReviewHelp } from '../../../src/tui/review/ReviewHelp.js';
import { bindingsFor, keysLabel, modeNote, REVIEW_KEY_MODES } from '../../../src/tui/key-table.js';

const KEY_TABLE = bindingsFor(REVIEW_KEY_MODES);
import { dueReviewState, fakeActions, makeCard, T0, type Fake } from './fake-actions.js';
import { KEY, plainLines, renderReview } from './screen.js';

/**
 * Two new cards and one review due since yesterday. buildQueue interleaves
 * them as: card 1 (new), card 3 (review), card 2 (new).
 */
function threeCards(options: Parameters<typeof fakeActions>[1] = {}): Fake {
  return fakeActions([makeCard(1, { deck: 'geography' }), makeCard(2, { deck: 'geography' }), makeCard(3, { deck: 'geography' })], {
    states: new Map([[3, dueReviewState()]]),
    ...options,
  });
}

const QUESTION_BAR = 'space show answer  ? keys  q quit';
/** The buttons of a new card at T0 (default steps 1m 10m, fuzz off). */
const NEW_CARD_BUTTONS = '1 Again 1m  2 Hard 6m  3 Good 10m  4 Easy 8d';
/** The buttons of the review card of `dueReviewState` at T0. */
const REVIEW_CARD_BUTTONS = '1 Again 10m  2 Hard 14d  3 Good 19d  4 Easy 1mo';
const RULE = '─'.repeat(99);

describe('review screen: layout', () => {
  it('shows the deck and the New/Learn/Due counts, which change after an answer', async () => {
    const fake = threeCards();
    const s = renderReview(fake);
    await s.waitForText('Question 1?');
    const header = s.lines()[0]!;
    expect(header.startsWith('geography ')).toBe(true);
    expect(header.endsWith('New 2  Learn 0  Due 1  0:00')).toBe(true);
    expect(s.lines()[1]).toBe(RULE);

    await s.press(KEY.space);
    await s.waitForText('Answer 1.');
    await s.press('3');
    await s.waitForText('Question 3?');
    // Card 1 went into its learning steps (10 minutes), so it counts as learning now.
    expect(s.lines()[0]!.endsWith('New 1  Learn 1  Due 1  0:00')).toBe(true);

    await s.press(KEY.space);
    await s.waitForText('Answer 3.');
    await s.press('3');
    await s.waitForText('Question 2?');
    expect(s.lines()[0]!.endsWith('New 1  Learn 1  Due 0  0:00')).toBe(true);
  });

  it('lays out header, rule, card body, message line and key bar in 23 rows of 24', async () => {
    const s = renderReview(threeCards());
    await s.waitForText('Question 1?');
    const lines = s.lines();
    expect(lines).toHaveLength(23);
    expect(lines[2]).toBe('Question 1?');
    expect(lines.slice(3, 21)).toEqual(Array(18).fill(''));
    expect(lines[21]).toBe('');
    expect(lines[22]).toBe(QUESTION_BAR);
  });

  it('shows the question, then the answer below a rule after space', async () => {
    const s = renderReview(threeCards());
    await s.waitForText('Question 1?');
    expect(s.text()).not.toContain('Answer 1.');
    expect(s.text()).not.toContain('Again');

    await s.press(KEY.space);
    await s.waitForText('Answer 1.');
    expect(s.lines().slice(2, 7)).toEqual(['Question 1?', '', RULE, '', 'Answer 1.']);
    expect(s.lines()[22]).toBe(NEW_CARD_BUTTONS);
    expect(s.text()).not.toContain(QUESTION_BAR);
  });

  it('shows the answer after enter too', async () => {
    const s = renderReview(threeCards());
    await s.waitForText('Question 1?');
    await s.press(KEY.enter);
    await s.waitForText('Answer 1.');
    await s.waitForState((st) => st.phase === 'answer', 'the answer side');
  });

  it('labels the four buttons with the intervals of ShownCard.intervals', async () => {
    const fake = threeCards({ intervals: (card) => ({ 1: `${card.id}a`, 2: `${card.id}b`, 3: `${card.id}c`, 4: `${card.id}d` }) });
    const s = renderReview(fake);
    await s.waitForText('Question 1?');
    await s.press(KEY.space);
    await s.waitForText('1 Again 1a  2 Hard 1b  3 Good 1c  4 Easy 1d');
    await s.press('4');
    await s.waitForText('Question 3?');
    await s.press(KEY.space);
    await s.waitForText('1 Again 3a  2 Hard 3b  3 Good 3c  4 Easy 3d');
  });

  it("labels a review card's buttons with the scheduler's intervals", async () => {
    const s = renderReview(threeCards());
    await s.waitForText('Question 1?');
    await s.press(KEY.space);
    await s.waitForText('1 Again');
    await s.press('3');
    await s.waitForText('Question 3?');
    await s.press(KEY.space);
    await s.waitForText('Answer 3.');
    expect(s.lines()[22]).toBe(REVIEW_CARD_BUTTONS);
  });

  it('counts the time spent in the header', async () => {
    const fake = threeCards();
    const s = renderReview(fake);
    await s.waitForText('Question 1?');
    fake.advance(65_000);
    // The header's clock ticks once a second.
    await s.waitFor((t) => t.split('\n')[0]!.endsWith('New 2  Learn 0  Due 1  1:05'), 'the clock at 1:05');
  });
});

describe('review screen: answering', () => {
  for (const [key, grade] of [
    ['1', 1],
    ['2', 2],
    ['3', 3],
    ['4', 4],
  ] as const) {
    it(`grades ${grade} with the key ${key}: answer is called once and the next card shows`, async () => {
      const fake = threeCards();
      const s = renderReview(fake);
      await s.waitForText('Question 1?');
      fake.advance(7_000);
      await s.press(KEY.space);
      await s.waitForText('Answer 1.');
      await s.press(key);
      await s.waitForText('Question 3?');
      expect(fake.effects()).toEqual([{ kind: 'answer', cardId: 1, grade, now: T0 + 7_000, shownAt: T0, reviewId: 101 }]);
      expect(s.text()).not.toContain('Question 1?');
      expect(s.lines()[22]).toBe(QUESTION_BAR);
      const { answers } = await s.waitForState((st) => st.answers.length > 0, 'the answer in the session');
      expect(answers.map((a) => [a.cardId, a.reviewId, a.grade, a.durationMs])).toEqual([[1, 101, grade, 7_000]]);
    });
  }

  it('ignores grade keys while the question shows', async () => {
    const fake = threeCards();
    const s = renderReview(fake);
    await s.waitForText('Question 1?');
    for (const key of ['1', '2', '3', '4']) await s.press(key);
    expect(fake.effects()).toEqual([]);
    expect(s.text()).toContain('Question 1?');
    expect(s.text()).not.toContain('Answer 1.');
  });

  it('grades Good with enter on the answer side', async () => {
    const fake = threeCards();
    const s = renderReview(fake);
    await s.waitForText('Question 1?');
    await s.press(KEY.enter);
    await s.waitForText('Answer 1.');
    await s.press(KEY.enter);
    await s.waitForText('Question 3?');
    expect(fake.effects()).toEqual([{ kind: 'answer', cardId: 1, grade: 3, now: T0, shownAt: T0, reviewId: 101 }]);
  });

  it('grades Good with space on the answer side', async () => {
    const fake = threeCards();
    const s = renderReview(fake);
    await s.waitForText('Question 1?');
    await s.press(KEY.space);
    await s.waitForText('Answer 1.');
    await s.press(KEY.space);
    await s.waitForText('Question 3?');
    expect(fake.effects()).toEqual([{ kind: 'answer', cardId: 1, grade: 3, now: T0, shownAt: T0, reviewId: 101 }]);
  });

  it('answers the cards in queue order with the grades given', async () => {
    const fake = threeCards();
    const s = renderReview(fake);
    for (const [id, grade, next] of [
      [1, '1', 'Question 3?'],
      [3, '2', 'Question 2?'],
    ] as const) {
      await s.waitForText(`Question ${id}?`);
      await s.press(KEY.space);
      await s.waitForText(`Answer ${id}.`);
      await s.press(grade);
      await s.waitForText(next);
    }
    expect(fake.callsOf('answer').map((c) => [c.cardId, c.grade, c.reviewId])).toEqual([
      [1, 1, 101],
      [3, 2, 102],
    ]);
  });

  it('keeps the card on screen and says so when the answer cannot be saved', async () => {
    const fake = threeCards({ answerError: new Error('database is locked') });
    const s = renderReview(fake);
    await s.waitForText('Question 1?');
    await s.press(KEY.space);
    await s.waitForText('Answer 1.');
    await s.press('3');
    await s.waitForText('Not saved: database is locked');
    expect(s.lines()[21]).toBe('Not saved: database is locked');
    expect(s.text()).toContain('Answer 1.');
    expect(s.lines()[22]).toBe(NEW_CARD_BUTTONS);
    expect(fake.effects()).toEqual([]);
    expect(s.lastState()!.answers).toEqual([]);
  });

  it('brings a learning card back within the learn-ahead window, and ends when nothing is left', async () => {
    const fake = fakeActions([makeCard(1)]);
    const s = renderReview(fake);
    await s.waitForText('Question 1?');
    await s.press(KEY.space);
    await s.waitForText('Answer 1.');
    await s.press('3');
    // Due again in 10 minutes, within the 20 minutes engram looks ahead when nothing else is left.
    await s.waitForState((st) => st.answers.length === 1 && st.current !== null, 'card 1 shown again');
    expect(s.text()).toContain('Question 1?');
    expect(s.lines()[0]!.endsWith('New 0  Learn 1  Due 0  0:00')).toBe(true);
    await s.press(KEY.space);
    await s.waitForText('1 Again 1m  2 Hard 6m  3 Good 2d  4 Easy 4d');
    await s.press('3');
    const done = await s.waitForState((st) => st.phase === 'done', 'the end of the session');
    expect(done.quit).toBe(false);
    expect(done.answers.map((a) => [a.cardId, a.grade])).toEqual([
      [1, 3],
      [1, 3],
    ]);
    expect(fake.callsOf('answer').map((c) => c.reviewId)).toEqual([101, 102]);
  });
});

describe('review screen: undo, bury, suspend, edit', () => {
  it('undo brings the answered card back and calls undo with its review id', async () => {
    const fake = threeCards();
    const s = renderReview(fake);
    await s.waitForText('Question 1?');
    await s.press(KEY.space);
    await s.waitForText('Answer 1.');
    await s.press('2');
    await s.waitForText('Question 3?');

    await s.press('u');
    await s.waitForText('Question 1?');
    expect(fake.effects()).toEqual([
      { kind: 'answer', cardId: 1, grade: 2, now: T0, shownAt: T0, reviewId: 101 },
      { kind: 'undo', reviewId: 101, cardId: 1 },
    ]);
    expect(s.lines()[21]).toBe('Answer undone.');
    expect(s.lines()[22]).toBe(QUESTION_BAR);
    expect(s.lines()[0]!.endsWith('New 2  Learn 0  Due 1  0:00')).toBe(true);
    expect(s.text()).not.toContain('Answer 1.');
    const undone = await s.waitForState((st) => st.message === 'Answer undone.', 'the undone state');
    expect(undone.answers).toEqual([]);
    expect(fake.reviews).toEqual([]);

    // Answered again, it gets a new review id.
    await s.press(KEY.space);
    await s.waitForText('Answer 1.');
    expect(s.lines()[22]).toBe(NEW_CARD_BUTTONS);
    await s.press('4');
    await s.waitForText('Question 3?');
    expect(fake.callsOf('answer').map((c) => [c.cardId, c.grade, c.reviewId])).toEqual([
      [1, 2, 101],
      [1, 4, 102],
    ]);
  });

  it('undoes answers last first', async () => {
    const fake = threeCards();
    const s = renderReview(fake);
    await s.waitForText('Question 1?');
    await s.press(KEY.space);
    await s.waitForText('1 Again');
    await s.press('3');
    await s.waitForText('Question 3?');
    await s.press(KEY.space);
    await s.waitForText('1 Again');
    await s.press('1');
    await s.waitForText('Question 2?');
    await s.press('u');
    await s.waitForText('Question 3?');
    await s.press('u');
    await s.waitForText('Question 1?');
    expect(fake.callsOf('undo')).toEqual([
      { kind: 'undo', reviewId: 102, cardId: 3 },
      { kind: 'undo', reviewId: 101, cardId: 1 },
    ]);
  });

  it('says there is nothing to undo before the first answer', async () => {
    const fake = threeCards();
    const s = renderReview(fake);
    await s.waitForText('Question 1?');
    await s.press('u');
    await s.waitForText('Nothing to undo in this session.');
    expect(s.lines()[21]).toBe('Nothing to undo in this session.');
    expect(fake.effects()).toEqual([]);
    expect(s.text()).toContain('Question 1?');
  });

  it('b buries the card, says so and moves on', async () => {
    const fake = threeCards();
    const s = renderReview(fake);
    await s.waitForText('Question 1?');
    await s.press('b');
    await s.waitForText('Question 3?');
    expect(fake.effects()).toEqual([{ kind: 'bury', cardId: 1 }]);
    expect(s.lines()[21]).toBe('Buried until tomorrow.');
    expect(s.lines()[0]!.endsWith('New 1  Learn 0  Due 1  0:00')).toBe(true);
    expect(s.lastState()!.answers).toEqual([]);
  });

  it('s suspends the card (on the answer side too), says how to undo it and moves on', async () => {
    const fake = threeCards();
    const s = renderReview(fake);
    await s.waitForText('Question 1?');
    await s.press(KEY.space);
    await s.waitForText('Answer 1.');
    await s.press('s');
    await s.waitForText('Question 3?');
    expect(fake.effects()).toEqual([{ kind: 'suspend', cardId: 1 }]);
    expect(s.lines()[21]).toBe('Suspended card 1; engram unsuspend 1 brings it back.');
    expect(s.lines()[22]).toBe(QUESTION_BAR);
    expect(s.lines()[0]!.endsWith('New 1  Learn 0  Due 1  0:00')).toBe(true);
  });

  it('clears the message when the next card comes', async () => {
    const fake = threeCards();
    const s = renderReview(fake);
    await s.waitForText('Question 1?');
    await s.press('b');
    await s.waitForText('Buried until tomorrow.');
    await s.press(KEY.space);
    await s.waitForText('Answer 3.');
    await s.press('3');
    await s.waitForText('Question 2?');
    expect(s.lines()[21]).toBe('');
  });

  it('e edits the card and shows what the edit gives back', async () => {
    const fake = threeCards({
      edit: (shown) => fake.shownCard({ ...shown.card, front: 'Question 1, rewritten?' }),
    });
    const s = renderReview(fake);
    await s.waitForText('Question 1?');
    await s.press('e');
    await s.waitForText('Question 1, rewritten?');
    expect(fake.effects()).toEqual([{ kind: 'edit', cardId: 1, now: T0 }]);
    expect(s.lines()[21]).toBe('Card re-imported.');
  });

  it('e shows why a card could not be edited', async () => {
    const fake = threeCards();
    const s = renderReview(fake);
    await s.waitForText('Question 1?');
    await s.press('e');
    await s.waitForText('This card has no source file to edit.');
    expect(fake.effects()).toEqual([{ kind: 'edit', cardId: 1, now: T0 }]);
    expect(s.text()).toContain('Question 1?');
  });
});

describe('review screen: undo after other actions', () => {
  it('a card buried after an answer stays buried when that answer is undone', async () => {
    const fake = threeCards();
    const s = renderReview(fake);
    await s.waitForText('Question 1?');
    await s.press(KEY.space);
    await s.waitForText('Answer 1.');
    await s.press('3');
    await s.waitForText('Question 3?');
    await s.press('b');
    await s.waitForText('Question 2?');
    await s.press('u');
    await s.waitForText('Question 1?');
    await s.press(KEY.space);
    await s.waitForText('Answer 1.');
    await s.press('4');
    await s.waitFor((t) => !t.includes('Question 1?'), 'the card after card 1');
    // Card 3 is buried in the store: the queue after the undo must not hold it.
    expect(s.lines()[2]).toBe('Question 2?');
    expect(s.lines()[0]!.endsWith('New 1  Learn 0  Due 0  0:00')).toBe(true);
    expect(fake.effects().map((c) => c.kind)).toEqual(['answer', 'bury', 'undo', 'answer']);
  });

  it('a card suspended after an answer stays suspended when that answer is undone', async () => {
    const fake = threeCards();
    const s = renderReview(fake);
    await s.waitForText('Question 1?');
    await s.press(KEY.space);
    await s.waitForText('Answer 1.');
    await s.press('4');
    await s.waitForText('Question 3?');
    await s.press('s');
    await s.waitForText('Question 2?');
    await s.press('u');
    await s.waitForText('Question 1?');
    await s.press(KEY.space);
    await s.waitForText('Answer 1.');
    await s.press('4');
    await s.waitFor((t) => !t.includes('Question 1?'), 'the card after card 1');
    // Card 3 is suspended in the store: card 2 comes next.
    expect(s.lines()[2]).toBe('Question 2?');
    expect(fake.effects().map((c) => c.kind)).toEqual(['answer', 'suspend', 'undo', 'answer']);
  });

  it('times an answer given after an undo from when the card came back', async () => {
    const fake = threeCards();
    const s = renderReview(fake);
    await s.waitForText('Question 1?');
    fake.advance(5_000);
    await s.press(KEY.space);
    await s.waitForText('Answer 1.');
    await s.press('3');
    await s.waitForText('Question 3?');
    // Fifteen seconds on card 3, then back to card 1.
    fake.advance(15_000);
    const beforeUndo = s.states.length;
    await s.press('u');
    await s.waitForText('Question 1?');
    fake.advance(3_000);
    await s.press(KEY.space);
    await s.waitForText('Answer 1.');
    await s.press('3');
    await s.waitForText('Question 3?');
    expect(fake.callsOf('answer').map((c) => [c.now - T0, c.now - c.shownAt])).toEqual([
      [5_000, 5_000],
      [23_000, 3_000],
    ]);
    const again = await s.waitForState((st) => st.answers.length === 1, 'the second answer', beforeUndo);
    expect(again.answers.map((a) => a.durationMs)).toEqual([3_000]);
  });
});

describe('review screen: help, end and quit', () => {
  const keyRows = (): string[] => {
    const width = Math.max(...KEY_TABLE.map((b) => keysLabel(b).length));
    return KEY_TABLE.map((b) => {
      return `${keysLabel(b).padEnd(width)}  ${b.help}${modeNote(b)}`;
    });
  };

  it('? shows every key of the key table, in one column when the window is tall enough', () => {
    const instance = render(<ReviewHelp height={KEY_TABLE.length + 2} width={120} />);
    const rows = keyRows();
    expect(plainLines(instance.lastFrame() ?? '')).toEqual(['Keys', ...rows, '? closes this list']);
    expect(rows).toContain('3                    Good: recalled  (after the answer shows)');
    expect(rows).toContain('u                    undo the last answer');
    expect(rows).toContain('1-9                  run that block  (choosing a block)');
    instance.unmount();
  });

  it('? shows every key in two columns at 24 rows, and ? hides it', async () => {
    const fake = threeCards();
    const s = renderReview(fake);
    await s.waitForText('Question 1?');
    await s.press('?');
    await s.waitForText('? closes this list');
    expect(s.text()).not.toContain('Question 1?');
    const cells = s.lines().flatMap((l) => [l.slice(0, 49).trimEnd(), l.slice(49).trimEnd()]);
    for (const b of KEY_TABLE) {
      const start = `${keysLabel(b).replace(/ \/ /g, '/')} ${b.help}`.slice(0, 20);
      expect(cells.some((c) => c.startsWith(start)), start).toBe(true);
    }

    await s.press('?');
    await s.waitForText('Question 1?');
    expect(s.text()).not.toContain('? closes this list');
    expect(fake.effects()).toEqual([]);
  });

  it('ends with phase done when the queue is empty', async () => {
    const fake = fakeActions([]);
    const s = renderReview(fake);
    const done = await s.waitForState((st) => st.phase === 'done', 'phase done');
    expect(done.current).toBeNull();
    expect(done.quit).toBe(false);
    expect(done.answers).toEqual([]);
    expect(fake.calls).toEqual([]);
  });

  it('ends with phase done after the last card is answered', async () => {
    const fake = fakeActions([makeCard(1, { deck: 'solo' })]);
    const s = renderReview(fake);
    await s.waitForText('Question 1?');
    await s.press(KEY.space);
    await s.waitForText('Answer 1.');
    await s.press('4');
    const done = await s.waitForState((st) => st.phase === 'done', 'phase done');
    expect(done.quit).toBe(false);
    expect(done.answers.map((a) => [a.cardId, a.reviewId, a.grade])).toEqual([[1, 101, 4]]);
    expect(s.lastState()).toBe(done);
  });

  it('q quits with everything answered kept in the last state', async () => {
    const fake = threeCards();
    const s = renderReview(fake);
    await s.waitForText('Question 1?');
    await s.press(KEY.space);
    await s.waitForText('Answer 1.');
    await s.press('1');
    await s.waitForText('Question 3?');
    await s.press('q');
    const last = await s.waitForState((st) => st.quit, 'quit');
    expect(last.phase).toBe('done');
    expect(last.answers.map((a) => [a.cardId, a.grade])).toEqual([[1, 1]]);
    expect(fake.effects()).toEqual([{ kind: 'answer', cardId: 1, grade: 1, now: T0, shownAt: T0, reviewId: 101 }]);
    // Nothing more happens once the screen has closed.
    await s.press(KEY.space);
    await s.press('3');
    expect(fake.effects()).toHaveLength(1);
  });

  it('escape quits too', async () => {
    const fake = threeCards();
    const s = renderReview(fake);
    await s.waitForText('Question 1?');
    await s.press('\u001B');
    const last = await s.waitForState((st) => st.quit, 'quit');
    expect(last.phase).toBe('done');
    expect(fake.effects()).toEqual([]);
  });

  it('q quits on the answer side without answering', async () => {
    const fake = threeCards();
    const s = renderReview(fake);
    await s.waitForText('Question 1?');
    await s.press(KEY.space);
    await s.waitForText('Answer 1.');
    await s.press('q');
    const last = await s.waitForState((st) => st.quit, 'quit');
    expect(last.phase).toBe('done');
    expect(last.answers).toEqual([]);
    expect(fake.effects()).toEqual([]);
  });
});
