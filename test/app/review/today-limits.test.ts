import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dueToday } from '../../../src/app/cards/due-today.js';
import { prepareReview } from '../../../src/app/review/prepare-review.js';
import type { ReviewActions } from '../../../src/app/review/review-actions.js';
import { studyMore } from '../../../src/app/review/today-limits.js';
import { loadSettings } from '../../../src/app/settings/study-settings.js';
import { nextCard, queueCounts, type DueQueue } from '../../../src/schedule/due-queue.js';
import { studyDay } from '../../../src/schedule/study-time.js';
import { extraLimitsOn } from '../../../src/store/extra-limits.js';
import { openStore, Store } from '../../../src/store/open-store.js';
import { DAY, deckFile, NOW, numbered, storeWithDecks, thrown } from '../../helpers/store-with-decks.js';

/** NOW's study day, as the store keys extra study. */
const TODAY = studyDay(NOW, { rolloverHour: 4, timeZone: 'UTC' });

const opened: Store[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

/** Decks span (5 new cards) and ger (3); two new cards a day, study days from 04:00 UTC. */
function world(): { store: Store; dir: string; config: string } {
  const w = storeWithDecks({ 'span.md': deckFile('span', numbered('Spanish', 5)), 'ger.md': deckFile('ger', numbered('German', 3)) });
  const config = join(w.dir, 'config.json');
  writeFileSync(config, JSON.stringify({ 'rollover-hour': 4, 'time-zone': 'UTC', 'new-per-day': 2 }));
  const store = openStore(w.storePath, { create: false });
  opened.push(store);
  return { store, dir: w.dir, config };
}

/** The review of `args` at `now`, as `engram review` prepares it (with `--more` when given). */
async function review(o: { store: Store; dir: string; config: string }, args: string[], now: number, more?: { newCards: number; reviews: number }) {
  const setup = await prepareReview(o.store, {
    configPath: o.config,
    args,
    cwd: o.dir,
    clock: () => now,
    editor: 'true',
    openers: [],
    showPath: (p) => p,
    toolEnv: { path: '', home: '' },
    ...(more ? { more } : {}),
    sessionId: 's',
    device: 'd',
  });
  return { queue: setup.queue, actions: setup.actions((run) => run()) };
}

/** Answers Good to every card the queue shows now (new cards go into their learning steps). */
function answerAll(actions: ReviewActions, queue: DueQueue, now: number): number {
  let q = queue;
  let n = 0;
  for (let next = nextCard(q, now); next && next.state === null; next = nextCard(q, now)) {
    actions.answer(actions.show(next, now)!, 3, now);
    q = { ...q, at: q.at + 1 };
    n++;
  }
  return n;
}

describe("today's limits: used up, and study more (review --more)", () => {
  it('says the new-card limit is used up, with the cards that wait and the amount to suggest', async () => {
    const o = world();
    const first = await review(o, ['span'], NOW);
    expect(answerAll(first.actions, first.queue, NOW)).toBe(2);
    const later = NOW + 60_000;
    const limit = { kind: 'new', deck: null, limit: 2, extra: 0, waiting: 3, suggested: 2 };
    expect(first.actions.limitsReached(later)).toEqual([limit]);
    expect(first.actions.summary(later).limits).toEqual([limit]);
    // The same from engram due, for that deck and for every deck (ger's 3 wait too).
    const settings = loadSettings(o.config);
    expect((await dueToday(o.store, settings, later, ['span'], o.dir)).limits).toEqual([limit]);
    expect((await dueToday(o.store, settings, later, [], o.dir)).limits).toEqual([{ ...limit, waiting: 6 }]);
  });

  it('says nothing while the limit still has room or no card waits behind it', async () => {
    const o = world();
    const first = await review(o, ['ger'], NOW);
    expect(first.actions.limitsReached(NOW)).toEqual([]);
    writeFileSync(o.config, JSON.stringify({ 'rollover-hour': 4, 'time-zone': 'UTC', 'new-per-day': 3 }));
    const roomy = await review(o, ['ger'], NOW);
    answerAll(roomy.actions, roomy.queue, NOW);
    expect(roomy.actions.limitsReached(NOW + 60_000)).toEqual([]);
  });

  it('--more adds new cards to today\'s limit of the decks asked for, adding up, kept for the day only', async () => {
    const o = world();
    const first = await review(o, ['span'], NOW);
    answerAll(first.actions, first.queue, NOW);
    const more = await review(o, ['span'], NOW + 60_000, { newCards: 1, reviews: 0 });
    expect(queueCounts(more.queue).new).toBe(1);
    const again = await review(o, ['span'], NOW + 120_000, { newCards: 1, reviews: 0 });
    expect(queueCounts(again.queue).new).toBe(2);
    expect(extraLimitsOn(o.store, TODAY)).toEqual([{ decks: ['span'], newCards: 2, reviews: 0 }]);
    // Another deck does not get span's extra cards: the global limit is still used up for it.
    const ger = await review(o, ['ger'], NOW + 180_000);
    expect(queueCounts(ger.queue).new).toBe(0);
    expect(ger.actions.limitsReached(NOW + 180_000)).toEqual([{ kind: 'new', deck: null, limit: 2, extra: 0, waiting: 3, suggested: 2 }]);
    // The next study day starts with the plain limit again.
    const tomorrow = await review(o, ['span'], NOW + DAY);
    expect(queueCounts(tomorrow.queue).new).toBe(2);
  });

  it('studyMore from the screen (m) extends the session decks and the queue then holds the extra cards', async () => {
    const o = world();
    const first = await review(o, ['span'], NOW);
    answerAll(first.actions, first.queue, NOW);
    first.actions.studyMore({ newCards: 2, reviews: 0 }, NOW + 60_000);
    expect(queueCounts(first.actions.queueFor(NOW + 60_000)).new).toBe(2);
    expect(first.actions.limitsReached(NOW + 60_000)).toEqual([]);
  });

  it('every deck (no decks given) is one selection of its own: its extra raises every deck and the global limit', async () => {
    const o = world();
    const first = await review(o, [], NOW);
    answerAll(first.actions, first.queue, NOW);
    const more = await review(o, [], NOW + 60_000, { newCards: 3, reviews: 0 });
    expect(queueCounts(more.queue).new).toBe(3);
    expect(extraLimitsOn(o.store, TODAY)).toEqual([{ decks: null, newCards: 3, reviews: 0 }]);
  });

  it('refuses extra study on a read-only store, writing nothing', () => {
    const o = world();
    const readOnly = new Store(o.store.db, o.store.path, true);
    expect(thrown(() => studyMore(readOnly, loadSettings(o.config), NOW, ['span'], { newCards: 5, reviews: 0 }))).toEqual({
      kind: 'store',
      message: `the store ${o.store.path} is read-only (its file or its folder cannot be written), so nothing was changed.`,
    });
    expect(extraLimitsOn(o.store, TODAY)).toEqual([]);
  });
});

describe("a review's connection to the store", () => {
  it('keeps a 2 MiB page cache through the session and leaves checkpoints to the screen', async () => {
    const o = world();
    expect(o.store.db.pragma('cache_size', { simple: true })).toBe(-16000);
    expect(o.store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    const { actions, queue } = await review(o, ['span'], NOW);
    expect(o.store.db.pragma('cache_size', { simple: true })).toBe(-2048);
    expect(o.store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    // Answers still reach the store, and upkeep while reading never throws.
    expect(answerAll(actions, queue, NOW)).toBe(2);
    actions.whileReading();
    expect(o.store.sql('SELECT COUNT(*) FROM reviews').pluck().get()).toBe(2);
  });
});
