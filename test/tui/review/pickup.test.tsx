import { describe, expect, it } from 'vitest';
import { fakeActions, makeCard } from './fake-actions.js';
import { KEY, renderReview, type Screen } from './screen.js';

/** Reveals the card on screen and answers it with `grade`. */
async function answer(s: Screen, id: number, grade: string): Promise<void> {
  await s.waitForText(`Question ${id}?`);
  await s.press(KEY.space);
  await s.waitForText(`Answer ${id}.`);
  await s.press(grade);
}

// Another engram (an import in another terminal) writes to the store while the
// review runs: the session reads the queue again at its next card.
describe('review screen: cards another engram imports meanwhile', () => {
  it('shows a card imported during the last card instead of ending the session', async () => {
    const fake = fakeActions([makeCard(1), makeCard(2)]);
    const s = renderReview(fake);
    await answer(s, 1, '4');
    await s.waitForText('Question 2?');
    fake.importElsewhere([makeCard(3)]);
    await answer(s, 2, '4');
    await s.waitForText('Question 3?');
    expect(s.lines()[0]!.endsWith('New 1  Learn 0  Due 0  0:00')).toBe(true);
    expect(fake.requeues()).toBe(1);
    await answer(s, 3, '4');
    const done = await s.waitForState((st) => st.phase === 'done', 'the end of the session');
    expect(done.answers.map((a) => a.cardId)).toEqual([1, 2, 3]);
  });

  it('counts the imported cards in the header from the next card on', async () => {
    const fake = fakeActions([makeCard(1), makeCard(2), makeCard(3)]);
    const s = renderReview(fake);
    await s.waitForText('Question 1?');
    expect(s.lines()[0]!.endsWith('New 3  Learn 0  Due 0  0:00')).toBe(true);
    fake.importElsewhere([makeCard(4), makeCard(5)]);
    await answer(s, 1, '4');
    await s.waitForText('Question 2?');
    expect(s.lines()[0]!.endsWith('New 4  Learn 0  Due 0  0:00')).toBe(true);
  });

  it('shows the card loaded ahead as the import rewrote it, not as it was loaded', async () => {
    const fake = fakeActions([makeCard(1), makeCard(2)]);
    const s = renderReview(fake);
    await s.waitForText('Question 1?');
    // Card 2 is loaded ahead while card 1 is read.
    await s.waitFor(() => fake.callsOf('show').some((c) => c.cardId === 2), 'card 2 loaded ahead');
    fake.importElsewhere([makeCard(2, { front: 'Question 2, as rewritten?' })]);
    await answer(s, 1, '4');
    await s.waitForText('Question 2, as rewritten?');
    expect(fake.callsOf('show').filter((c) => c.cardId === 2)).toHaveLength(2);
  });

  it('reads the queue again only when another engram wrote', async () => {
    const fake = fakeActions([makeCard(1), makeCard(2), makeCard(3)]);
    const s = renderReview(fake);
    await answer(s, 1, '4');
    await answer(s, 2, '4');
    await s.waitForText('Question 3?');
    expect(fake.requeues()).toBe(0);
  });

  it('keeps an undone card\'s session on the queue with the imported cards in it', async () => {
    const fake = fakeActions([makeCard(1), makeCard(2)]);
    const s = renderReview(fake);
    await answer(s, 1, '4');
    fake.importElsewhere([makeCard(3)]);
    await answer(s, 2, '4');
    await s.waitForText('Question 3?');
    // Undo takes card 2's answer back, and with it the queue from before the import.
    await s.press('u');
    await s.waitForText('Answer undone.');
    await answer(s, 2, '4');
    await s.waitForText('Question 3?');
    const shown = await s.waitForState((st) => st.current?.card.id === 3 && st.answers.length === 2, 'card 3 after the undone card');
    expect(shown.answers.map((a) => a.cardId)).toEqual([1, 2]);
  });

  it('goes on with the queue it has when the store cannot be read again, and tries at the next card', async () => {
    const fake = fakeActions([makeCard(1), makeCard(2), makeCard(3)], { queueError: new Error('database is locked') });
    const s = renderReview(fake);
    await s.waitForText('Question 1?');
    fake.importElsewhere([makeCard(4)]);
    await answer(s, 1, '4');
    await s.waitForText('Question 2?');
    expect(s.lines()[0]!.endsWith('New 2  Learn 0  Due 0  0:00')).toBe(true);
    await answer(s, 2, '4');
    await s.waitForText('Question 3?');
    // Tried at each card since, without a message: the cards in the queue are all still valid.
    expect(fake.requeues()).toBe(2);
    expect(s.text()).not.toContain('database is locked');
  });
});

describe('review screen: the next card cannot be read', () => {
  it('says so after the saved answer, and space tries again', async () => {
    let locked = true;
    const fake = fakeActions([makeCard(1), makeCard(2)], { showError: (id) => (id === 2 && locked ? new Error('database is locked') : undefined) });
    const s = renderReview(fake);
    await answer(s, 1, '4');
    await s.waitForText('Could not load the next card: database is locked; press space to try again.');
    expect(fake.callsOf('answer').map((c) => c.cardId)).toEqual([1]);
    await s.press(KEY.space);
    expect(s.text()).toContain('Could not load the next card');
    locked = false;
    await s.press(KEY.space);
    await s.waitForText('Question 2?');
    expect(s.text()).not.toContain('Answer 2.');
    expect(s.text()).not.toContain('Could not load');
  });
});
