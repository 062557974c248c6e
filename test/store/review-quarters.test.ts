import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CardState } from '../../src/model/card-state.js';
import type { DeckReviewTally } from '../../src/model/review-tally.js';
import type { StudyClock } from '../../src/model/study-clock.js';
import { DAY, HOUR, MINUTE } from '../../src/schedule/study-time.js';
import { studyDayCounter } from '../../src/schedule/study-day-counter.js';
import { insertCard } from '../../src/store/cards.js';
import { ensureDeck } from '../../src/store/decks.js';
import { SCHEMA_VERSION } from '../../src/store/migrations.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { deckReviewDayTallies, foldReviewDays } from '../../src/store/review-days.js';
import { AppendedTally } from '../../src/store/review-quarters.js';
import { appendImportedReview, appendReview, deleteReview, rewriteReviewFacts } from '../../src/store/reviews.js';
import { daysFromScratch, quarters, quartersFromScratch } from '../helpers/tallies-from-scratch.js';
import { tempDir } from '../helpers/temp-dir.js';
import { seededRandom } from '../../src/schedule/seeded-random.js';

const UTC4: StudyClock = { rolloverHour: 4, timeZone: 'UTC' };
const NEW_YORK: StudyClock = { rolloverHour: 4, timeZone: 'America/New_York' };
const KATHMANDU: StudyClock = { rolloverHour: 2, timeZone: 'Asia/Kathmandu' };
const START = Date.parse('2026-03-01T00:00:00Z');

const opened: Store[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

function newStore(path = join(tempDir(), 'engram.db')): Store {
  const store = openStore(path, { create: true });
  opened.push(store);
  return store;
}

function addCard(store: Store, n: number, deck: string): number {
  return insertCard(
    store,
    { key: `k${n}`, sibling: null, deckId: ensureDeck(store, deck, 0), sourceId: null, line: n, endLine: n, kind: 'basic', syntax: 'qa', front: `Q${n}`, back: 'A', title: null, context: null, headingPath: [] },
    0,
  );
}

/** A card state that makes a review record `phase` and `interval` as its facts before. */
function state(phase: 'learning' | 'review' | 'relearning', interval: number): CardState {
  return { phase, due: 0, stability: 1, difficulty: 5, scheduledDays: interval, learningSteps: 0, reps: 1, lapses: 0, lastReview: 0 };
}

function days(store: Store, clock: StudyClock): DeckReviewTally[] {
  foldReviewDays(store, clock, studyDayCounter(clock));
  return deckReviewDayTallies(store, { deckIds: null });
}

describe('the quarter-hour tallies, kept as answers are written', () => {
  it('equal a fold of the whole log after every write: answers (some older than the newest), undos, facts rewritten, deck moves', () => {
    const store = newStore();
    const rand = seededRandom(20);
    const cards = Array.from({ length: 12 }, (_, i) => addCard(store, i + 1, i % 3 === 0 ? 'Go' : 'Spanish'));
    const answered: number[] = [];
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    let newest = START;
    const counts = { answer: 0, older: 0, undo: 0, undoLast: 0, facts: 0, move: 0, imported: 0 };
    for (let step = 0; step < 400; step++) {
      const roll = rand();
      store.transaction(() => {
        if (roll < 0.45 || answered.length < 3) {
          // An answer now, or (as a sync fold adds another device's) hours to weeks before the newest one.
          const older = rand() < 0.3;
          const at = older ? newest - Math.floor(rand() * 20 * DAY) : (newest += Math.floor(rand() * 9 * HOUR));
          const before = rand() < 0.2 ? null : state(pick(['learning', 'review', 'relearning'] as const), Math.floor(rand() * 40));
          answered.push(appendReview(store, { cardId: pick(cards), reviewedAt: at, rating: (1 + Math.floor(rand() * 4)) as 1 | 2 | 3 | 4, durationMs: Math.floor(rand() * 9000), sessionId: null, device: null }, before));
          counts[older ? 'older' : 'answer']++;
        } else if (roll < 0.6) {
          // Undo: often the last answer, whose id the next answer is then given again.
          const last = rand() < 0.5;
          const id = last ? answered.pop()! : answered.splice(Math.floor(rand() * answered.length), 1)[0]!;
          expect(deleteReview(store, id, newest)).toBe(true);
          counts[last ? 'undoLast' : 'undo']++;
        } else if (roll < 0.8) {
          // A replay in merged order rewrites the facts of some answers.
          const ids = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(answered));
          rewriteReviewFacts(store, ids, ids.map(() => (rand() < 0.3 ? null : state(pick(['learning', 'review', 'relearning'] as const), Math.floor(rand() * 60)))));
          counts.facts++;
        } else if (roll < 0.9) {
          store.db.prepare('UPDATE cards SET deck_id = ? WHERE id = ?').run(ensureDeck(store, pick(['Go', 'Spanish', 'Latin']), 0), pick(cards));
          counts.move++;
        } else {
          // An imported answer whose facts a replay fills in afterwards, in the same transaction.
          const cardId = pick(cards);
          const at = newest - Math.floor(rand() * 40 * DAY);
          appendImportedReview(store, { cardId, reviewedAt: at, rating: 3, durationMs: 1234, sessionId: null, device: 'anki' }, `anki-${step}`);
          const id = store.db.prepare('SELECT max(id) FROM reviews').pluck().get() as number;
          answered.push(id);
          rewriteReviewFacts(store, [id], [state('review', Math.floor(rand() * 50))]);
          counts.imported++;
        }
      });
      // The write path folded them: nothing is left for stats to count from the log.
      expect(quarters(store)).toEqual(quartersFromScratch(store));
      expect(store.db.prepare('SELECT count(*) FROM review_quarters_changed').pluck().get()).toBe(0);
      if (step % 25 === 0) expect(days(store, NEW_YORK)).toEqual(daysFromScratch(store, NEW_YORK));
    }
    // Every kind of write happened, several times.
    expect(Object.values(counts).every((n) => n >= 5)).toBe(true);
    expect(quarters(store).length).toBeGreaterThan(100);
    expect(days(store, NEW_YORK)).toEqual(daysFromScratch(store, NEW_YORK));
  });

  it('are brought up to date by the stats after writes made outside engram transactions', () => {
    const store = newStore();
    const card = addCard(store, 1, 'Go');
    store.transaction(() => appendReview(store, { cardId: card, reviewedAt: START, rating: 3, durationMs: 100, sessionId: null, device: null }, state('review', 30)));
    expect(days(store, UTC4)).toEqual(daysFromScratch(store, UTC4));
    // A sqlite3 shell: an answer, and an older one deleted.
    store.db.prepare('INSERT INTO reviews (card_id, reviewed_at, rating, duration_ms, state_before, last_interval) VALUES (?, ?, 1, 700, 2, 40)').run(card, START + DAY);
    store.db.prepare('INSERT INTO reviews (card_id, reviewed_at, rating, duration_ms, state_before, last_interval) VALUES (?, ?, 4, 900, 1, 0)').run(card, START - DAY);
    expect(quarters(store)).not.toEqual(quartersFromScratch(store));
    expect(days(store, UTC4)).toEqual(daysFromScratch(store, UTC4));
    store.db.prepare('DELETE FROM reviews WHERE id = 1').run();
    expect(days(store, UTC4)).toEqual(daysFromScratch(store, UTC4));
    expect(quarters(store)).toEqual(quartersFromScratch(store));
  });

  it('give the right days after the time zone or rollover hour changes: the days are rebuilt from the quarter hours', () => {
    const store = newStore();
    const rand = seededRandom(7);
    const cards = [addCard(store, 1, 'Go'), addCard(store, 2, 'Latin')];
    store.transaction(() => {
      // Every 47 minutes or so over a year: every hour of the day, both daylight-saving changes.
      for (let at = Date.parse('2026-01-01T00:05:00Z'); at < Date.parse('2027-01-01T00:00:00Z'); at += 47 * MINUTE + Math.floor(rand() * 3) * HOUR) {
        appendReview(store, { cardId: cards[Math.floor(rand() * 2)]!, reviewedAt: at, rating: rand() < 0.2 ? 1 : 3, durationMs: 1000, sessionId: null, device: null }, state('review', Math.floor(rand() * 40)));
      }
    });
    const foldOn = (clock: StudyClock) => foldReviewDays(store, clock, studyDayCounter(clock));
    expect(foldOn(UTC4)).toMatchObject({ rebuilt: true });
    expect(deckReviewDayTallies(store, { deckIds: null })).toEqual(daysFromScratch(store, UTC4));
    for (const clock of [NEW_YORK, KATHMANDU, { ...NEW_YORK, rolloverHour: 0 }, UTC4]) {
      expect(foldOn(clock)).toMatchObject({ rebuilt: true });
      expect(deckReviewDayTallies(store, { deckIds: null })).toEqual(daysFromScratch(store, clock));
      expect(foldOn(clock)).toEqual({ rebuilt: false, days: 0 });
    }
  });
});

describe('AppendedTally: the tallies of a bulk write, added up as it writes', () => {
  /** Appends an answer outside any tally: rating 3, 2 s, a review of `interval` days before. */
  function append(store: Store, cardId: number, at: number, interval: number): void {
    store.db.prepare('INSERT INTO reviews (card_id, reviewed_at, rating, duration_ms, state_before, last_interval) VALUES (?, ?, 3, 2000, 2, ?)').run(cardId, at, interval);
  }

  it('writes the sums of the answers the log took as a fold of the log would, and marks the log folded', () => {
    const store = newStore();
    const [a, b] = [addCard(store, 1, 'Spanish'), addCard(store, 2, 'Go')];
    store.transaction(() => append(store, a, START, 3));
    store.transaction(() => {
      const tally = AppendedTally.begin(store.db);
      for (const [card, at, interval] of [[a, START + MINUTE, 30], [b, START + 2 * MINUTE, 3], [b, START + HOUR, 0]] as const) {
        append(store, card, at, interval);
        tally.add(card, at, 3, 2000, 2, interval);
      }
      expect(tally.write()).toBe(true);
      expect(store.db.prepare('SELECT folded_through FROM review_quarters_state').pluck().get()).toBe(4);
      // No stats yet, so no day tallies to mark for.
      expect(store.db.prepare('SELECT count(*) FROM review_days_stale').pluck().get()).toBe(0);
    });
    expect(quarters(store)).toEqual(quartersFromScratch(store));
    // Once the day tallies exist, the quarter hours written are marked for them, and the days come out right.
    expect(days(store, UTC4)).toEqual(daysFromScratch(store, UTC4));
    store.transaction(() => {
      const tally = AppendedTally.begin(store.db);
      append(store, b, START + DAY, 3);
      tally.add(b, START + DAY, 3, 2000, 2, 3);
      expect(tally.write()).toBe(true);
      expect(store.db.prepare('SELECT quarter FROM review_days_stale').pluck().all()).toEqual([(START + DAY) / (15 * MINUTE)]);
    });
    expect(quarters(store)).toEqual(quartersFromScratch(store));
    expect(days(store, UTC4)).toEqual(daysFromScratch(store, UTC4));
  });

  it('writes nothing when the tallies were behind the log, an answer was left out, or the log gained others: the commit folds them', () => {
    const store = newStore();
    const card = addCard(store, 1, 'Spanish');
    const cases: ((tally: AppendedTally, at: number) => void)[] = [
      // Left out by the write: counted, not in the log.
      (tally, at) => {
        tally.add(card, at, 3, 2000, 2, 3);
        tally.spoil();
      },
      // The log gained an answer the tally did not count.
      (tally, at) => {
        append(store, card, at, 3);
        append(store, card, at + MINUTE, 3);
        tally.add(card, at, 3, 2000, 2, 3);
      },
    ];
    cases.forEach((run, i) => {
      store.transaction(() => {
        const tally = AppendedTally.begin(store.db);
        run(tally, START + i * DAY);
        expect(tally.write()).toBe(false);
      });
      expect(quarters(store)).toEqual(quartersFromScratch(store));
    });
    // Behind the log: an answer written outside engram's transactions is not folded yet.
    append(store, card, START + 5 * DAY, 3);
    store.transaction(() => {
      const tally = AppendedTally.begin(store.db);
      append(store, card, START + 6 * DAY, 3);
      tally.add(card, START + 6 * DAY, 3, 2000, 2, 3);
      expect(tally.write()).toBe(false);
    });
    expect(quarters(store)).toEqual(quartersFromScratch(store));
  });
});

describe('migration to schema 8', () => {
  it('folds a version 7 store once, its reviews and review tallies kept, and keeps it current after', () => {
    const dir = tempDir();
    const path = join(dir, 'engram.db');
    copyFileSync(new URL('../fixtures/stores/v7.db', import.meta.url), path);
    const raw = new Database(path, { readonly: true });
    const reviewsBefore = raw.prepare('SELECT * FROM reviews ORDER BY id').all();
    raw.close();
    expect(reviewsBefore).toHaveLength(100);
    const store = newStore(path);
    expect(store.schemaVersion()).toBe(SCHEMA_VERSION);
    // Kept as they were; schema 11 adds the load balancer's day, none for these.
    expect(store.db.prepare('SELECT * FROM reviews ORDER BY id').all()).toEqual((reviewsBefore as object[]).map((r) => ({ ...r, chosen_days: null })));
    expect(quarters(store)).toEqual(quartersFromScratch(store));
    expect(quarters(store).reduce((n, r) => n + r[5], 0)).toBe(100);
    expect(store.db.prepare('SELECT folded_through FROM review_quarters_state').pluck().get()).toBe(store.db.prepare('SELECT max(id) FROM reviews').pluck().get());
    // The day tallies v7 had were counted from the log: they are made again, from the quarter hours.
    expect(store.db.prepare('SELECT count(*) FROM review_days').pluck().get()).toBe(0);
    expect(days(store, UTC4)).toEqual(daysFromScratch(store, UTC4));
    const card = store.db.prepare('SELECT min(id) FROM cards').pluck().get() as number;
    store.transaction(() => appendReview(store, { cardId: card, reviewedAt: START, rating: 2, durationMs: 10, sessionId: null, device: null }, state('review', 25)));
    expect(quarters(store)).toEqual(quartersFromScratch(store));
    expect(days(store, UTC4)).toEqual(daysFromScratch(store, UTC4));
  });
});
