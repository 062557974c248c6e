import { describe, expect, it } from 'vitest';
import { appendReview } from '../../src/store/reviews.js';
import { cliEnv, md, type CliEnv, type DeckJson } from './cli-env.js';
import {
  cardsByFront,
  DAY,
  deckFile,
  HOUR,
  importFiles,
  iso,
  MINUTE,
  NOW,
  numbered,
  setStates,
  stateAt,
  withStore,
  type DueJson,
} from './study-fixtures.js';

/**
 * There is no way to answer cards without a terminal, so these tests write the
 * scheduling state (card_state) of some cards straight into the store, as a
 * review session would have left it, and read what due and decks make of it.
 */

interface World {
  env: CliEnv;
  id: (front: string) => number;
}

function world(files: Record<string, string>): World {
  const env = cliEnv();
  importFiles(env, files);
  const ids = cardsByFront(env);
  return {
    env,
    id: (front) => {
      const card = ids.get(front);
      if (!card) throw new Error(`no card "${front}"`);
      return card.id;
    },
  };
}

/** Each queued card as [front, phase]. */
const queue = (due: DueJson): [string, string][] => due.cards.map((c) => [c.front, c.phase]);

const yesterday = NOW - DAY; // 2026-03-01 10:00 UTC
const inFiveMinutes = NOW + 5 * MINUTE;

describe('due and decks after some reviews', () => {
  it('a review due yesterday and a learning card due in 5 minutes: decks counts them, due shows learning first, then reviews and new cards interleaved', () => {
    const { env, id } = world({
      'd.md': deckFile('D', numbered('D card', 6)),
      'e.md': deckFile('E', numbered('E card', 2)),
    });
    setStates(env, [
      [id('D card 2'), stateAt('review', yesterday)],
      [id('D card 4'), stateAt('learning', inFiveMinutes)],
    ]);

    const decks = env.json<DeckJson[]>(['decks']);
    expect(decks.status).toBe(0);
    expect(decks.data).toEqual([
      { name: 'D', total: 6, new: 4, newToday: 4, due: 1, learning: 1, suspended: 0, dropped: 0, archived: 0 },
      { name: 'E', total: 2, new: 2, newToday: 2, due: 0, learning: 0, suspended: 0, dropped: 0, archived: 0 },
    ]);

    const r = env.json<DueJson>(['due']);
    expect(r.status).toBe(0);
    expect(r.data.counts).toEqual({ new: 6, learning: 1, review: 1 });
    // Learning first; then 1 review among 6 new cards, spread evenly: it comes 4th of 7.
    expect(queue(r.data)).toEqual([
      ['D card 4', 'learning'],
      ['D card 1', 'new'],
      ['D card 3', 'new'],
      ['D card 5', 'new'],
      ['D card 2', 'review'],
      ['D card 6', 'new'],
      ['E card 1', 'new'],
      ['E card 2', 'new'],
    ]);
    expect(r.data.cards[0]).toEqual({
      id: id('D card 4'),
      deck: 'D',
      kind: 'basic',
      phase: 'learning',
      due: '2026-03-02T10:05:00.000Z',
      front: 'D card 4',
      source: { path: `${env.work}/d.md`, line: 11 },
    });
    expect(r.data.cards[4]!.due).toBe('2026-03-01T10:00:00.000Z');
    expect(r.data.cards.filter((c) => c.phase === 'new').every((c) => c.due === null)).toBe(true);

    const text = env.run(['due']);
    expect(text.stdout.trimEnd().split('\n').at(-1)).toBe('Due today: 6 new cards, 1 learning card, 1 review.');
    expect(text.stdout.split('\n')[1]!.trim().split(/ {2,}/)).toEqual([String(id('D card 4')), 'D', 'learning', 'D card 4', 'd.md:11']);
  });

  it('more reviews than new cards: reviews first and last, oldest review first; cards due after the rollover wait for their day', () => {
    const { env, id } = world({ 'd.md': deckFile('D', ['R1', 'R2', 'R3', 'N1', 'N2', 'Tomorrow review', 'Tomorrow learning']) });
    const rollover = Date.parse('2026-03-03T04:00:00Z');
    setStates(env, [
      [id('R1'), stateAt('review', NOW - 2 * DAY)],
      [id('R2'), stateAt('review', NOW + 6 * HOUR)], // later today: still due today
      [id('R3'), stateAt('review', NOW - 3 * DAY)],
      [id('Tomorrow review'), stateAt('review', rollover + HOUR)],
      [id('Tomorrow learning'), stateAt('learning', rollover + HOUR)],
    ]);

    expect(env.json<DeckJson[]>(['decks']).data).toEqual([{ name: 'D', total: 7, new: 2, newToday: 2, due: 3, learning: 0, suspended: 0, dropped: 0, archived: 0 }]);
    const today = env.json<DueJson>(['due']);
    expect(today.data.counts).toEqual({ new: 2, learning: 0, review: 3 });
    expect(queue(today.data)).toEqual([
      ['R3', 'review'],
      ['N1', 'new'],
      ['R1', 'review'],
      ['N2', 'new'],
      ['R2', 'review'],
    ]);

    // The next study day (after 04:00 UTC): the cards due at 05:00 join.
    const next = { ENGRAM_NOW: '2026-03-03T06:00:00Z' };
    expect(env.json<DeckJson[]>(['decks'], next).data).toEqual([{ name: 'D', total: 7, new: 2, newToday: 2, due: 4, learning: 1, suspended: 0, dropped: 0, archived: 0 }]);
    const tomorrow = env.json<DueJson>(['due'], next);
    expect(tomorrow.data.counts).toEqual({ new: 2, learning: 1, review: 4 });
    expect(queue(tomorrow.data)).toEqual([
      ['Tomorrow learning', 'learning'],
      ['R3', 'review'],
      ['N1', 'new'],
      ['R1', 'review'],
      ['R2', 'review'],
      ['N2', 'new'],
      ['Tomorrow review', 'review'],
    ]);
  });

  it('learning cards come by due time, relearning ones among them', () => {
    const { env, id } = world({ 'd.md': deckFile('D', ['L late', 'L early', 'Relearn', 'New one']) });
    setStates(env, [
      [id('L late'), stateAt('learning', NOW + 2 * HOUR)],
      [id('L early'), stateAt('learning', NOW - 30 * MINUTE)],
      [id('Relearn'), { ...stateAt('relearning', NOW + 10 * MINUTE), lapses: 1, stability: 1 }],
    ]);
    const r = env.json<DueJson>(['due']);
    expect(r.data.counts).toEqual({ new: 1, learning: 3, review: 0 });
    expect(queue(r.data)).toEqual([
      ['L early', 'learning'],
      ['Relearn', 'relearning'],
      ['L late', 'learning'],
      ['New one', 'new'],
    ]);
    expect(env.json<DeckJson[]>(['decks']).data[0]).toMatchObject({ new: 1, due: 0, learning: 3 });
  });

  it('reviews-per-day keeps the oldest reviews, globally and per deck', () => {
    const { env, id } = world({
      'd.md': deckFile('D', ['D old', 'D older', 'D oldest']),
      'e.md': deckFile('E', ['E old', 'E older']),
    });
    setStates(env, [
      [id('D old'), stateAt('review', NOW - 1 * DAY)],
      [id('D older'), stateAt('review', NOW - 2 * DAY)],
      [id('D oldest'), stateAt('review', NOW - 5 * DAY)],
      [id('E old'), stateAt('review', NOW - 1 * DAY - HOUR)],
      [id('E older'), stateAt('review', NOW - 4 * DAY)],
    ]);
    expect(queue(env.json<DueJson>(['due']).data).map(([f]) => f)).toEqual(['D oldest', 'E older', 'D older', 'E old', 'D old']);

    env.run(['config', 'set', 'reviews-per-day', '3']);
    expect(queue(env.json<DueJson>(['due']).data).map(([f]) => f)).toEqual(['D oldest', 'E older', 'D older']);

    env.run(['config', 'set', 'reviews-per-day', '1', '--deck', 'D']);
    expect(queue(env.json<DueJson>(['due']).data).map(([f]) => f)).toEqual(['D oldest', 'E older', 'E old']);
    // decks counts the reviews a session would show: within the limits, like due.
    expect(env.json<DeckJson[]>(['decks']).data.map((d) => [d.name, d.due])).toEqual([['D', 1], ['E', 2]]);
  });

  it('new cards first reviewed earlier today count against the new-card limit', () => {
    const { env, id } = world({ 'big.md': deckFile('Big', numbered('Big card', 25)) });
    const first = id('Big card 1');
    setStates(env, [[first, stateAt('learning', inFiveMinutes)]]);
    withStore(env, (store) => {
      appendReview(store, { cardId: first, reviewedAt: NOW - 10 * MINUTE, rating: 1, durationMs: 4000, sessionId: null, device: null });
    });
    const r = env.json<DueJson>(['due']);
    expect(r.data.counts).toEqual({ new: 19, learning: 1, review: 0 });
    expect(queue(r.data)).toEqual([['Big card 1', 'learning'], ...numbered('Big card', 20).slice(1).map((f): [string, string] => [f, 'new'])]);

    // The next study day (from 04:00 UTC) that review was yesterday's: 20 new cards again.
    const next = env.json<DueJson>(['due'], { ENGRAM_NOW: '2026-03-03T04:00:00Z' });
    expect(next.data.counts).toEqual({ new: 20, learning: 1, review: 0 });
    expect(next.data.cards.at(-1)!.front).toBe('Big card 21');
  });

  it('a card whose first review was on an earlier day counts as a review, not against the new-card limit', () => {
    const { env, id } = world({ 'big.md': deckFile('Big', numbered('Big card', 25)) });
    const first = id('Big card 1');
    setStates(env, [[first, stateAt('learning', inFiveMinutes)]]);
    withStore(env, (store) => {
      appendReview(store, { cardId: first, reviewedAt: NOW - DAY, rating: 1, durationMs: 4000, sessionId: null, device: null });
      appendReview(store, { cardId: first, reviewedAt: NOW - 10 * MINUTE, rating: 1, durationMs: 4000, sessionId: null, device: null });
    });
    const r = env.json<DueJson>(['due']);
    expect(r.data.counts).toEqual({ new: 20, learning: 1, review: 0 });
    expect(r.data.cards.at(-1)!.front).toBe('Big card 21');
  });

  it('one card of a sibling group a day: the other side of a card in learning waits', () => {
    // front:::back makes two cards, one each way, of one sibling group.
    const { env, id } = world({ 'pairs.md': md('---', 'deck: P', '---', '', 'Hot:::Cold', '', 'Up::Down') });
    const fronts = [...cardsByFront(env).keys()];
    expect(fronts).toEqual(['Hot', 'Cold', 'Up']);
    expect(queue(env.json<DueJson>(['due']).data)).toEqual([
      ['Hot', 'new'],
      ['Up', 'new'],
    ]);
    setStates(env, [[id('Hot'), stateAt('learning', inFiveMinutes)]]);
    expect(queue(env.json<DueJson>(['due']).data)).toEqual([
      ['Hot', 'learning'],
      ['Up', 'new'],
    ]);
  });

  it('suspended and buried cards with a schedule are neither due nor learning', () => {
    const { env, id } = world({ 'd.md': deckFile('D', ['Review', 'Learning', 'New']) });
    setStates(env, [
      [id('Review'), stateAt('review', yesterday)],
      [id('Learning'), stateAt('learning', inFiveMinutes)],
    ]);
    expect(env.run(['suspend', String(id('Review'))]).status).toBe(0);
    expect(env.run(['bury', String(id('Learning'))]).status).toBe(0);
    expect(env.json<DeckJson[]>(['decks']).data).toEqual([{ name: 'D', total: 3, new: 1, newToday: 1, due: 0, learning: 0, suspended: 1, dropped: 0, archived: 0 }]);
    expect(queue(env.json<DueJson>(['due']).data)).toEqual([['New', 'new']]);

    // Tomorrow the buried card is back; the suspended one is not.
    const next = { ENGRAM_NOW: iso(Date.parse('2026-03-03T04:00:00Z')) };
    expect(queue(env.json<DueJson>(['due'], next).data)).toEqual([
      ['Learning', 'learning'],
      ['New', 'new'],
    ]);
    expect(env.run(['unsuspend', String(id('Review'))]).status).toBe(0);
    expect(env.json<DeckJson[]>(['decks'], next).data[0]).toMatchObject({ new: 1, due: 1, learning: 1, suspended: 0 });
  });
});
