import { describe, expect, it } from 'vitest';
import { fakeActions, makeCard } from './fake-actions.js';
import { KEY, renderReview } from './screen.js';

describe('review screen: a session that runs past the day rollover', () => {
  it('keeps learning cards answered after 04:00, in the new day\'s queue', async () => {
    const fake = fakeActions([makeCard(1), makeCard(2), makeCard(3)]);
    fake.setNow(Date.parse('2026-03-03T03:58:00Z')); // two minutes before the rollover (UTC, 4 am)
    const s = renderReview(fake);
    await s.waitForText('Question 1?');
    await s.press(KEY.space);
    await s.press('1'); // Again: due at 03:59
    await s.waitForText('Question 2?');
    fake.setNow(Date.parse('2026-03-03T04:01:00Z'));
    await s.press(KEY.space);
    await s.press('1'); // Again at 04:01: due 04:02, which is in the new study day
    await s.waitForText('Question 1?'); // card 1 was due at 03:59: it comes first
    expect(s.lines()[0]).toMatch(/New 1 {2}Learn 2 {2}Due 0/);
    expect(fake.callsOf('answer').map((c) => [c.cardId, c.grade])).toEqual([
      [1, 1],
      [2, 1],
    ]);
  });
});
