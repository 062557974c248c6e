import { afterEach, describe, expect, it, vi } from 'vitest';
import { codeOfCard } from '../../../src/check/code-of-card.js';
import { queueCounts, type DueQueue } from '../../../src/schedule/due-queue.js';
import type { CardState } from '../../../src/model/card-state.js';
import type { InkKey } from '../../../src/tui/key-table.js';
import { createReviewController, type ReviewController, type ViewFacts } from '../../../src/tui/review/review-controller.js';
import type { ReviewState } from '../../../src/tui/review/review-state.js';
import { codeDeck, endless, JS_CARD, printing, RULES } from './code-fakes.js';
import { dueReviewState, fakeActions, makeCard, T0, type Fake, type FakeOptions } from './fake-actions.js';

/** A card body that fits: nothing to scroll, no images. */
const VIEW: ViewFacts = { bodyHeight: 19, maxScroll: 0, images: [] };

/** The buttons of a new card at T0 (default steps 1m 10m, fuzz off). */
const NEW_CARD_INTERVALS = { 1: '1m', 2: '6m', 3: '10m', 4: '8d' };

const controllers: ReviewController[] = [];
afterEach(() => {
  while (controllers.length) controllers.pop()!.dispose();
  vi.useRealTimers();
});

interface Review {
  c: ReviewController;
  state(): ReviewState;
  /** The id of the card on screen, or null. */
  onScreen(): number | null;
  /** Presses keys by their key-table names, each in a read of its own, the screen drawing after each. */
  press(...names: string[]): void;
  /** One read from the terminal as Ink hands it over (each event in turn), then one frame. */
  read(...events: [string, InkKey?][]): void;
  /** Every state the controller reported, in order. */
  changes: ReviewState[];
  /** The ids of the cards laid out ahead. */
  warmed: number[];
}

/** The controller over the fake's queue, with its first card shown, as the screen starts it. */
function review(fake: Fake, o: { queue?: DueQueue; view?: Partial<ViewFacts> } = {}): Review {
  const view = { ...VIEW, ...o.view };
  const changes: ReviewState[] = [];
  const warmed: number[] = [];
  const c = createReviewController(fake.actions, o.queue ?? fake.queue(), { onChange: (s) => changes.push(s), warm: (shown) => warmed.push(shown.card.id) });
  controllers.push(c);
  c.cardShown();
  return {
    c,
    state: () => c.state(),
    onScreen: () => c.state().current?.card.id ?? null,
    press(...names) {
      for (const name of names) {
        c.onKey(name, view);
        c.cardShown();
      }
    },
    read(...events) {
      for (const [input, key] of events) c.onInput(input, key ?? {}, view);
      c.cardShown();
    },
    changes,
    warmed,
  };
}

/**
 * Two new cards and one review due since yesterday. buildQueue interleaves
 * them as: card 1 (new), card 3 (review), card 2 (new).
 */
function threeCards(options: FakeOptions = {}): Fake {
  return fakeActions([makeCard(1), makeCard(2), makeCard(3)], { states: new Map([[3, dueReviewState()]]), ...options });
}

/** Lets promises settle (an edit, an opened image, a finished run). */
const settle = () => new Promise<void>((done) => setImmediate(done));

/** Lets the look-ahead's timer fire. */
const afterFrame = () => new Promise<void>((done) => setTimeout(done, 0));

describe('review controller: showing and answering', () => {
  it('shows the first card of the queue on its question side', () => {
    const r = review(threeCards());
    expect(r.onScreen()).toBe(1);
    expect(r.state().phase).toBe('question');
    expect(r.state().current?.intervals).toEqual(NEW_CARD_INTERVALS);
  });

  for (const key of ['space', 'enter']) {
    it(`${key} reveals the answer and writes nothing`, () => {
      const fake = threeCards();
      const r = review(fake);
      r.press(key);
      expect(r.state().phase).toBe('answer');
      expect(r.onScreen()).toBe(1);
      expect(fake.effects()).toEqual([]);
    });
  }

  for (const grade of [1, 2, 3, 4] as const) {
    it(`the key ${grade} records grade ${grade} once, then shows the next card`, () => {
      const fake = threeCards();
      const r = review(fake);
      fake.advance(7_000);
      r.press('space', String(grade));
      expect(fake.effects()).toEqual([{ kind: 'answer', cardId: 1, grade, now: T0 + 7_000, shownAt: T0, reviewId: 101 }]);
      expect(r.onScreen()).toBe(3);
      expect(r.state().phase).toBe('question');
      expect(r.state().answers.map((a) => [a.cardId, a.reviewId, a.grade, a.durationMs])).toEqual([[1, 101, grade, 7_000]]);
    });
  }

  it('ignores grade keys while the question shows', () => {
    const fake = threeCards();
    const r = review(fake);
    r.press('1', '2', '3', '4');
    expect(fake.effects()).toEqual([]);
    expect([r.onScreen(), r.state().phase]).toEqual([1, 'question']);
  });

  for (const key of ['space', 'enter']) {
    it(`${key} on the answer side accepts Good`, () => {
      const fake = threeCards();
      const r = review(fake);
      r.press(key, key);
      expect(fake.effects()).toEqual([{ kind: 'answer', cardId: 1, grade: 3, now: T0, shownAt: T0, reviewId: 101 }]);
      expect(r.onScreen()).toBe(3);
    });
  }

  it('answers the cards in queue order, and the counts follow', () => {
    const fake = threeCards();
    const r = review(fake);
    expect(queueCounts(r.state().queue)).toEqual({ new: 2, learning: 0, review: 1 });
    r.press('space', '1');
    expect(r.onScreen()).toBe(3);
    // Card 1 went into its learning steps, so it counts as learning now.
    expect(queueCounts(r.state().queue)).toEqual({ new: 1, learning: 1, review: 1 });
    r.press('space', '2');
    expect(r.onScreen()).toBe(2);
    expect(queueCounts(r.state().queue)).toEqual({ new: 1, learning: 1, review: 0 });
    expect(fake.callsOf('answer').map((c) => [c.cardId, c.grade, c.reviewId])).toEqual([
      [1, 1, 101],
      [3, 2, 102],
    ]);
  });

  it('keeps the card on its answer side and says so when the store refuses the answer', () => {
    const fake = threeCards({ answerError: new Error('database is locked') });
    const r = review(fake);
    r.press('space', '3');
    expect(r.state().message).toBe('Not saved: database is locked');
    expect([r.onScreen(), r.state().phase]).toEqual([1, 'answer']);
    expect(r.state().answers).toEqual([]);
    expect(fake.effects()).toEqual([]);
  });

  it('brings a learning card back within the learn-ahead window, and ends when nothing is left', () => {
    const fake = fakeActions([makeCard(1)]);
    const r = review(fake);
    r.press('space', '3');
    // Due again in 10 minutes, within the 20 minutes engram looks ahead when nothing else is left.
    expect(r.onScreen()).toBe(1);
    expect(queueCounts(r.state().queue)).toEqual({ new: 0, learning: 1, review: 0 });
    expect(r.state().current?.intervals).toEqual({ 1: '1m', 2: '6m', 3: '2d', 4: '4d' });
    r.press('space', '3');
    expect(r.state().phase).toBe('done');
    expect(r.state().quit).toBe(false);
    expect(r.state().answers.map((a) => [a.cardId, a.grade])).toEqual([
      [1, 3],
      [1, 3],
    ]);
    expect(fake.callsOf('answer').map((c) => c.reviewId)).toEqual([101, 102]);
  });

  it('ends at once when nothing is due, without loading anything', () => {
    const fake = fakeActions([]);
    const r = review(fake);
    expect(r.state().phase).toBe('done');
    expect(r.state().current).toBeNull();
    expect(r.state().quit).toBe(false);
    expect(fake.calls).toEqual([]);
  });

  it('ends after the last card is answered', () => {
    const fake = fakeActions([makeCard(1, { deck: 'solo' })]);
    const r = review(fake);
    r.press('space', '4');
    expect(r.state().phase).toBe('done');
    expect(r.state().quit).toBe(false);
    expect(r.state().answers.map((a) => [a.cardId, a.reviewId, a.grade])).toEqual([[1, 101, 4]]);
  });

  it('reports every change as it happens', () => {
    const r = review(threeCards());
    r.press('space');
    expect(r.changes.at(-1)).toBe(r.state());
    expect(r.changes.map((s) => [s.current?.card.id ?? null, s.phase])).toEqual([
      [1, 'question'],
      [1, 'answer'],
    ]);
  });
});

describe('review controller: undo, bury, suspend', () => {
  it('undo brings the answered card back, calls undo with its review id, and a new answer gets a new id', () => {
    const fake = threeCards();
    const r = review(fake);
    r.press('space', '2');
    expect(r.onScreen()).toBe(3);
    r.press('u');
    expect(r.onScreen()).toBe(1);
    expect(fake.effects()).toEqual([
      { kind: 'answer', cardId: 1, grade: 2, now: T0, shownAt: T0, reviewId: 101 },
      { kind: 'undo', reviewId: 101, cardId: 1 },
    ]);
    expect(r.state().message).toBe('Answer undone.');
    expect(r.state().phase).toBe('question');
    expect(r.state().answers).toEqual([]);
    expect(r.state().current?.intervals).toEqual(NEW_CARD_INTERVALS);
    expect(queueCounts(r.state().queue)).toEqual({ new: 2, learning: 0, review: 1 });
    expect(fake.reviews).toEqual([]);

    r.press('space', '4');
    expect(r.onScreen()).toBe(3);
    expect(fake.callsOf('answer').map((c) => [c.cardId, c.grade, c.reviewId])).toEqual([
      [1, 2, 101],
      [1, 4, 102],
    ]);
  });

  it('undoes answers last first', () => {
    const fake = threeCards();
    const r = review(fake);
    r.press('space', '3', 'space', '1');
    expect(r.onScreen()).toBe(2);
    r.press('u');
    expect(r.onScreen()).toBe(3);
    r.press('u');
    expect(r.onScreen()).toBe(1);
    expect(fake.callsOf('undo')).toEqual([
      { kind: 'undo', reviewId: 102, cardId: 3 },
      { kind: 'undo', reviewId: 101, cardId: 1 },
    ]);
  });

  it('says there is nothing to undo before the first answer', () => {
    const fake = threeCards();
    const r = review(fake);
    r.press('u');
    expect(r.state().message).toBe('Nothing to undo in this session.');
    expect(fake.effects()).toEqual([]);
    expect(r.onScreen()).toBe(1);
  });

  it('keeps the answer and says so when the store refuses the undo', () => {
    const fake = threeCards();
    const r = review(fake);
    r.press('space', '3');
    fake.actions.undo = () => {
      throw new Error('database is locked');
    };
    r.press('u');
    expect(r.state().message).toBe('Not undone: database is locked');
    expect(r.onScreen()).toBe(3);
    expect(r.state().answers.map((a) => a.cardId)).toEqual([1]);
  });

  it('b buries the card, says so and moves on', () => {
    const fake = threeCards();
    const r = review(fake);
    r.press('b');
    expect(fake.effects()).toEqual([{ kind: 'bury', cardId: 1 }]);
    expect(r.state().message).toBe('Buried card 1 until tomorrow; u brings it back.');
    expect(r.onScreen()).toBe(3);
    expect(queueCounts(r.state().queue)).toEqual({ new: 1, learning: 0, review: 1 });
    expect(r.state().answers).toEqual([]);
  });

  it('s suspends the card on the answer side too, says how to undo it and moves on to a question', () => {
    const fake = threeCards();
    const r = review(fake);
    r.press('space', 's');
    expect(fake.effects()).toEqual([{ kind: 'suspend', cardId: 1 }]);
    expect(r.state().message).toBe('Suspended card 1; u brings it back (later: engram unsuspend 1).');
    expect([r.onScreen(), r.state().phase]).toEqual([3, 'question']);
    expect(queueCounts(r.state().queue)).toEqual({ new: 1, learning: 0, review: 1 });
  });

  it('keeps the card and says so when the store refuses to bury or suspend it', () => {
    const fake = threeCards();
    const r = review(fake);
    fake.actions.bury = () => {
      throw new Error('the disk is full');
    };
    fake.actions.suspend = fake.actions.bury;
    r.press('b');
    expect(r.state().message).toBe('Not buried: the disk is full');
    r.press('s');
    expect(r.state().message).toBe('Not suspended: the disk is full');
    expect(r.onScreen()).toBe(1);
    expect(queueCounts(r.state().queue)).toEqual({ new: 2, learning: 0, review: 1 });
  });

  it('clears the message when the next card comes', () => {
    const r = review(threeCards());
    r.press('b');
    expect(r.state().message).toBe('Buried card 1 until tomorrow; u brings it back.');
    r.press('space', '3');
    expect(r.onScreen()).toBe(2);
    expect(r.state().message).toBeNull();
  });

  it('a status line stays on the next card until a key acts on it', () => {
    const r = review(threeCards());
    r.press('s');
    expect([r.onScreen(), r.state().message]).toEqual([3, 'Suspended card 1; u brings it back (later: engram unsuspend 1).']);
    // Looking around is not acting: scrolling and the key list leave it.
    r.press('j', '?', '?');
    expect(r.state().message).toBe('Suspended card 1; u brings it back (later: engram unsuspend 1).');
    r.press('space');
    expect([r.onScreen(), r.state().phase, r.state().message]).toEqual([3, 'answer', null]);
  });

  it('a key that acts replaces the status line with its own (or none)', () => {
    const r = review(threeCards());
    r.press('b');
    r.press('r');
    expect([r.onScreen(), r.state().message]).toEqual([3, 'This card has no code engram can run.']);
  });

  it('typing into the answer box clears the status line', () => {
    const r = review(codeDeck(JS_CARD, '```output\n2\n```'));
    r.c.perform({ kind: 'open-image' }, VIEW);
    expect(r.state().message).toBe('This card has no image.');
    r.read(['2']);
    expect(r.state().check).toMatchObject({ step: 'typing', text: '2' });
    expect(r.state().message).toBeNull();
  });

  it('a status line from the answer side goes when the card is graded', () => {
    const r = review(threeCards());
    r.press('space', 'o');
    expect(r.state().message).toBe('This card has no image.');
    r.press('3');
    expect([r.onScreen(), r.state().message]).toEqual([3, null]);
  });

  for (const [key, kind, undo, message] of [
    ['b', 'bury', 'unbury', 'Unburied card 1.'],
    ['s', 'suspend', 'unsuspend', 'Unsuspended card 1.'],
  ] as const) {
    it(`u after ${key} takes the ${kind} back: the card is back in the store and on screen, the queue as it was`, () => {
      const fake = threeCards();
      const r = review(fake);
      r.press(key);
      expect(r.onScreen()).toBe(3);
      r.press('u');
      expect(fake.effects()).toEqual([
        { kind, cardId: 1 },
        { kind: undo, cardId: 1 },
      ]);
      expect([r.onScreen(), r.state().phase, r.state().message]).toEqual([1, 'question', message]);
      expect(queueCounts(r.state().queue)).toEqual({ new: 2, learning: 0, review: 1 });
      expect(r.state().removed).toEqual([]);
      // The review goes on as if the key had never been pressed.
      r.press('space', '3', 'space', '3', 'space', '3');
      expect(fake.callsOf('answer').map((c) => c.cardId)).toEqual([1, 3, 2]);
      r.press('u');
      expect(r.onScreen()).toBe(2);
      expect(fake.callsOf('undo')).toEqual([{ kind: 'undo', reviewId: 103, cardId: 2 }]);
    });
  }

  it('x drops a card derived from notes, on either side, says how to undo it and moves on as after a bury', () => {
    const fake = fakeActions([makeCard(1, { syntax: 'note-prose-definition' }), makeCard(2), makeCard(3)], { states: new Map([[3, dueReviewState()]]) });
    const r = review(fake);
    r.press('space', 'x');
    expect(fake.effects()).toEqual([{ kind: 'drop', cardId: 1 }]);
    expect(r.state().message).toBe('Dropped card 1 for good; u brings it back (later: engram undrop 1).');
    expect([r.onScreen(), r.state().phase]).toEqual([3, 'question']);
    expect(queueCounts(r.state().queue)).toEqual({ new: 1, learning: 0, review: 1 });
    expect(r.state().removed).toEqual([1]);
    expect(r.state().history).toMatchObject([{ kind: 'drop', cardId: 1, phaseBefore: 'answer' }]);
  });

  it('x on a card written by hand drops nothing: the status line says why and what to do instead', () => {
    const fake = threeCards();
    const r = review(fake);
    r.press('x');
    expect(fake.effects()).toEqual([]);
    expect(r.state().message).toBe('Only cards derived from notes can be dropped; this one is written in its file: s suspends it, e edits it.');
    expect([r.onScreen(), r.state().phase, r.state().history]).toEqual([1, 'question', []]);
    // Nothing to take back: u says so.
    r.press('u');
    expect(r.state().message).toBe('Nothing to undo in this session.');
  });

  it('u after x takes the drop back: the card is undropped in the store and back on screen, the queue as it was', () => {
    const fake = fakeActions([makeCard(1, { syntax: 'note-why' }), makeCard(2), makeCard(3)], { states: new Map([[3, dueReviewState()]]) });
    const r = review(fake);
    r.press('x');
    expect(r.onScreen()).toBe(3);
    r.press('u');
    expect(fake.effects()).toEqual([
      { kind: 'drop', cardId: 1 },
      { kind: 'undrop', cardId: 1 },
    ]);
    expect([r.onScreen(), r.state().phase, r.state().message]).toEqual([1, 'question', 'Undropped card 1.']);
    expect(queueCounts(r.state().queue)).toEqual({ new: 2, learning: 0, review: 1 });
    expect(r.state().removed).toEqual([]);
  });

  it('keeps the card and says so when the store refuses to drop it', () => {
    const fake = fakeActions([makeCard(1, { syntax: 'note-emphasis', kind: 'cloze' }), makeCard(2)]);
    const r = review(fake);
    fake.actions.drop = () => {
      throw new Error('the disk is full');
    };
    r.press('x');
    expect(r.state().message).toBe('Not dropped: the disk is full');
    expect(r.onScreen()).toBe(1);
    expect(r.state().removed).toEqual([]);
  });

  it('u brings a card put away from its answer side back with the answer showing, its time on screen still counting', () => {
    const fake = threeCards();
    const r = review(fake);
    fake.advance(8_000);
    r.press('space', 's');
    fake.advance(30_000);
    r.press('u');
    expect([r.onScreen(), r.state().phase]).toEqual([1, 'answer']);
    expect(r.state().current?.shownAt).toBe(T0 + 30_000);
    fake.advance(2_000);
    r.press('4');
    expect(fake.callsOf('answer').map((c) => [c.cardId, c.grade, c.now - c.shownAt])).toEqual([[1, 4, 10_000]]);
  });

  it('undoes answers and put-away cards last first: bury after an answer, u, u', () => {
    const fake = threeCards();
    const r = review(fake);
    r.press('space', '3', 'b');
    expect(r.onScreen()).toBe(2);
    r.press('u');
    expect([r.onScreen(), r.state().message]).toEqual([3, 'Unburied card 3.']);
    r.press('u');
    expect([r.onScreen(), r.state().message]).toEqual([1, 'Answer undone.']);
    expect(queueCounts(r.state().queue)).toEqual({ new: 2, learning: 0, review: 1 });
    expect(fake.effects().map((c) => c.kind)).toEqual(['answer', 'bury', 'unbury', 'undo']);
    r.press('u');
    expect(r.state().message).toBe('Nothing to undo in this session.');
  });

  it('keeps the card away and says so when the store refuses to bring it back', () => {
    const fake = threeCards();
    const r = review(fake);
    r.press('s');
    fake.actions.unsuspend = () => {
      throw new Error('the store is read-only; make it writable, then press the key again.');
    };
    r.press('u');
    expect(r.state().message).toBe('Not undone: the store is read-only; make it writable, then press the key again.');
    expect(r.onScreen()).toBe(3);
    expect(r.state().removed).toEqual([1]);
    expect(queueCounts(r.state().queue)).toEqual({ new: 1, learning: 0, review: 1 });
  });

  it('a card buried after an answer comes back when u undoes the bury, then the answer', () => {
    const fake = threeCards();
    const r = review(fake);
    r.press('space', '3', 'b', 'u', 'u', 'space', '4');
    expect(r.onScreen()).toBe(3);
    expect(fake.effects().map((c) => c.kind)).toEqual(['answer', 'bury', 'unbury', 'undo', 'answer']);
  });

  it('times an answer given after an undo from when the card came back', () => {
    const fake = threeCards();
    const r = review(fake);
    fake.advance(5_000);
    r.press('space', '3');
    // Fifteen seconds on card 3, then back to card 1.
    fake.advance(15_000);
    r.press('u');
    expect(r.state().current?.shownAt).toBe(T0 + 20_000);
    fake.advance(3_000);
    r.press('space', '3');
    expect(fake.callsOf('answer').map((c) => [c.now - T0, c.now - c.shownAt])).toEqual([
      [5_000, 5_000],
      [23_000, 3_000],
    ]);
    expect(r.state().answers.map((a) => a.durationMs)).toEqual([3_000]);
  });
});

describe('review controller: edit and images', () => {
  it('e edits the card and shows what the edit gives back', async () => {
    const fake = threeCards({ edit: (shown) => fake.shownCard({ ...shown.card, front: 'Question 1, rewritten?' }) });
    const r = review(fake);
    r.press('e');
    await settle();
    expect(fake.effects()).toEqual([{ kind: 'edit', cardId: 1, now: T0 }]);
    expect(r.state().current?.card.front).toBe('Question 1, rewritten?');
    expect(r.state().message).toBe('Card re-imported.');
  });

  it('e says why a card could not be edited and keeps it', async () => {
    const fake = threeCards();
    const r = review(fake);
    r.press('e');
    await settle();
    expect(r.state().message).toBe('This card has no source file to edit.');
    expect(r.onScreen()).toBe(1);
  });

  it('a card the edit took out of its file leaves, with the reason, and the next card comes', async () => {
    const fake = threeCards({ edit: () => ({ message: 'The card is gone from its file (archived with its history); moving on.', gone: true }) });
    const r = review(fake);
    r.press('e');
    await settle();
    expect(r.onScreen()).toBe(3);
    expect(r.state().message).toBe('The card is gone from its file (archived with its history); moving on.');
    expect(r.state().removed).toEqual([1]);
  });

  it('says so when the re-import fails', async () => {
    const fake = threeCards();
    fake.actions.edit = () => Promise.reject(new Error('the disk is full'));
    const r = review(fake);
    r.press('e');
    await settle();
    expect(r.state().message).toBe('Not re-imported: the disk is full');
    expect(r.onScreen()).toBe(1);
  });

  it('o opens the first image of the card and says what happened', async () => {
    const fake = threeCards();
    const r = review(fake, { view: { images: ['img/saturn.png', 'two.png'] } });
    r.press('o');
    await settle();
    expect(fake.effects()).toEqual([{ kind: 'openImage', path: 'img/saturn.png', cardId: 1 }]);
    expect(r.state().message).toBe('Opened img/saturn.png');
  });

  it('o on a card without an image says so and opens nothing', () => {
    const fake = threeCards();
    const r = review(fake);
    r.press('o');
    expect(r.state().message).toBe('This card has no image.');
    expect(fake.effects()).toEqual([]);
  });
});

describe("review controller: the day's limit", () => {
  /** Three new cards and a limit of two a day: the third waits behind the limit. */
  const limited = (o: FakeOptions = {}) => fakeActions([makeCard(1), makeCard(2), makeCard(3)], { limits: { global: { newPerDay: 2, reviewsPerDay: 200 }, decks: {} }, ...o });
  const NEW_LIMIT = { kind: 'new', deck: null, limit: 2, extra: 0, waiting: 1, suggested: 1 };

  it('ends on the limit screen, not the end, when the new-card limit holds cards back', () => {
    const fake = limited();
    const r = review(fake);
    r.press('space', '4', 'space', '4');
    expect([r.onScreen(), r.state().phase, r.state().limits]).toEqual([null, 'limit', [NEW_LIMIT]]);
    expect(r.state().quit).toBe(false);
  });

  it('m allows the suggested number more today and goes on with the cards it lets through', () => {
    const fake = limited();
    const r = review(fake);
    r.press('space', '4', 'space', '4');
    fake.advance(1_000);
    r.press('m');
    expect(fake.effects().slice(-1)).toEqual([{ kind: 'studyMore', more: { newCards: 1, reviews: 0 }, now: T0 + 1_000 }]);
    expect([r.onScreen(), r.state().phase, r.state().message, r.state().limits]).toEqual([3, 'question', '1 more new card allowed today.', []]);
    expect(queueCounts(r.state().queue)).toEqual({ new: 1, learning: 0, review: 0 });
    // Once that card is done, nothing waits: the review ends.
    r.press('space', '4');
    expect(r.state().phase).toBe('done');
  });

  it('m does nothing while cards show', () => {
    const fake = limited();
    const r = review(fake);
    r.press('m', 'space', 'm');
    expect(fake.effects()).toEqual([]);
    expect([r.onScreen(), r.state().phase]).toEqual([1, 'answer']);
  });

  it('q on the limit screen ends the review; u there takes the last answer back', () => {
    const fake = limited();
    const r = review(fake);
    r.press('space', '4', 'space', '4', 'u');
    expect([r.onScreen(), r.state().phase, r.state().limits]).toEqual([2, 'question', []]);
    r.press('space', '4', 'q');
    expect([r.state().phase, r.state().quit]).toEqual(['done', true]);
  });

  it('ends as before when every card of the day fitted the limits', () => {
    const r = review(threeCards());
    r.press('space', '4', 'space', '4', 'space', '4');
    expect([r.state().phase, r.state().limits]).toEqual(['done', []]);
  });

  it('stays on the limit screen and says why when the store refuses the extra study', () => {
    const fake = limited();
    fake.actions.studyMore = () => {
      throw new Error('the store is busy (another engram is writing); press the key again.');
    };
    const r = review(fake);
    r.press('space', '4', 'space', '4', 'm');
    expect([r.state().phase, r.state().message]).toEqual(['limit', 'Not saved: the store is busy (another engram is writing); press the key again.']);
  });

  it('ends the review when the store cannot say which limits hold cards back', () => {
    const fake = limited();
    fake.actions.limitsReached = () => {
      throw new Error('database is locked');
    };
    const r = review(fake);
    r.press('space', '4', 'space', '4');
    expect(r.state().phase).toBe('done');
  });
});

describe('review controller: scrolling', () => {
  const long = { bodyHeight: 19, maxScroll: 40 };

  it('j/down and k/up scroll by a line, page keys by the body height less one, within 0..max', () => {
    const fake = threeCards();
    const r = review(fake, { view: long });
    const scrolls: number[] = [];
    for (const key of ['j', 'down', 'k', 'pagedown', 'pagedown', 'pagedown', 'j', 'pageup', 'up', 'pageup', 'pageup']) {
      r.press(key);
      scrolls.push(r.state().scroll);
    }
    expect(scrolls).toEqual([1, 2, 1, 19, 37, 40, 40, 22, 21, 3, 0]);
    expect(fake.effects()).toEqual([]);
  });

  it('scrolls in every state: arrows and page keys in the answer box (where j and k are letters), a block choice, the trust question', () => {
    const typing = review(codeDeck(JS_CARD, 'It logs 2.'), { view: long });
    expect(typing.state().check?.step).toBe('typing');
    typing.read(['', { downArrow: true }], ['', { downArrow: true }], ['j'], ['', { pageDown: true }], ['', { upArrow: true }], ['k'], ['', { pageUp: true }]);
    expect(typing.state().scroll).toBe(1);
    expect(typing.state().check).toMatchObject({ step: 'typing', text: 'jk' });
    typing.read(['', { pageDown: true }]);
    expect(typing.state().scroll).toBe(19);

    const back = '```js\nconsole.log(1)\n```\n\n```js\nconsole.log(2)\n```';
    const choosing = review(codeDeck('Two blocks', back, { trusted: ['code'] }), { view: long });
    choosing.press('r');
    expect(choosing.state().run?.step).toBe('choose');
    choosing.press('down', 'j', 'pagedown');
    expect(choosing.state().scroll).toBe(20);
    expect(choosing.state().run?.step).toBe('choose');

    const trusting = review(codeDeck('Run me', '```js\nconsole.log(1)\n```'), { view: long });
    trusting.press('r');
    expect(trusting.state().run?.step).toBe('trust');
    trusting.press('pagedown', 'k');
    expect(trusting.state().scroll).toBe(17);
    expect(trusting.state().run?.step).toBe('trust');
  });

  it('starts the next card at its top', () => {
    const r = review(threeCards(), { view: long });
    r.press('j', 'j', 'space');
    expect(r.state().scroll).toBe(2);
    r.press('4');
    expect(r.onScreen()).toBe(3);
    expect(r.state().scroll).toBe(0);
  });
});

describe('review controller: the key list and quitting', () => {
  it('? opens the key list, where only its keys act: scroll it, close it, quit', () => {
    const fake = threeCards();
    const r = review(fake, { view: { maxScroll: 10, images: ['a.png'] } });
    r.press('?');
    expect(r.state().helpOpen).toBe(true);
    r.press('3', 'u', 'b', 's', 'e', 'o', 'r');
    expect(fake.effects()).toEqual([]);
    expect(r.state()).toMatchObject({ phase: 'question', scroll: 0, helpScroll: 0, message: null, run: null, helpOpen: true });
    r.press('?');
    expect(r.state().helpOpen).toBe(false);
    r.press('space');
    expect(r.state().phase).toBe('answer');
  });

  it('scroll keys move the key list within its range, not the card; it opens at its top again', () => {
    // The screen hands over the list's range while it is open: 5 rows, 30 lines past them.
    const r = review(threeCards(), { view: { bodyHeight: 5, maxScroll: 30 } });
    r.press('j', 'j');
    expect(r.state()).toMatchObject({ scroll: 2, helpScroll: 0 });
    r.press('?', 'j', 'down', 'pagedown');
    expect(r.state()).toMatchObject({ scroll: 2, helpScroll: 6 });
    r.press('space', 'k', 'pageup');
    expect(r.state()).toMatchObject({ scroll: 2, helpScroll: 5 });
    r.press('pagedown', 'pagedown', 'pagedown', 'pagedown', 'pagedown', 'pagedown', 'pagedown', 'pagedown');
    expect(r.state().helpScroll).toBe(30);
    r.press('escape');
    expect(r.state()).toMatchObject({ helpOpen: false, helpScroll: 0, scroll: 2, phase: 'question' });
    r.press('?');
    expect(r.state()).toMatchObject({ helpOpen: true, helpScroll: 0 });
  });

  it('q quits from the key list too', () => {
    const r = review(threeCards());
    r.press('?', 'q');
    expect([r.state().quit, r.state().phase]).toEqual([true, 'done']);
  });

  it('q quits with everything answered kept', () => {
    const fake = threeCards();
    const r = review(fake);
    r.press('space', '1', 'q');
    expect([r.state().quit, r.state().phase]).toEqual([true, 'done']);
    expect(r.state().answers.map((a) => [a.cardId, a.grade])).toEqual([[1, 1]]);
    expect(fake.effects()).toEqual([{ kind: 'answer', cardId: 1, grade: 1, now: T0, shownAt: T0, reviewId: 101 }]);
  });

  for (const key of ['escape', 'ctrl-c']) {
    it(`${key} quits too`, () => {
      const fake = threeCards();
      const r = review(fake);
      r.press(key);
      expect([r.state().quit, r.state().phase]).toEqual([true, 'done']);
      expect(fake.effects()).toEqual([]);
    });
  }

  it('q quits on the answer side without answering', () => {
    const fake = threeCards();
    const r = review(fake);
    r.press('space', 'q');
    expect([r.state().quit, r.state().phase]).toEqual([true, 'done']);
    expect(r.state().answers).toEqual([]);
    expect(fake.effects()).toEqual([]);
  });
});

describe('review controller: keys in one read', () => {
  it('reads plain keys typed ahead one by one: " 3" reveals and answers Good', () => {
    const fake = threeCards();
    const r = review(fake);
    r.read([' 3']);
    expect(r.onScreen()).toBe(3);
    expect(fake.callsOf('answer').map((c) => [c.cardId, c.grade])).toEqual([[1, 3]]);
  });

  it('answers once when a grade, a scroll and more grades arrive together', () => {
    const fake = threeCards();
    const r = review(fake);
    r.press('space');
    // After the first 3, card 3 is on its question side: the later 3s do nothing.
    r.read(['3'], ['', { downArrow: true }], ['3'], ['', { downArrow: true }], ['3']);
    expect(r.onScreen()).toBe(3);
    expect(r.state().phase).toBe('question');
    expect(fake.callsOf('answer').map((c) => c.cardId)).toEqual([1]);
  });

  it('undoes each answer once when two undos arrive together', () => {
    const fake = threeCards();
    const r = review(fake);
    r.press('space', '4', 'space', '4');
    r.read(['u'], ['', { downArrow: true }], ['u']);
    expect(r.onScreen()).toBe(1);
    // The last answer first, then the one before: each once.
    expect(fake.callsOf('undo').map((c) => c.reviewId)).toEqual([102, 101]);
  });

  it('ignores Ctrl and Alt combinations of the plain keys', () => {
    const fake = threeCards();
    const r = review(fake);
    r.read(['s', { ctrl: true }]); // Ctrl+S: not suspend
    r.read(['u', { meta: true }]); // Alt+U: not undo
    r.read(['b', { ctrl: true }]); // Ctrl+B: not bury
    expect(fake.effects()).toEqual([]);
    expect([r.onScreen(), r.state().phase]).toEqual([1, 'question']);
  });

  it('Ctrl+C quits', () => {
    const r = review(threeCards());
    r.read(['c', { ctrl: true }]);
    expect(r.state().quit).toBe(true);
  });
});

describe('review controller: the card after this one, loaded ahead', () => {
  it('loads the next card once the frame is drawn, lays it out, and shows it without loading it again', async () => {
    const fake = threeCards();
    const r = review(fake);
    expect(fake.callsOf('show').map((c) => c.cardId)).toEqual([1]);
    await afterFrame();
    expect(fake.callsOf('show')).toEqual([
      { kind: 'show', cardId: 1, now: T0 },
      { kind: 'show', cardId: 3, now: T0 },
    ]);
    expect(r.warmed).toEqual([3]);
    fake.advance(7_000);
    r.press('space', '3');
    expect(r.onScreen()).toBe(3);
    // Its answer time starts when it is shown, not when it was loaded.
    expect(r.state().current?.shownAt).toBe(T0 + 7_000);
    expect(fake.callsOf('show').map((c) => c.cardId)).toEqual([1, 3]);
  });

  it('loads the learning card due next when one is, not the next review or new card', async () => {
    // Two lapsed cards due again since before the session (as a store in daily use has thousands), then two new cards.
    const lapsed = (minutesAgo: number): CardState => ({ ...dueReviewState(), phase: 'relearning', due: T0 - minutesAgo * 60_000, lapses: 1, reps: 4 });
    const fake = fakeActions([makeCard(1), makeCard(2), makeCard(4), makeCard(5)], { states: new Map([[4, lapsed(20)], [5, lapsed(10)]]) });
    const r = review(fake);
    expect(r.onScreen()).toBe(4);
    await afterFrame();
    expect(r.warmed).toEqual([5]);
    r.press('space', '3');
    expect(r.onScreen()).toBe(5);
    await afterFrame();
    expect(r.warmed).toEqual([5, 1]);
    r.press('space', '3');
    expect(r.onScreen()).toBe(1);
    // Each card was loaded once: the two after the first were loaded ahead, while the one before them was read.
    expect(fake.callsOf('show').map((c) => c.cardId)).toEqual([4, 5, 1]);
  });

  it('loads a card ahead that failed to load again when it is due', async () => {
    let failures = 1;
    const fake = threeCards({ showError: (id) => (id === 3 && failures-- > 0 ? new Error('database is locked') : undefined) });
    const r = review(fake);
    await afterFrame();
    expect(r.warmed).toEqual([]);
    r.press('space', '3');
    expect(r.onScreen()).toBe(3);
    expect(r.state().message).toBeNull();
    expect(fake.callsOf('show').map((c) => c.cardId)).toEqual([1, 3, 3]);
  });

  it('loads the card again after an edit: the edit may have changed it', async () => {
    const fake = threeCards();
    const r = review(fake);
    await afterFrame();
    r.press('e');
    await settle();
    r.press('space', '3');
    expect(r.onScreen()).toBe(3);
    expect(fake.callsOf('show').map((c) => c.cardId)).toEqual([1, 3, 3]);
  });

  it('lets the store do its upkeep after each card is drawn, once the card after it is loaded, never on the way to a card', async () => {
    const fake = threeCards();
    const r = review(fake);
    expect(fake.readings).toEqual([]);
    await afterFrame();
    expect(fake.readings).toEqual([3]);
    r.press('space');
    await afterFrame();
    // Showing the answer is the same card: nothing to load, no upkeep.
    expect(fake.readings).toEqual([3]);
    r.press('3');
    expect(r.onScreen()).toBe(3);
    expect(fake.readings).toEqual([3]);
    await afterFrame();
    expect(fake.readings).toEqual([3, 2]);
  });

  it('loads nothing ahead once disposed of', async () => {
    const fake = threeCards();
    const r = review(fake);
    r.c.dispose();
    await afterFrame();
    expect(fake.callsOf('show').map((c) => c.cardId)).toEqual([1]);
  });
});

// Another engram (an import in another terminal) writes to the store while the
// review runs: the controller reads the queue again at its next card.
describe('review controller: cards another engram imports meanwhile', () => {
  it('shows a card imported during the last card instead of ending', () => {
    const fake = fakeActions([makeCard(1), makeCard(2)]);
    const r = review(fake);
    r.press('space', '4');
    expect(r.onScreen()).toBe(2);
    fake.importElsewhere([makeCard(3)]);
    r.press('space', '4');
    expect(r.onScreen()).toBe(3);
    expect(queueCounts(r.state().queue)).toEqual({ new: 1, learning: 0, review: 0 });
    expect(fake.requeues()).toBe(1);
    r.press('space', '4');
    expect(r.state().phase).toBe('done');
    expect(r.state().answers.map((a) => a.cardId)).toEqual([1, 2, 3]);
  });

  it('counts the imported cards from the next card on', () => {
    const fake = fakeActions([makeCard(1), makeCard(2), makeCard(3)]);
    const r = review(fake);
    fake.importElsewhere([makeCard(4), makeCard(5)]);
    expect(queueCounts(r.state().queue).new).toBe(3);
    r.press('space', '4');
    expect(r.onScreen()).toBe(2);
    expect(queueCounts(r.state().queue).new).toBe(4);
  });

  it('shows the card loaded ahead as the import rewrote it, not as it was loaded', async () => {
    const fake = fakeActions([makeCard(1), makeCard(2)]);
    const r = review(fake);
    await afterFrame();
    expect(fake.callsOf('show').map((c) => c.cardId)).toEqual([1, 2]);
    fake.importElsewhere([makeCard(2, { front: 'Question 2, as rewritten?' })]);
    r.press('space', '4');
    expect(r.state().current?.card.front).toBe('Question 2, as rewritten?');
    expect(fake.callsOf('show').map((c) => c.cardId)).toEqual([1, 2, 2]);
  });

  it('reads the queue again only when another engram wrote', () => {
    const fake = fakeActions([makeCard(1), makeCard(2), makeCard(3)]);
    const r = review(fake);
    r.press('space', '4', 'space', '4');
    expect(r.onScreen()).toBe(3);
    expect(fake.requeues()).toBe(0);
  });

  it('reads the queue again after undoing an answer given before the import, and the imported card still comes', () => {
    const fake = fakeActions([makeCard(1), makeCard(2)]);
    const r = review(fake);
    r.press('space', '4');
    fake.importElsewhere([makeCard(3)]);
    r.press('space', '4');
    expect(r.onScreen()).toBe(3);
    // Undo takes card 2's answer back, and with it the queue from before the import.
    r.press('u');
    expect([r.onScreen(), r.state().message]).toEqual([2, 'Answer undone.']);
    r.press('space', '4');
    expect(r.onScreen()).toBe(3);
    expect(fake.requeues()).toBe(2);
    expect(r.state().answers.map((a) => a.cardId)).toEqual([1, 2]);
  });

  it('goes on with the queue it has when the store cannot be read again, and tries at the next card', () => {
    const fake = fakeActions([makeCard(1), makeCard(2), makeCard(3)], { queueError: new Error('database is locked') });
    const r = review(fake);
    fake.importElsewhere([makeCard(4)]);
    r.press('space', '4');
    expect(r.onScreen()).toBe(2);
    expect(queueCounts(r.state().queue).new).toBe(2);
    r.press('space', '4');
    expect(r.onScreen()).toBe(3);
    // Tried at each card since, without a message: the cards in the queue are all still valid.
    expect(fake.requeues()).toBe(2);
    expect(r.state().message).toBeNull();
  });
});

describe('review controller: the next card cannot be read', () => {
  it('says so after the saved answer, and space tries again', () => {
    let locked = true;
    const fake = fakeActions([makeCard(1), makeCard(2)], { showError: (id) => (id === 2 && locked ? new Error('database is locked') : undefined) });
    const r = review(fake);
    r.press('space', '4');
    expect(r.state().message).toBe('Could not load the next card: database is locked; press space to try again.');
    expect(r.onScreen()).toBeNull();
    expect(r.state().phase).toBe('question');
    expect(fake.callsOf('answer').map((c) => c.cardId)).toEqual([1]);
    r.press('space');
    expect(r.state().message).toBe('Could not load the next card: database is locked; press space to try again.');
    locked = false;
    r.press('space');
    expect([r.onScreen(), r.state().phase, r.state().message]).toEqual([2, 'question', null]);
  });

  it('tries once more when the screen draws the failure, not again until a key', () => {
    const fake = fakeActions([makeCard(1), makeCard(2)], { showError: (id) => (id === 2 ? new Error('database is locked') : undefined) });
    const r = review(fake);
    r.press('space', '4');
    r.c.cardShown();
    r.c.cardShown();
    // The answer's own attempt, then the one after the frame that showed no card.
    expect(fake.callsOf('show').filter((c) => c.cardId === 2)).toHaveLength(2);
  });
});

describe('review controller: a review that runs past the day rollover', () => {
  it("keeps learning cards answered after 04:00, in the new day's queue", () => {
    const fake = fakeActions([makeCard(1), makeCard(2), makeCard(3)]);
    fake.setNow(Date.parse('2026-03-03T03:58:00Z')); // two minutes before the rollover (UTC, 4 am)
    const r = review(fake);
    r.press('space', '1'); // Again: due at 03:59
    expect(r.onScreen()).toBe(2);
    fake.setNow(Date.parse('2026-03-03T04:01:00Z'));
    r.press('space', '1'); // Again at 04:01: due 04:02, which is in the new study day
    expect(fake.requeues()).toBe(1);
    expect(r.onScreen()).toBe(1); // card 1 was due at 03:59: it comes first
    expect(queueCounts(r.state().queue)).toEqual({ new: 1, learning: 2, review: 0 });
    expect(fake.callsOf('answer').map((c) => [c.cardId, c.grade])).toEqual([
      [1, 1],
      [2, 1],
    ]);
  });
});

describe('review controller: running code with r', () => {
  it('asks to trust an untrusted deck first; y runs once and the output streams into the pane', async () => {
    const fake = codeDeck('Run me', '```js\nconsole.log("hi")\n```', { run: printing('hi there\n') });
    const r = review(fake);
    r.press('space', 'r');
    expect(r.state().run).toMatchObject({ step: 'trust', deck: 'code', purpose: 'show' });
    expect(fake.callsOf('run')).toEqual([]);
    r.press('y');
    await settle();
    expect(r.state().run).toMatchObject({ step: 'finished', output: 'hi there\n', result: { exit: 0 } });
    expect(fake.callsOf('run')).toEqual([{ kind: 'run', lang: 'js', code: 'console.log("hi")' }]);
    expect(fake.callsOf('trust')).toEqual([]);
    // esc closes the pane; asked again next time: "once" trusted nothing.
    r.press('escape');
    expect(r.state().run).toBeNull();
    expect(r.state().quit).toBe(false);
    r.press('r');
    expect(r.state().run?.step).toBe('trust');
  });

  it('a trusts the deck and runs; n runs nothing and says how to trust it', async () => {
    const fake = codeDeck('Run me', '```js\nx\n```', { run: printing('ok\n') });
    const r = review(fake);
    r.press('r', 'n');
    expect(r.state().run).toBeNull();
    expect(r.state().message).toBe('Not run: deck "code" is not trusted (engram trust "code" trusts it).');
    expect(fake.callsOf('run')).toEqual([]);
    r.press('r', 'a');
    await settle();
    expect(r.state().run?.step).toBe('finished');
    expect(fake.callsOf('trust')).toEqual([{ kind: 'trust', deck: 'code' }]);
  });

  it('runs the code once when trusting the deck fails, and says so', async () => {
    const fake = codeDeck('Run me', '```js\nx\n```', { run: printing('ok\n') });
    fake.actions.trust = () => {
      throw new Error('database is locked');
    };
    const r = review(fake);
    r.press('r', 'a');
    expect(r.state().message).toBe('Not trusted: database is locked');
    await settle();
    expect(r.state().run?.step).toBe('finished');
  });

  it('runs nothing when the trust cannot be read', () => {
    const fake = codeDeck('Run me', '```js\nx\n```', { run: printing('ok\n') });
    fake.actions.isTrusted = () => {
      throw new Error('database is locked');
    };
    const r = review(fake);
    r.press('r');
    expect(r.state().run).toBeNull();
    expect(r.state().message).toBe('Not run: database is locked');
    expect(fake.callsOf('run')).toEqual([]);
  });

  it('with several blocks, asks which one: the digit picks it, esc cancels', async () => {
    const back = '```js\nconsole.log("first")\n```\n\n```python\nprint("second")\n```';
    const fake = codeDeck('Two blocks', back, { trusted: ['code'], run: printing('out\n') });
    const r = review(fake);
    r.press('r');
    expect(r.state().run?.step).toBe('choose');
    r.press('escape');
    expect([r.state().run, r.state().quit]).toEqual([null, false]);
    r.press('r', '3'); // no third block
    expect(r.state().run?.step).toBe('choose');
    r.press('2');
    await settle();
    expect(fake.callsOf('run')).toEqual([{ kind: 'run', lang: 'python', code: 'print("second")' }]);
    expect(r.state().run?.step).toBe('finished');
  });

  it('esc stops a run that does not end, other keys still act meanwhile, and esc then closes the pane', async () => {
    vi.useFakeTimers();
    const fake = codeDeck('Loop', '```js\nwhile(true){}\n```', { trusted: ['code'], run: endless() });
    const r = review(fake);
    r.press('r');
    expect(r.state().run).toMatchObject({ step: 'running', output: '' });
    // Output reaches the pane in batches, every 50 ms.
    await vi.advanceTimersByTimeAsync(50);
    expect(r.state().run).toMatchObject({ step: 'running', output: 'tick\n' });
    r.press('r');
    expect(r.state().message).toBe('Code is running: esc stops it.');
    r.press('space');
    expect(r.state().phase).toBe('answer');
    r.press('escape');
    await vi.advanceTimersByTimeAsync(0);
    expect(r.state().run).toMatchObject({ step: 'finished', result: { reason: 'cancelled' } });
    // Escape stopped the run; it did not quit.
    expect(r.state().quit).toBe(false);
    r.press('escape');
    expect(r.state().run).toBeNull();
    expect(r.state().quit).toBe(false);
  });

  it('Ctrl+C stops running code instead of quitting', async () => {
    const fake = codeDeck('Loop', '```js\nfor(;;);\n```', { trusted: ['code'], run: endless() });
    const r = review(fake);
    r.press('r', 'ctrl-c');
    await settle();
    expect(r.state().run).toMatchObject({ step: 'finished', result: { reason: 'cancelled' } });
    expect(r.state().quit).toBe(false);
  });

  it('says so when the card has no code to run', () => {
    const r = review(codeDeck('Plain', 'No code here'));
    r.press('r');
    expect(r.state().message).toBe('This card has no code engram can run.');
    expect(r.state().run).toBeNull();
  });

  it('answering the card stops its run: the next card starts without a pane', () => {
    const signals: AbortSignal[] = [];
    const cards = [makeCard(1, { front: 'Loop', back: '```js\nfor(;;);\n```', deck: 'code' }), makeCard(2, { deck: 'code' })];
    const fake = fakeActions(cards, { code: (c) => codeOfCard(c, RULES), trusted: ['code'], run: endless(signals) });
    const r = review(fake);
    r.press('r', 'space', '3');
    expect(r.onScreen()).toBe(2);
    expect(r.state().run).toBeNull();
    expect(signals.map((s) => s.aborted)).toEqual([true]);
  });

  it('stops running code when disposed of', () => {
    const signals: AbortSignal[] = [];
    const r = review(codeDeck('Loop', '```js\nfor(;;);\n```', { trusted: ['code'], run: endless(signals) }));
    r.press('r');
    r.c.dispose();
    expect(signals.map((s) => s.aborted)).toEqual([true]);
  });
});

describe('review controller: predict-the-output cards', () => {
  it('takes a prediction over two lines, runs the code, and enter takes the suggested grade', async () => {
    const fake = codeDeck(JS_CARD, 'It logs 2.', { trusted: ['code'], run: printing('2\n3\n') });
    const r = review(fake);
    expect(r.state().check).toMatchObject({ step: 'typing', text: '' });
    r.read(['2']);
    r.read(['\r', { return: true }]);
    r.read(['3']);
    expect(r.state().check).toMatchObject({ step: 'typing', text: '2\n3' });
    r.read(['\r', { return: true }]);
    // An empty line ends the prediction.
    r.read(['\r', { return: true }]);
    expect(r.state().check).toMatchObject({ step: 'waiting', given: '2\n3' });
    await settle();
    expect(r.state().check).toMatchObject({ step: 'checked', correct: true, suggested: 3, note: null });
    expect(r.state().phase).toBe('answer');
    r.press('enter');
    expect(fake.callsOf('answer').map((c) => c.grade)).toEqual([3]);
  });

  it('a wrong prediction suggests Again; 2 overrides the suggestion', async () => {
    const fake = codeDeck(JS_CARD, 'It logs 2.', { trusted: ['code'], run: printing('2\n') });
    const r = review(fake);
    r.read(['5']);
    r.read(['d', { ctrl: true }]); // ctrl-d checks at once
    await settle();
    expect(r.state().check).toMatchObject({ step: 'checked', correct: false, suggested: 1 });
    r.press('2');
    expect(fake.callsOf('answer').map((c) => c.grade)).toEqual([2]);
  });

  it('a prediction typed ahead with a backspace and ctrl-d in one read: each key still acts', async () => {
    const fake = codeDeck(JS_CARD, 'It logs 2.', { trusted: ['code'], run: printing('2\n') });
    const r = review(fake);
    r.read(['5\x7f2\u0004']);
    await settle();
    expect(r.state().check).toMatchObject({ step: 'checked', given: '2', correct: true, suggested: 3 });
  });

  it('backspace erases the last character', () => {
    const r = review(codeDeck(JS_CARD, '```output\n2\n```'));
    r.read(['12']);
    r.read(['', { backspace: true }]);
    expect(r.state().check).toMatchObject({ step: 'typing', text: '1' });
  });

  it('an output block gives the expected output: nothing runs, no trust needed', () => {
    const fake = codeDeck(JS_CARD, '```output\n2\n```');
    const r = review(fake);
    r.read(['2']);
    r.read(['\r', { return: true }]);
    r.read(['\r', { return: true }]);
    expect(r.state().check).toMatchObject({ step: 'checked', correct: true, suggested: 3 });
    expect(r.state().phase).toBe('answer');
    expect(fake.callsOf('run')).toEqual([]);
  });

  it('typing takes every key as text: q and space do not quit or reveal', () => {
    const r = review(codeDeck(JS_CARD, '```output\nq 1\n```'));
    r.read(['q']);
    r.read([' ']);
    r.read(['1']);
    expect(r.state().check).toMatchObject({ step: 'typing', text: 'q 1' });
    expect([r.state().quit, r.state().phase]).toEqual([false, 'question']);
  });

  it('the key list takes keys even over the answer box', () => {
    const r = review(codeDeck(JS_CARD, '```output\n2\n```'));
    r.c.perform({ kind: 'help' }, VIEW);
    r.read(['2']);
    expect(r.state().check).toMatchObject({ step: 'typing', text: '' });
  });

  it('esc leaves the answer box: the card is then answered from memory', () => {
    const fake = codeDeck(JS_CARD, '```output\n2\n```');
    const r = review(fake);
    r.read(['', { escape: true }]);
    expect(r.state().check).toBeNull();
    expect(r.state().quit).toBe(false);
    r.press('space', 'enter');
    expect(fake.callsOf('answer').map((c) => c.grade)).toEqual([3]);
  });

  it('declining to trust the deck reveals the answer unchecked, with nothing suggested: the user grades', () => {
    const fake = codeDeck(JS_CARD, 'It logs 2.', { run: printing('2\n') });
    const r = review(fake);
    r.read(['2']);
    r.read(['\r', { return: true }]);
    r.read(['\r', { return: true }]);
    expect(r.state().run?.step).toBe('trust');
    r.press('n');
    expect(r.state().check).toMatchObject({ step: 'checked', suggested: null, given: '2', note: 'Not run: deck "code" is not trusted (engram trust "code" trusts it).' });
    expect(r.state().phase).toBe('answer');
    expect(fake.callsOf('run')).toEqual([]);
    // Nothing suggested: the user grades; enter records nothing and says so.
    r.press('enter');
    expect(fake.callsOf('answer')).toEqual([]);
    expect(r.state().message).toBe('Not checked: grade it yourself, 1-4.');
    r.press('3');
    expect(fake.callsOf('answer').map((c) => c.grade)).toEqual([3]);
  });
});

describe('review controller: typed-answer cards', () => {
  it('enter checks the typed answer and suggests Hard when it is nearly right', () => {
    const fake = codeDeck('Capital of France?', 'the city of Paris', { deck: 'typed' });
    const r = review(fake);
    for (const ch of 'the city Paris') r.read([ch]);
    r.read(['\r', { return: true }]);
    expect(r.state().check).toMatchObject({ step: 'checked', given: 'the city Paris', correct: false, suggested: 2 });
    expect(r.state().phase).toBe('answer');
    r.press('enter');
    expect(fake.callsOf('answer').map((c) => c.grade)).toEqual([2]);
  });

  const METHODS = 'GET, HEAD, PUT, DELETE, OPTIONS, TRACE.\n\nThese are idempotent because repeating one leaves the server as doing it once would.';

  it('compares with the short answer, not the explanation after it: the list typed, in any order, is right and enter takes Good', () => {
    for (const typed of ['GET, HEAD, PUT, DELETE, OPTIONS, TRACE', ' head get put delete trace options']) {
      const fake = codeDeck('Which HTTP methods are idempotent?', METHODS, { deck: 'typed' });
      const r = review(fake);
      r.read([typed]);
      r.read(['\r', { return: true }]);
      expect(r.state().check, typed).toMatchObject({ step: 'checked', exercise: { kind: 'typed', expected: 'GET, HEAD, PUT, DELETE, OPTIONS, TRACE.' }, correct: true, suggested: 3 });
      r.press('enter');
      expect(fake.callsOf('answer').map((c) => c.grade)).toEqual([3]);
    }
  });

  it('a near miss (an item left out) suggests Hard, which enter takes; a clear miss suggests Again, which enter never records by itself', () => {
    const near = codeDeck('Which HTTP methods are idempotent?', METHODS, { deck: 'typed' });
    const r = review(near);
    r.read(['GET, HEAD, PUT, DELETE, OPTIONS'], ['\r', { return: true }]);
    expect(r.state().check).toMatchObject({ correct: false, suggested: 2 });
    r.press('enter');
    expect(near.callsOf('answer').map((c) => c.grade)).toEqual([2]);

    const miss = codeDeck('Which HTTP methods are idempotent?', METHODS, { deck: 'typed' });
    const m = review(miss);
    m.read(['POST'], ['\r', { return: true }]);
    expect(m.state().check).toMatchObject({ correct: false, suggested: 1 });
    m.press('enter', 'space');
    expect(miss.callsOf('answer')).toEqual([]);
    expect(m.state()).toMatchObject({ phase: 'answer', message: 'Enter does not record Again: press 1 for it, or 2-4 if you knew it.' });
    m.press('1');
    expect(miss.callsOf('answer').map((c) => c.grade)).toEqual([1]);
  });

  it('an answer with no short answer (a long first sentence) is not checked: the answer shows, the user grades', () => {
    const back = 'It is crucial because even though clocks work well most of the time, they can drift due to misconfigured NTP or defective hardware, silently.';
    const fake = codeDeck('Why handle incorrect clocks?', back, { deck: 'typed' });
    const r = review(fake);
    r.read(['clocks drift'], ['\r', { return: true }]);
    expect(r.state()).toMatchObject({ phase: 'answer', check: { step: 'checked', given: 'clocks drift', suggested: null, exercise: { kind: 'typed', expected: null } } });
    r.press('enter');
    expect(fake.callsOf('answer')).toEqual([]);
    r.press('2');
    expect(fake.callsOf('answer').map((c) => c.grade)).toEqual([2]);
  });
});
