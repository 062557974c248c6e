import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reviewService } from '../../../src/app/review/review-service.js';
import { EngramError } from '../../../src/model/engram-error.js';
import { importPaths } from '../../../src/library/import-sources.js';
import { buildQueue } from '../../../src/schedule/due-queue.js';
import { Scheduler } from '../../../src/schedule/fsrs-scheduler.js';
import { SchedulerSet } from '../../../src/schedule/scheduler-set.js';
import { cardState } from '../../../src/store/card-state-rows.js';
import { listCards } from '../../../src/store/cards.js';
import { openStore, type Store } from '../../../src/store/open-store.js';
import { reviewsOfCard } from '../../../src/store/reviews.js';
import { newCards, setSuspended } from '../../../src/store/study-queries.js';
import type { FileOpener } from '../../../src/app/review/open-image.js';
import type { ShownCard } from '../../../src/app/review/review-actions.js';
import { defaultSchedule } from '../../helpers/default-schedule.js';
import { tempDir } from '../../helpers/temp-dir.js';

const T = Date.parse('2026-03-02T10:00:00Z');
const stores: Store[] = [];
afterEach(() => {
  while (stores.length) stores.pop()!.close();
});

function world(markdown: string, openers: readonly FileOpener[] = []) {
  const dir = tempDir();
  writeFileSync(join(dir, 'deck.md'), markdown);
  const store = openStore(join(dir, 'store.db'), { create: true });
  stores.push(store);
  importPaths(store, [dir], { cwd: dir, now: T });
  let now = T;
  const scheduler = new Scheduler(defaultSchedule());
  const actions = reviewService({
    store,
    schedulers: new SchedulerSet(scheduler.settings),
    now: () => now,
    sessionId: 's',
    device: 'd',
    cwd: dir,
    suspendScreen: (run) => run(),
    editor: 'true',
    openers,
    showPath: (path) => relative(dir, path),
    queueFor: () => buildQueue([], [], { newByDeck: new Map(), reviewsByDeck: new Map(), siblings: new Set() }, { global: { newPerDay: 20, reviewsPerDay: 200 }, decks: {} }, T),
    decks: [],
    limitsReached: () => [],
    studyMore: () => undefined,
    codeOf: () => ({ blocks: [], exercise: { kind: 'recall' } }),
    runBlock: () => Promise.reject(new Error('no runs here')),
  });
  const cards = listCards(store, { includeArchived: false });
  const show = (front: string): ShownCard => {
    const c = cards.find((x) => x.front === front)!;
    return actions.show({ id: c.id, deck: c.deck, sibling: c.sibling, state: cardState(store, c.id) }, now)!;
  };
  return { dir, store, scheduler, actions, cards, show, setNow: (t: number) => (now = t) };
}

describe('review service', () => {
  it('keeps the cached state equal to a replay of the log when the clock goes back between answers', () => {
    const w = world('Alpha::one\n');
    const first = w.show('Alpha');
    w.actions.answer(first, 1, T);
    w.setNow(T - 10 * 60_000);
    const second = w.show('Alpha');
    w.actions.answer(second, 3, T - 10 * 60_000);
    const id = first.card.id;
    expect(cardState(w.store, id)).toEqual(w.scheduler.replay(first.card.seed!, reviewsOfCard(w.store, id)));
    // And undo rebuilds the same state the first answer gave.
    const [, last] = reviewsOfCard(w.store, id);
    expect(w.actions.undo(last!.id, id)).toEqual(w.scheduler.replay(first.card.seed!, reviewsOfCard(w.store, id)));
  });

  it('does not show a card that was archived or suspended since the queue was built', () => {
    const w = world('Alpha::one\nBeta::two\n');
    const beta = w.cards.find((c) => c.front === 'Beta')!;
    setSuspended(w.store, beta.id, T);
    expect(w.actions.show({ id: beta.id, deck: beta.deck, sibling: null, state: null }, T)).toBeNull();
    writeFileSync(join(w.dir, 'deck.md'), 'Gamma::three\n');
    importPaths(w.store, [w.dir], { cwd: w.dir, now: T });
    const alpha = w.cards.find((c) => c.front === 'Alpha')!;
    expect(w.actions.show({ id: alpha.id, deck: alpha.deck, sibling: null, state: null }, T)).toBeNull();
  });

  it('unbury and unsuspend take back bury and suspend: the card is studyable today again', () => {
    const w = world('Alpha::one\nBeta::two\n');
    const [alpha, beta] = [w.show('Alpha').card, w.show('Beta').card];
    const studyable = () => [...newCards(w.store, T, [])].map((c) => c.id);
    w.actions.bury(alpha.id);
    w.actions.suspend(beta.id);
    expect(studyable()).toEqual([]);
    w.actions.unbury(alpha.id);
    w.actions.unsuspend(beta.id);
    expect(studyable()).toEqual([alpha.id, beta.id]);
    expect(w.store.db.prepare('SELECT buried_until, suspended_at FROM cards ORDER BY id').all()).toEqual([
      { buried_until: null, suspended_at: null },
      { buried_until: null, suspended_at: null },
    ]);
  });

  it('says when an image file is missing instead of claiming to open it', async () => {
    const w = world('Alpha::one\n');
    expect(await w.actions.openImage('missing.png', w.show('Alpha').card)).toBe('No image at missing.png.');
  });

  it('says no program to open files was found, naming those tried and the image, when none is installed', async () => {
    const missing = (name: string): FileOpener => ({ name, command: join(tempDir(), name), args: [] });
    const w = world('Alpha::one\n', [missing('xdg-open'), missing('gio open')]);
    writeFileSync(join(w.dir, 'saturn.png'), 'not really a png');
    expect(await w.actions.openImage('saturn.png', w.show('Alpha').card)).toBe('No program to open files was found (tried xdg-open, gio open); the image is saturn.png.');
  });

  it('opens the image with the first opener that exists, the path resolved from the card file', async () => {
    const out = join(tempDir(), 'opened.txt');
    // A stand-in opener: node writing down the file it was given.
    const recorder: FileOpener = { name: 'recorder', command: process.execPath, args: ['-e', `require('fs').writeFileSync(${JSON.stringify(out)}, process.argv[1])`] };
    const w = world('Alpha::one\n', [{ name: 'xdg-open', command: join(tempDir(), 'xdg-open'), args: [] }, recorder]);
    writeFileSync(join(w.dir, 'saturn.png'), 'not really a png');
    expect(await w.actions.openImage('saturn.png', w.show('Alpha').card)).toBe('Opened saturn.png.');
    await vi.waitFor(() => expect(readFileSync(out, 'utf8')).toBe(join(w.dir, 'saturn.png')));
  });

  it('counts only studyable cards of the session decks in what comes next', () => {
    const w = world('---\ndeck: A\n---\nAlpha::one\n');
    const other = tempDir();
    writeFileSync(join(other, 'b.md'), '---\ndeck: B\n---\nBeta::two\n');
    importPaths(w.store, [other], { cwd: other, now: T });
    const alpha = w.show('Alpha');
    w.actions.answer(alpha, 1, T); // Again: learning, due in a minute
    w.actions.bury(alpha.card.id);
    const summary = w.actions.summary(T);
    // The buried learning card is not counted; deck B's new card is (the session took every deck).
    expect(summary).toEqual({ streak: 1, learningLater: 0, nextLearningInMs: null, reviewsTomorrow: 0, newWaiting: 1, limits: [] });
  });
});

describe("review service: the file's title heading", () => {
  it('gives the heading every card of the file sits under, to leave out of the breadcrumb', () => {
    const w = world('# Clocks and Time\n\n## Monotonic clocks\n\nWhat never jumps back::a monotonic clock\n\n## NTP\n\nWhat syncs clocks::NTP\n');
    expect(w.show('What never jumps back').titleHeading).toBe('Clocks and Time');
    expect(w.show('What syncs clocks').card.headingPath).toEqual(['Clocks and Time', 'NTP']);
  });

  it('gives none when the outermost headings differ or a card sits under none', () => {
    const twoChapters = world('# Faults\n\nWhat fails partly::a distributed system\n\n# Networks\n\nWhat loses packets::a network\n');
    expect(twoChapters.show('What fails partly').titleHeading).toBeNull();
    const before = world('What comes first::a card above the title\n\n# Title\n\nWhat comes next::a card under it\n');
    expect(before.show('What comes next').titleHeading).toBeNull();
  });
});

describe('review service: the summary at the end', () => {
  it('counts the learning cards left today and says in how long the first one is due', () => {
    const w = world('Alpha::one\nBeta::two\n');
    w.actions.answer(w.show('Alpha'), 1, T); // Again: due in a minute
    w.actions.answer(w.show('Beta'), 1, T + 30_000);
    expect(w.actions.summary(T + 40_000)).toEqual({ streak: 1, learningLater: 2, nextLearningInMs: 20_000, reviewsTomorrow: 0, newWaiting: 0, limits: [] });
  });

  it('has no streak and nothing learning before the first answer', () => {
    const w = world('Alpha::one\n');
    expect(w.actions.summary(T)).toEqual({ streak: 0, learningLater: 0, nextLearningInMs: null, reviewsTomorrow: 0, newWaiting: 1, limits: [] });
  });
});

describe('review service: writes the store refuses', () => {
  const reviews = (store: Store) => store.db.prepare('SELECT count(*) FROM reviews').pluck().get();

  it('says the store is busy when another engram holds it, and saves nothing', () => {
    const w = world('Alpha::one\n');
    w.store.db.pragma('busy_timeout = 0');
    const other = new Database(w.store.path);
    try {
      other.exec('BEGIN IMMEDIATE');
      const shown = w.show('Alpha');
      expect(() => w.actions.answer(shown, 3, T)).toThrow(new EngramError('failed', 'the store is busy (another engram is writing); press the key again.'));
      expect(() => w.actions.bury(shown.card.id)).toThrow('the store is busy');
      other.exec('ROLLBACK');
    } finally {
      other.close();
    }
    expect(reviews(w.store)).toBe(0);
    expect(cardState(w.store, w.cards[0]!.id)).toBeNull();
  });

  it('says the store is read-only, and saves nothing', () => {
    const w = world('Alpha::one\n');
    const shown = w.show('Alpha');
    w.store.db.pragma('query_only = ON');
    expect(() => w.actions.answer(shown, 3, T)).toThrow(new EngramError('failed', 'the store is read-only; make it writable, then press the key again.'));
    w.store.db.pragma('query_only = OFF');
    expect(reviews(w.store)).toBe(0);
  });

  it('says the disk is full', () => {
    const w = world('Alpha::one\n');
    const shown = w.show('Alpha');
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    w.store.transaction = () => {
      throw full;
    };
    expect(() => w.actions.answer(shown, 3, T)).toThrow(new EngramError('failed', 'the disk is full; free some space, then press the key again.'));
  });

  it('passes other errors on as they are', () => {
    const w = world('Alpha::one\n');
    const shown = w.show('Alpha');
    const bug = new TypeError('not a function');
    w.store.transaction = () => {
      throw bug;
    };
    expect(() => w.actions.answer(shown, 3, T)).toThrow(bug);
  });
});
