import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionDueLoad, storeDueLoad } from '../../src/app/due-load.js';
import type { CardState } from '../../src/model/card-state.js';
import { studyDay, studyDayStart, type StudyClock } from '../../src/schedule/study-time.js';
import { saveCardState } from '../../src/store/card-state-rows.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { tempDir } from '../helpers/temp-dir.js';
import { writtenCard } from '../helpers/written-card.js';

const NOW = Date.UTC(2026, 11, 7, 10);
const DAY = 86_400_000;
/** A clock whose days start at 04:00 in New York (DST ended on 2026-11-01). */
const CLOCK: StudyClock = { rolloverHour: 4, timeZone: 'America/New_York' };
const TODAY = studyDay(NOW, CLOCK);

let store: Store;

beforeEach(() => {
  store = openStore(join(tempDir(), 'engram.db'), { create: true });
});

afterEach(() => {
  store.close();
});

/** A card state of `phase` due at `due`. */
function state(phase: CardState['phase'], due: number): CardState {
  return { phase, due, stability: 5, difficulty: 5, scheduledDays: 3, learningSteps: 0, reps: 2, lapses: 0, lastReview: NOW - DAY };
}

/** A card with `s` as its cached state (null: never answered). */
function card(s: CardState | null): number {
  const id = writtenCard(store, { deck: 'd', at: NOW - 10 * DAY });
  saveCardState(store, id, s);
  return id;
}

/** The middle of study day `day` (UTC ms). */
const midday = (day: number) => studyDayStart(day, CLOCK) + 8 * 3_600_000;

describe('sessionDueLoad', () => {
  it('counts as the store does, and keeps counting as it does while answers move cards between days', () => {
    const ids = [1, 1, 2, 3, 3, 3, 5, 8].map((d) => card(state('review', midday(TODAY + d))));
    const fresh = card(null);
    const learning = card(state('learning', midday(TODAY) + 600_000));
    const session = sessionDueLoad(store, CLOCK);
    const fromStore = storeDueLoad(store, CLOCK);
    expect(session.load(TODAY, TODAY + 8)).toEqual([1, 2, 1, 3, 0, 1, 0, 0, 1]);
    // An answer: a review card due in 3 days now due in 6; a new card learned, due today; the learning card graduates to day 4.
    const answers: [number, CardState | null, CardState][] = [
      [ids[3]!, state('review', midday(TODAY + 3)), state('review', midday(TODAY + 6))],
      [fresh, null, state('learning', midday(TODAY) + 60_000)],
      [learning, state('learning', midday(TODAY) + 600_000), state('review', midday(TODAY + 4))],
    ];
    for (const [id, before, after] of answers) {
      saveCardState(store, id, after);
      session.moved(before, after);
      expect(session.load(TODAY, TODAY + 8)).toEqual(fromStore(TODAY, TODAY + 8));
    }
    expect(session.load(TODAY, TODAY + 8)).toEqual([1, 2, 1, 2, 1, 1, 1, 0, 1]);
    // Days not read before are read as they are now; days partly read join the rest.
    expect(session.load(TODAY + 7, TODAY + 12)).toEqual(fromStore(TODAY + 7, TODAY + 12));
  });

  it('reads the days again after any other write, which forget asks for', () => {
    const id = card(state('review', midday(TODAY + 2)));
    const session = sessionDueLoad(store, CLOCK);
    expect(session.load(TODAY + 2, TODAY + 2)).toEqual([1]);
    store.db.prepare('UPDATE cards SET suspended_at = ? WHERE id = ?').run(NOW, id);
    // Kept until told: the store's count changed under it.
    expect(session.load(TODAY + 2, TODAY + 2)).toEqual([1]);
    session.forget();
    expect(session.load(TODAY + 2, TODAY + 2)).toEqual([0]);
  });
});
