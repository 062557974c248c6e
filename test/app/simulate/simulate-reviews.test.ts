import { describe, expect, it } from 'vitest';
import { simulationRetention, simulationSpan } from '../../../src/cli/simulate-flags.js';
import { simulateReviews } from '../../../src/app/simulate/simulate-reviews.js';
import { saveCardState } from '../../../src/store/card-state-rows.js';
import { DAY, deckFile, NOW, numbered, storeWithDecks, thrown, utcSettings } from '../../helpers/store-with-decks.js';

describe('the retention to simulate', () => {
  it('takes 0.7 to 0.99, as the setting does', () => {
    expect([simulationRetention('0.7'), simulationRetention('0.85'), simulationRetention(' 0.99 ')]).toEqual([0.7, 0.85, 0.99]);
  });

  it('refuses anything else (usage), saying what was given', () => {
    for (const given of ['0.69', '1', '0.995', 'abc', '', ' ']) {
      expect(thrown(() => simulationRetention(given))).toEqual({
        kind: 'usage',
        message: `--retention must be a number from 0.7 to 0.99 (the chance to recall a card when it falls due); got "${given}".`,
      });
    }
  });
});

describe('the span to simulate', () => {
  it('is a year from seed 1 unless told otherwise', () => {
    expect(simulationSpan()).toEqual({ days: 365, seed: 1 });
    expect(simulationSpan('3650', '4294967295')).toEqual({ days: 3650, seed: 4294967295 });
  });

  it('refuses days outside 1-3,650 and seeds outside 0-2^32-1 (usage)', () => {
    expect(thrown(() => simulationSpan('0'))).toEqual({ kind: 'usage', message: '--days must be a whole number from 1 to 3,650 (study days to simulate); got "0".' });
    expect(thrown(() => simulationSpan('2.5'))).toEqual({ kind: 'usage', message: '--days must be a whole number from 1 to 3,650 (study days to simulate); got "2.5".' });
    expect(thrown(() => simulationSpan('10', '-1'))).toEqual({
      kind: 'usage',
      message: '--seed must be a whole number from 0 to 4,294,967,295 (seed of the simulated recalls); got "-1".',
    });
  });
});

describe('simulateReviews', () => {
  /** 30 new cards in deck words, and one card of deck old in review: stability 10 days, answered 5 days ago, due in 5. */
  function world() {
    const w = storeWithDecks({ 'words.md': deckFile('words', numbered('word', 30)), 'old.md': deckFile('old', ['known']) });
    w.with((store) => {
      const id = (store.db.prepare("SELECT id FROM cards WHERE front = 'known'").get() as { id: number }).id;
      saveCardState(store, id, { phase: 'review', due: NOW + 5 * DAY - 6 * 3_600_000, stability: 10, difficulty: 5, scheduledDays: 10, learningSteps: 0, reps: 3, lapses: 0, lastReview: NOW - 5 * DAY });
    });
    return w;
  }

  it('simulates every deck from today within the daily limits, and compares the usual retentions', () => {
    const w = world();
    const r = w.with((store) => simulateReviews(store, utcSettings(), [], { days: 10, seed: 1, retention: 0.9 }, NOW));
    // Study day 20514 is 2026-03-02 (days since 1970-01-01).
    expect(r).toMatchObject({ decks: null, from: 20514, days: 10, retention: 0.9, seed: 1 });
    expect(r.cards).toEqual({ scheduled: 1, new: 30 });
    expect(r.limits).toEqual({ newPerDay: 20, reviewsPerDay: 200 });
    expect(r.secondsPerAnswer).toBeNull();
    // 20 new cards a day: 20, then the 10 left.
    expect(r.result.days.map((d) => d.learned)).toEqual([20, 10, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(r.compared.map((c) => c.retention)).toEqual([0.8, 0.85, 0.9, 0.95]);
    expect(r.compared[2]!.result).toBe(r.result);
    // The same seed gives the same run.
    expect(w.with((store) => simulateReviews(store, utcSettings(), [], { days: 10, seed: 1, retention: 0.9 }, NOW))).toEqual(r);
  });

  it('simulates the decks named at a retention of its own, compared with the others', () => {
    const w = world();
    const r = w.with((store) => simulateReviews(store, utcSettings(), ['old'], { days: 6, seed: 1, retention: 0.87 }, NOW));
    expect(r.decks).toEqual(['old']);
    expect(r.cards).toEqual({ scheduled: 1, new: 0 });
    expect(r.result.days.map((d) => d.reviews)).toEqual([0, 0, 0, 0, 0, 1]);
    expect(r.compared.map((c) => c.retention)).toEqual([0.8, 0.85, 0.87, 0.9, 0.95]);
  });

  it('refuses a deck that does not exist (not found), listing the decks there are', () => {
    const w = world();
    expect(thrown(() => w.with((store) => simulateReviews(store, utcSettings(), ['nope'], { days: 6, seed: 1, retention: 0.9 }, NOW)))).toEqual({
      kind: 'notFound',
      message: 'no deck named "nope". Decks: old, words.',
    });
  });
});
