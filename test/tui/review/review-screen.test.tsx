import { describe, expect, it } from 'vitest';
import { bindingsFor, modeNote, REVIEW_KEY_MODES } from '../../../src/tui/key-table.js';
import { keyHelpLines } from '../../../src/tui/terminal/key-help-lines.js';
import { readKeyList } from '../terminal/read-key-list.js';
import { dueReviewState, fakeActions, makeCard, T0, type Fake } from './fake-actions.js';
import { KEY, renderReview } from './screen.js';

/** The review screen's rows of the key table. */
const KEY_TABLE = bindingsFor(REVIEW_KEY_MODES);

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

  it('offers x to drop a card derived from notes on both sides of the bar, and not for a written card', async () => {
    const fake = fakeActions([makeCard(1, { syntax: 'note-prose-definition' }), makeCard(2)]);
    const s = renderReview(fake);
    await s.waitForText('Question 1?');
    expect(s.lines()[22]).toBe('space show answer  x drop  ? keys  q quit');
    await s.press(KEY.space);
    await s.waitForText('Answer 1.');
    expect(s.lines()[22]).toBe(`${NEW_CARD_BUTTONS}   x drop`);
    await s.press('x');
    await s.waitForText('Question 2?');
    expect(s.text()).toContain('Dropped card 1 for good; u brings it back (later: engram undrop 1).');
    expect(s.lines()[22]).toBe(QUESTION_BAR);
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

// The rules are the controller's (review-controller.test.ts): these check that
// the screen hands it the keys, draws what it says, and redraws when it changes.
describe('review screen: keys and redraws', () => {
  it('space shows the answer, 3 records it, and the next card is drawn', async () => {
    const fake = threeCards();
    const s = renderReview(fake);
    await s.waitForText('Question 1?');
    fake.advance(7_000);
    await s.press(KEY.space);
    await s.waitForText('Answer 1.');
    await s.press('3');
    await s.waitForText('Question 3?');
    expect(fake.effects()).toEqual([{ kind: 'answer', cardId: 1, grade: 3, now: T0 + 7_000, shownAt: T0, reviewId: 101 }]);
    expect(s.text()).not.toContain('Question 1?');
    expect(s.lines()[22]).toBe(QUESTION_BAR);
    const { answers } = await s.waitForState((st) => st.answers.length > 0, 'the answer in the reported state');
    expect(answers.map((a) => [a.cardId, a.reviewId, a.grade, a.durationMs])).toEqual([[1, 101, 3, 7_000]]);
  });

  it('draws why an answer was not saved on the message line, the card and its buttons still there', async () => {
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
  });

  it('redraws when an edit comes back after the key', async () => {
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

  // Keys that reach engram in one read (over SSH, or typed while the screen was
  // busy) come to the screen as one input event, or as several before any redraw.
  it('reads plain keys typed ahead one by one: " 3" reveals and answers Good', async () => {
    const fake = threeCards();
    const s = renderReview(fake);
    await s.waitForText('Question 1?');
    await s.press(' 3');
    await s.waitForText('Question 3?');
    expect(fake.callsOf('answer').map((c) => [c.cardId, c.grade])).toEqual([[1, 3]]);
  });

  it('answers once when a grade, a scroll and more grades arrive together', async () => {
    const fake = threeCards();
    const s = renderReview(fake);
    await s.waitForText('Question 1?');
    await s.press(KEY.space);
    await s.waitForText('Answer 1');
    await s.press(`3${KEY.down}3${KEY.down}3`);
    await s.waitForText('Question 3?');
    expect(fake.callsOf('answer').map((c) => c.cardId)).toEqual([1]);
  });
});

describe('review screen: help and the end', () => {
  for (const size of [
    { columns: 80, rows: 24 },
    { columns: 40, rows: 12 },
  ]) {
    it(`? lists every key of the review at ${size.columns}x${size.rows}, wrapped to fit and scrolled to its end; ? hides it`, async () => {
      const fake = threeCards();
      const s = renderReview(fake, { size });
      await s.waitForText('Question 1?');
      await s.press('?');
      await s.waitForText('Keys');
      expect(s.text()).not.toContain('Question 1?');
      const { lines } = await readKeyList(s, size);
      expect(lines).toEqual(keyHelpLines(KEY_TABLE, modeNote, size.columns - 1).map((l) => l.map((r) => r.text).join('').trimEnd()));
      for (const b of KEY_TABLE) expect(lines.join(' ').replace(/\s+/g, ' ')).toContain(b.help);

      await s.press('?');
      await s.waitForText('Question 1?');
      expect(s.text()).not.toContain('Keys');
      expect(fake.effects()).toEqual([]);
    });
  }

  it('keeps the description column whole at 80 columns: the quit key reads to its end', async () => {
    const s = renderReview(threeCards(), { size: { columns: 80, rows: 24 } });
    await s.waitForText('Question 1?');
    await s.press('?');
    const { lines } = await readKeyList(s, { columns: 80, rows: 24 });
    expect(lines).toContain('q / escape / ctrl-c  quit (everything answered is saved)');
    expect(lines).toContain('s                    suspend the card (engram unsuspend brings it back)');
  });

  it('closes with phase done reported when the queue is empty', async () => {
    const fake = fakeActions([]);
    const s = renderReview(fake);
    const done = await s.waitForState((st) => st.phase === 'done', 'phase done');
    expect(done.current).toBeNull();
    expect(done.quit).toBe(false);
    expect(done.answers).toEqual([]);
    expect(fake.calls).toEqual([]);
  });

  it("shows the day's limit when it holds cards back, and m goes on with more cards", async () => {
    const fake = fakeActions([makeCard(1), makeCard(2), makeCard(3)], { limits: { global: { newPerDay: 2, reviewsPerDay: 200 }, decks: {} } });
    const s = renderReview(fake);
    for (const id of [1, 2]) {
      await s.waitForText(`Question ${id}?`);
      await s.press(KEY.space);
      await s.waitForText(`Answer ${id}.`);
      await s.press('4');
    }
    await s.waitForText('No more cards for now.');
    expect(s.lines().slice(2, 8)).toEqual([
      'No more cards for now.',
      "Today's new-card limit (2) is used up; 1 new card waits.",
      '',
      'm  study 1 more new card today',
      'q  stop here; to change the limit for good: engram config set new-per-day N',
      '',
    ]);
    expect(s.lines()[22]).toBe('m 1 more new card  u undo  q quit');
    await s.press('m');
    await s.waitForText('Question 3?');
    expect(s.lines()[21]).toBe('1 more new card allowed today.');
    expect(s.lines()[0]!.endsWith('New 1  Learn 0  Due 0  0:00')).toBe(true);
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
});
