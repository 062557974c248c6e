import { describe, expect, it } from 'vitest';
import { dueReviewState, fakeActions, makeCard } from './fake-actions.js';
import { KEY, renderReview } from './screen.js';

// Keys that reach engram in one read (over SSH, or typed while the screen was
// busy) are each handled against the current state, once.
describe('review screen: keys in one burst', () => {
  it('reads plain keys typed ahead one by one: " 3" reveals and answers Good', async () => {
    const fake = fakeActions([makeCard(1), makeCard(2)]);
    const s = renderReview(fake);
    await s.waitForText('Question 1?');
    await s.press(' 3');
    await s.waitForText('Question 2?');
    expect(fake.callsOf('answer').map((c) => [c.cardId, c.grade])).toEqual([[1, 3]]);
  });

  it('answers once when a grade, a scroll and more grades arrive together', async () => {
    const fake = fakeActions([makeCard(1), makeCard(2), makeCard(3)]);
    const s = renderReview(fake);
    await s.waitForText('Question 1?');
    await s.press(KEY.space);
    await s.waitForText('Answer 1');
    // After the first 3, card 2 is on its question side: the later 3s do nothing.
    await s.press(`3${KEY.down}3${KEY.down}3`);
    await s.waitForText('Question 2?');
    expect(fake.callsOf('answer').map((c) => c.cardId)).toEqual([1]);
  });

  it('undoes each answer once when two undos arrive together', async () => {
    const fake = fakeActions([makeCard(1), makeCard(2), makeCard(3)], { states: new Map([[3, dueReviewState()]]) });
    const s = renderReview(fake);
    await s.waitForText('Question 1?');
    for (const _ of [1, 2]) {
      await s.press(KEY.space);
      await s.press('4');
    }
    await s.press(`u${KEY.down}u`);
    await s.waitForText('Question 1?');
    const answered = fake.callsOf('answer').map((c) => c.reviewId);
    expect(answered).toHaveLength(2);
    // The last answer first, then the one before: each once.
    expect(fake.callsOf('undo').map((c) => c.reviewId)).toEqual([...answered].reverse());
  });

  it('ignores Ctrl and Alt combinations of the plain keys', async () => {
    const fake = fakeActions([makeCard(1), makeCard(2)]);
    const s = renderReview(fake);
    await s.waitForText('Question 1?');
    await s.press('\u0013'); // Ctrl+S: not suspend
    await s.press('\u001bu'); // Alt+U: not undo
    await s.press('\u0002'); // Ctrl+B: not bury
    expect(fake.effects()).toEqual([]);
    expect(s.text()).toContain('Question 1?');
  });
});
