import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addExtraLimits, extraLimitsOn } from '../../src/store/extra-limits.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { tempDir } from '../helpers/temp-dir.js';

/** A study day number, as the study clock counts them. */
const DAY = 20_514;

let store: Store;

beforeEach(() => {
  store = openStore(join(tempDir(), 'engram.db'), { create: true });
});

afterEach(() => {
  store.close();
});

describe('extra study per study day (extra_limits)', () => {
  it('keeps what was asked per selection of decks, adding up when asked again', () => {
    expect(addExtraLimits(store, DAY, ['span'], { newCards: 20, reviews: 0 })).toEqual({ decks: ['span'], newCards: 20, reviews: 0 });
    expect(addExtraLimits(store, DAY, ['span'], { newCards: 5, reviews: 30 })).toEqual({ decks: ['span'], newCards: 25, reviews: 30 });
    expect(addExtraLimits(store, DAY, [], { newCards: 10, reviews: 0 })).toEqual({ decks: null, newCards: 10, reviews: 0 });
    expect(extraLimitsOn(store, DAY)).toEqual([
      { decks: null, newCards: 10, reviews: 0 },
      { decks: ['span'], newCards: 25, reviews: 30 },
    ]);
  });

  it('keys a selection by its deck names sorted, so the order they were given in does not matter', () => {
    addExtraLimits(store, DAY, ['span', 'ger'], { newCards: 1, reviews: 0 });
    addExtraLimits(store, DAY, ['ger', 'span', 'ger'], { newCards: 2, reviews: 0 });
    expect(extraLimitsOn(store, DAY)).toEqual([{ decks: ['ger', 'span'], newCards: 3, reviews: 0 }]);
    expect(store.db.prepare('SELECT decks FROM extra_limits').pluck().all()).toEqual(['ger\nspan']);
  });

  it('is of one day: another day has none, and rows of days gone by are dropped at the next ask', () => {
    addExtraLimits(store, DAY - 1, ['span'], { newCards: 7, reviews: 0 });
    expect(extraLimitsOn(store, DAY)).toEqual([]);
    addExtraLimits(store, DAY, ['ger'], { newCards: 1, reviews: 0 });
    expect(store.db.prepare('SELECT day, decks FROM extra_limits').all()).toEqual([{ day: DAY, decks: 'ger' }]);
  });
});
