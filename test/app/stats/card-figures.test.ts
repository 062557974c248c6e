import { join } from 'node:path';
import { default_w } from 'ts-fsrs';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../src/app/settings/settings.js';
import { studyClock, type LoadedSettings } from '../../../src/app/settings/study-settings.js';
import { loadStatsReport } from '../../../src/app/stats/load-stats.js';
import { DAY, HOUR, studyDay } from '../../../src/schedule/study-time.js';
import { statsReport } from '../../../src/stats/build-stats-report.js';
import { insertCard } from '../../../src/store/cards.js';
import { ensureDeck } from '../../../src/store/decks.js';
import { openStore, type Store } from '../../../src/store/open-store.js';
import { deckReviewDayTallies, reviewDayTallies } from '../../../src/store/review-days.js';
import { cardFacts, cardFronts, decksWithCards } from '../../../src/store/stats-queries.js';
import { GO_WEIGHTS } from '../../stats/stats-store-fixture.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { seededRandom } from '../../../src/schedule/seeded-random.js';

const NOW = Date.parse('2026-03-02T10:00:00Z');
const opened: Store[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

function settings(zone: string): LoadedSettings {
  return {
    path: '/nonexistent/config.json',
    file: { settings: { 'time-zone': zone }, decks: { Go: { weights: GO_WEIGHTS } } },
    settings: { ...defaultSettings(), 'time-zone': zone, 'rollover-hour': 3 },
  };
}

/** A store of `n` cards in three decks with every kind of state: new, each phase, archived, suspended, dropped, buried, due from long ago to next year. */
function randomStore(n: number, seed: number): Store {
  const store = openStore(join(tempDir(), 'engram.db'), { create: true });
  opened.push(store);
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  store.transaction(() => {
    for (let i = 1; i <= n; i++) {
      const deckId = ensureDeck(store, pick(['Go', 'Latin', 'Latin/verbs']), 0);
      const id = insertCard(
        store,
        { key: `k${i}`, sibling: null, deckId, sourceId: null, line: i, endLine: i, kind: 'basic', syntax: 'qa', front: `Question ${i}?`, back: 'A', title: null, context: null, headingPath: [] },
        0,
      );
      const flag = rand();
      if (flag < 0.05) store.db.prepare('UPDATE cards SET archived_at = 1 WHERE id = ?').run(id);
      else if (flag < 0.1) store.db.prepare('UPDATE cards SET suspended_at = 1 WHERE id = ?').run(id);
      else if (flag < 0.13) store.db.prepare('UPDATE cards SET dropped_at = 1 WHERE id = ?').run(id);
      else if (flag < 0.2) store.db.prepare('UPDATE cards SET buried_until = ? WHERE id = ?').run(NOW + Math.floor((rand() - 0.3) * 3 * DAY), id);
      if (rand() < 0.15) continue; // never reviewed: no state
      const state = pick([0, 1, 2, 2, 2, 2, 3]);
      const stability = rand() < 0.03 ? 0 : Math.exp(rand() * 8) / 10;
      const lastReview = NOW - Math.floor(rand() * 400 * DAY);
      // Whole hours and study-day edges too: due exactly at a rollover.
      const due = rand() < 0.1 ? Date.parse('2026-03-05T04:00:00Z') : NOW + Math.floor((rand() - 0.4) * 60 * DAY) + (rand() < 0.5 ? 0 : Math.floor(rand() * 24) * HOUR);
      store.db
        .prepare('INSERT INTO card_state (card_id, state, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, last_review) VALUES (?, ?, ?, ?, ?, ?, 0, 3, ?, ?)')
        .run(id, state, due, stability, 1 + rand() * 9, Math.floor(rand() * 700), Math.floor(rand() * rand() * 12), lastReview);
    }
  });
  return store;
}

/** The report as statsReport makes it from every card's facts (the figures' definition). */
function fromEveryCard(store: Store, loaded: LoadedSettings, decks: readonly string[]): ReturnType<typeof statsReport> {
  const viaStore = loadStatsReport(store, loaded, NOW, [...decks]);
  const clock = studyClock(loaded.settings);
  const all = decksWithCards(store).filter((d) => decks.length === 0 || viaStore.decks.includes(d.name));
  const deckIds = decks.length === 0 ? null : all.map((d) => d.id);
  const today = studyDay(NOW, clock);
  const statsDecks = all.map((d) => ({ id: d.id, name: d.name, weights: d.name === 'Go' ? GO_WEIGHTS : default_w }));
  return statsReport({
    now: NOW,
    clock,
    desiredRetention: loaded.settings.retention,
    decks: statsDecks,
    allDecks: decks.length === 0,
    tallies: reviewDayTallies(store, { deckIds }),
    recentDeckTallies: deckReviewDayTallies(store, { deckIds, fromDay: today - 29, toDay: today }),
    cards: cardFacts(store, deckIds),
    fronts: cardFronts(store, store.sql('SELECT id FROM cards').pluck().all() as number[]),
  });
}

describe('the card figures the store counts', () => {
  it('equal what statsReport counts from every card: counts, forecast, distributions, deck table, hard cards', () => {
    for (const [seed, zone] of [
      [1, 'UTC'],
      [2, 'America/New_York'],
      [3, 'Asia/Kathmandu'],
    ] as const) {
      const store = randomStore(600, seed);
      const loaded = settings(zone);
      for (const decks of [[], ['Latin'], ['Go']]) {
        const viaStore = loadStatsReport(store, loaded, NOW, [...decks]);
        expect(viaStore).toEqual(fromEveryCard(store, loaded, decks));
        expect(viaStore.cards.total).toBeGreaterThan(0);
      }
      const all = loadStatsReport(store, loaded, NOW, []);
      // The random store has what each figure counts.
      expect(all.cards.archived * all.cards.suspended * all.cards.dropped * all.cards.buried * all.cards.new).toBeGreaterThan(0);
      expect(all.forecast.overdue).toBeGreaterThan(0);
      expect(all.leeches.mostLapses).toHaveLength(10);
      expect(all.leeches.lowestRetrievability).toHaveLength(10);
    }
  });

  it('are read through the index of cards by deck and set-aside times (schema 13), and are what the cards table gives without it', () => {
    const store = randomStore(600, 4);
    const loaded = settings('America/New_York');
    const plans = (sql: string) => (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail);
    // The forecast's query: the cards are read from the index alone, never from their rows.
    expect(plans(`SELECT c.deck_id, c.buried_until, s.due FROM cards c LEFT JOIN card_state s ON s.card_id = c.id WHERE c.archived_at IS NULL AND c.suspended_at IS NULL AND c.dropped_at IS NULL AND s.state > 0`)[0]).toBe(
      'SCAN c USING COVERING INDEX cards_by_deck_facts',
    );
    const reports = () => [[], ['Latin'], ['Go']].map((decks) => loadStatsReport(store, loaded, NOW, decks));
    const viaIndex = reports();
    store.db.exec('DROP INDEX cards_by_deck_facts; CREATE INDEX cards_by_deck ON cards(deck_id);');
    expect(reports()).toEqual(viaIndex);
  });
});
