import { cardById } from '../../../src/store/cards.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { optimizeParameters } from '../../../src/app/optimize/optimize-parameters.js';
import { currentParameters, roundWeights, saveWeights } from '../../../src/app/optimize/target-parameters.js';
import { loadSettings, schedulerSet } from '../../../src/app/settings/study-settings.js';
import { saveCardState } from '../../../src/store/card-state-rows.js';
import { appendReview } from '../../../src/store/reviews.js';
import { DAY, deckFile, NOW, numbered, rejected, storeWithDecks, utcSettings } from '../../helpers/store-with-decks.js';

const W0 = Array.from({ length: 21 }, (_, i) => i / 10);
const W1 = Array.from({ length: 21 }, (_, i) => i / 100);

describe('saveWeights', () => {
  it('saves global parameters into the settings file read afresh, keeping the rest, and says what they replaced', () => {
    const w = storeWithDecks({});
    const path = join(w.dir, 'config.json');
    writeFileSync(path, JSON.stringify({ retention: 0.85, weights: W0 }));
    expect(saveWeights(path, null, W1)).toEqual({ path, before: [{ deck: null, weights: W0 }] });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ retention: 0.85, weights: W1 });
  });

  it("saves each deck's own, saying which had some before", () => {
    const w = storeWithDecks({});
    const path = join(w.dir, 'config.json');
    writeFileSync(path, JSON.stringify({ decks: { a: { weights: W0, 'new-per-day': 5 } } }));
    expect(saveWeights(path, ['a', 'b'], W1)).toEqual({ path, before: [{ deck: 'a', weights: W0 }, { deck: 'b', weights: null }] });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ decks: { a: { weights: W1, 'new-per-day': 5 }, b: { weights: W1 } } });
  });
});

describe('currentParameters', () => {
  it('names the parameters a target is scheduled with', () => {
    const none = { settings: {}, decks: {} };
    const global = { settings: { weights: W0 }, decks: { a: { weights: W1 } } };
    expect(currentParameters(none, null)).toEqual({ label: 'defaults', describe: 'the default parameters', defaults: true });
    expect(currentParameters(global, null)).toEqual({ label: 'saved', describe: 'your saved parameters', defaults: false });
    expect(currentParameters(global, ['a'])).toEqual({ label: "deck's own", describe: "the deck's own parameters", defaults: false });
    expect(currentParameters(global, ['b'])).toEqual({ label: 'global', describe: 'your global parameters', defaults: false });
    expect(currentParameters(global, ['a', 'b'])).toEqual({ label: 'as now', describe: 'the parameters each deck has now', defaults: false });
  });

  it('rounds parameters to four decimals, as they are saved', () => {
    expect(roundWeights([0.212345, 1.29315, 8])).toEqual([0.2123, 1.2932, 8]);
  });
});

describe('optimizeParameters', () => {
  /** Deck words of 4 cards, each answered twice ten minutes apart and again a week later: 4 usable reviews. */
  function answered() {
    const w = storeWithDecks({ 'words.md': deckFile('words', numbered('word', 4)) });
    const set = schedulerSet(utcSettings());
    w.with((store) =>
      store.transaction(() => {
        for (const { id } of store.db.prepare('SELECT id FROM cards ORDER BY id').all() as { id: number }[]) {
          const reviews = [
            { reviewedAt: NOW - 10 * DAY, rating: 3 as const },
            { reviewedAt: NOW - 10 * DAY + 600_000, rating: 3 as const },
            { reviewedAt: NOW - 3 * DAY, rating: 3 as const },
          ];
          const { before, after } = set.forDeck('words').history(cardById(store, id)!.seed!, reviews);
          reviews.forEach((r, k) => appendReview(store, { cardId: id, reviewedAt: r.reviewedAt, rating: r.rating, durationMs: 4000, sessionId: 's', device: null }, before[k]!));
          saveCardState(store, id, after);
        }
      }),
    );
    return w;
  }

  it('fits nothing with too little history, saves nothing, and with reschedule replays every card unmoved', async () => {
    const w = answered();
    const settingsPath = join(w.dir, 'config.json');
    writeFileSync(settingsPath, JSON.stringify({ 'time-zone': 'UTC' }));
    const heard: string[] = [];
    const progress = { update: (d: number, t: number) => heard.push(`${d}/${t}`), finish: () => heard.push('finish') };
    const report = await w.with((store) => optimizeParameters(store, loadSettings(settingsPath), { decks: [], dryRun: false, reschedule: true }, progress));
    expect(report).toEqual({
      model: 'FSRS-6',
      decks: null,
      cards: 4,
      reviews: 12,
      usable: 4,
      current: { label: 'defaults', describe: 'the default parameters', defaults: true },
      seconds: null,
      kind: 'too-little',
      note: "not enough history yet: 4 usable reviews, about 4 more needed (a review a day or more after the card's previous one counts).",
      fit: null,
      dryRun: false,
      saved: null,
      rescheduled: { cards: 4, sooner: 0, later: 0, medianShift: 0 },
      retention: 0.9,
      advice: null,
      timeSplit: null,
    });
    // The optimizer was never called.
    expect(heard).toEqual([]);
    expect(JSON.parse(readFileSync(settingsPath, 'utf8'))).toEqual({ 'time-zone': 'UTC' });
  });

  it('refuses a deck that does not exist (not found)', async () => {
    const w = answered();
    expect(await rejected(w.with((store) => optimizeParameters(store, utcSettings(), { decks: ['nope'], dryRun: true, reschedule: false })))).toEqual({
      kind: 'notFound',
      message: 'no deck named "nope". Decks: words.',
    });
  });
});
