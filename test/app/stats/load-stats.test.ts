import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../src/app/settings/settings.js';
import type { LoadedSettings } from '../../../src/app/settings/study-settings.js';
import { loadStatsReport, selectDecks } from '../../../src/app/stats/load-stats.js';
import { EngramError } from '../../../src/model/engram-error.js';
import { openStore, type Store } from '../../../src/store/open-store.js';
import { appendReview } from '../../../src/store/reviews.js';
import { fillStatsStore, GO_WEIGHTS, STATS_NOW } from '../../stats/stats-store-fixture.js';
import { tempDir } from '../../helpers/temp-dir.js';

const opened: Store[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

function store(fill = true): Store {
  const s = openStore(join(tempDir(), 'engram.db'), { create: true });
  opened.push(s);
  if (fill) fillStatsStore(s);
  return s;
}

function settings(): LoadedSettings {
  return {
    path: '/nonexistent/config.json',
    file: { settings: { 'time-zone': 'UTC' }, decks: { Go: { weights: GO_WEIGHTS } } },
    settings: { ...defaultSettings(), 'time-zone': 'UTC', retention: 0.85 },
  };
}

const ratio = (passed: number, reviews: number) => ({ passed, reviews, rate: reviews ? passed / reviews : null });

describe('loadStatsReport, every figure against a hand count (see stats-store-fixture.ts)', () => {
  const report = () => loadStatsReport(store(), settings(), STATS_NOW, []);

  it('today, streak and history', () => {
    const r = report();
    expect(r.generatedAt).toBe('2026-03-02T10:00:00.000Z');
    expect(r.date).toBe('2026-03-02');
    expect(r.clock).toEqual({ timeZone: 'UTC', rolloverHour: 4 });
    expect(r.decks).toEqual(['Go', 'Spanish']);
    expect(r.allDecks).toBe(true);
    expect(r.desiredRetention).toBe(0.85);
    // Today (from 4:00): cards 1, 2, 3, 3 = 4 reviews; Again: card 2; 10+20+5+5 s.
    // Due still: card 2 (9:11), card 3 (9:13), card 4 (overdue); card 11 is buried.
    expect(r.today).toEqual({ due: 3, reviews: 4, again: 1, againRate: 0.25, timeMs: 40_000, byPhase: { new: 1, learning: 1, review: 2, relearning: 0 } });
    // Days with reviews: D, D-1, D-2 | D-5 | D-13..D-10 | D-40 | D-400.
    expect(r.streak).toEqual({ current: 3, longest: 4 });
    // 15 reviews; 11+9+4*4+7+30+6+12+8+10+20+5+5 = 139 s; 10 days.
    expect(r.history).toEqual({ reviews: 15, timeMs: 139_000, studyDays: 10, firstDay: '2025-01-26', lastDay: '2026-03-02' });
  });

  it('the heatmap: one cell a day from the Monday 52 weeks back, shaded by quartile', () => {
    const h = report().heatmap;
    // 2026-03-02 is a Monday; 364 days before it, 2025-03-03, is too.
    expect(h.from).toBe('2025-03-03');
    expect(h.to).toBe('2026-03-02');
    expect(h.days).toHaveLength(365);
    // In the window: D 4, D-1 2, D-2 2, D-5 1, D-13..D-10 1 each, D-40 1 (D-400 is outside).
    // Sorted: 1 1 1 1 1 1 2 2 4; nearest-rank quartiles: 3rd = 1, 5th = 1, 7th = 2.
    // So 1 → shade 1; 2 → shade 3 (above 1 and 1, not above 2); 4 → shade 4.
    expect(h.days.filter((d) => d.reviews > 0)).toEqual([
      { date: '2026-01-21', reviews: 1, level: 1 },
      { date: '2026-02-17', reviews: 1, level: 1 },
      { date: '2026-02-18', reviews: 1, level: 1 },
      { date: '2026-02-19', reviews: 1, level: 1 },
      { date: '2026-02-20', reviews: 1, level: 1 },
      { date: '2026-02-25', reviews: 1, level: 1 },
      { date: '2026-02-28', reviews: 2, level: 3 },
      { date: '2026-03-01', reviews: 2, level: 3 },
      { date: '2026-03-02', reviews: 4, level: 4 },
    ]);
    expect(h.days[0]).toEqual({ date: '2025-03-03', reviews: 0, level: 0 });
    expect(h.levels).toEqual([
      { level: 1, min: 1, max: 1 },
      { level: 3, min: 2, max: 2 },
      { level: 4, min: 3, max: 4 },
    ]);
    expect(h.reviews).toBe(14);
    expect(h.activeDays).toBe(9);
  });

  it('the forecast: today with its backlog, then 30 days', () => {
    const f = report().forecast;
    // Today: 2, 3 and overdue 4. D+1: 8 and buried 11. D+3: 1. D+30: 9. Suspended 5, archived 10 never.
    const due = new Array<number>(31).fill(0);
    due[0] = 3;
    due[1] = 2;
    due[3] = 1;
    due[30] = 1;
    expect(f.overdue).toBe(1);
    expect(f.days.map((d) => d.due)).toEqual(due);
    expect(f.days[0]!.date).toBe('2026-03-02');
    expect(f.days[30]!.date).toBe('2026-04-01');
    expect(f.next30).toBe(4);
  });

  it('true retention: reviews of cards in review, young under 21 days, mature from 21', () => {
    const r = report();
    expect(r.retention).toEqual([
      // Today: card 1 mature Good, card 2 young Again.
      { days: 1, from: '2026-03-02', to: '2026-03-02', young: ratio(0, 1), mature: ratio(1, 1), all: ratio(1, 2) },
      // + D-1: 8 young Easy (3:30 on D), 9 mature Hard; D-2: 1 mature Again (its relearning step not counted); D-5: 2 young Good.
      { days: 7, from: '2026-02-24', to: '2026-03-02', young: ratio(2, 3), mature: ratio(2, 3), all: ratio(4, 6) },
      // + D-11: 4 young Good; D-10: 4 young Again.
      { days: 30, from: '2026-02-01', to: '2026-03-02', young: ratio(3, 5), mature: ratio(2, 3), all: ratio(5, 8) },
      // + D-40: 8 mature (21 days) Hard. D-400 is outside.
      { days: 365, from: '2025-03-03', to: '2026-03-02', young: ratio(3, 5), mature: ratio(3, 4), all: ratio(6, 9) },
    ]);
  });

  it('cards by state, each counted once', () => {
    // archived 10; suspended 5; buried 7, 11; new 6; learning 3; relearning 2; review 1, 4, 8, 9.
    expect(report().cards).toEqual({ total: 11, new: 1, learning: 1, review: 4, relearning: 1, suspended: 1, dropped: 0, buried: 2, archived: 1 });
  });

  it('intervals, stability and difficulty', () => {
    const r = report();
    const cards = (d: { buckets: { label: string; cards: number }[] }) => Object.fromEntries(d.buckets.map((b) => [b.label, b.cards]));
    // Review cards not archived: 1 (30), 4 (2), 5 (7), 8 (45), 9 (120), 11 (10).
    expect(r.intervals.cards).toBe(6);
    expect(r.intervals.median).toBe(20); // (10 + 30) / 2
    expect(r.intervals.mean).toBeCloseTo(214 / 6, 10);
    expect(cards(r.intervals)).toEqual({ '< 1d': 0, '1d': 0, '2-3d': 1, '4-7d': 1, '8-14d': 1, '15-20d': 0, '21-30d': 1, '1-3mo': 1, '3-6mo': 1, '6-12mo': 0, '> 1y': 0 });
    // Reviewed cards not archived: 0.4 1.5 2 8 12 30 45.5 150.
    expect(r.stability.cards).toBe(8);
    expect(r.stability.median).toBe(10);
    expect(r.stability.mean).toBeCloseTo(249.4 / 8, 10);
    expect(cards(r.stability)).toEqual({ '< 1d': 1, '1d': 1, '2-3d': 1, '4-7d': 0, '8-14d': 2, '15-20d': 0, '21-30d': 1, '1-3mo': 1, '3-6mo': 1, '6-12mo': 0, '> 1y': 0 });
    // 1.2 3.4 5.0 5.2 6.5 7.0 8.6 9.7, rounded: 1 3 5 5 7 (6.5 rounds up) 7 9 10.
    expect(r.difficulty.cards).toBe(8);
    expect(r.difficulty.median).toBeCloseTo(5.85, 10);
    expect(r.difficulty.mean).toBeCloseTo(46.6 / 8, 10);
    expect(cards(r.difficulty)).toEqual({ 1: 1, 2: 0, 3: 1, 4: 0, 5: 2, 6: 0, 7: 2, 8: 0, 9: 1, 10: 1 });
  });

  it('the hardest cards, with the retrievability of each deck’s forgetting curve', () => {
    const { mostLapses, lowestRetrievability } = report().leeches;
    // Lapses: 9 (2); 1, 2, 4 (1 each, by id); suspended 5 and archived 10 left out.
    expect(mostLapses.map((c) => [c.id, c.lapses])).toEqual([
      [9, 2],
      [1, 1],
      [2, 1],
      [4, 1],
    ]);
    expect(mostLapses[0]).toMatchObject({ deck: 'Go', front: 'What does defer do?', stability: 150 });
    expect(mostLapses[2]).toMatchObject({ deck: 'Spanish', front: 'Spanish 2', retrievability: null });
    // R = (1 + F·t/S)^-decay with F = 0.9^(-1/decay) - 1; Spanish decay 0.1542 (F 0.980346), Go 0.5 (F 0.234568).
    // 4: t 9d22h, S 2 → 0.761343; 11: 3d, S 12 → 0.971909; 9: 22h, S 150 → 0.999284;
    // 8: 6h30, S 45.5 → 0.999303; 1: 1h, S 30 → 0.999790. 9, 8 and 1 are all but sure: not "least likely".
    expect(lowestRetrievability.map((c) => c.id)).toEqual([4, 11]);
    const r = lowestRetrievability.map((c) => c.retrievability!);
    [0.761343, 0.971909].forEach((expected, i) => expect(r[i]).toBeCloseTo(expected, 6));
    expect(lowestRetrievability[0]).toMatchObject({ deck: 'Spanish', front: 'El perro ladra', lapses: 1 });
  });

  it('reviews and time per day over the last 30 days', () => {
    const a = report().activity;
    expect(a).toHaveLength(30);
    expect(a[0]!.date).toBe('2026-02-01');
    const zero = { new: 0, learning: 0, review: 0, relearning: 0 };
    expect(a.filter((d) => d.reviews > 0)).toEqual([
      { date: '2026-02-17', reviews: 1, again: 0, timeMs: 4_000, byPhase: { ...zero, new: 1 } },
      { date: '2026-02-18', reviews: 1, again: 0, timeMs: 4_000, byPhase: { ...zero, learning: 1 } },
      { date: '2026-02-19', reviews: 1, again: 0, timeMs: 4_000, byPhase: { ...zero, review: 1 } },
      { date: '2026-02-20', reviews: 1, again: 1, timeMs: 4_000, byPhase: { ...zero, review: 1 } },
      { date: '2026-02-25', reviews: 1, again: 0, timeMs: 7_000, byPhase: { ...zero, review: 1 } },
      // D-2: card 1 Again (30 s), then relearnt (6 s).
      { date: '2026-02-28', reviews: 2, again: 1, timeMs: 36_000, byPhase: { ...zero, review: 1, relearning: 1 } },
      // D-1: card 9 at 12:00 and card 8 at 3:30 on D, before the rollover.
      { date: '2026-03-01', reviews: 2, again: 0, timeMs: 20_000, byPhase: { ...zero, review: 2 } },
      { date: '2026-03-02', reviews: 4, again: 1, timeMs: 40_000, byPhase: { new: 1, learning: 1, review: 2, relearning: 0 } },
    ]);
    expect(a.filter((d) => d.reviews > 0).length + a.filter((d) => d.reviews === 0 && d.timeMs === 0 && d.again === 0).length).toBe(30);
  });

  it('true retention week by week, Monday to Sunday, the last 26 weeks', () => {
    const w = report().retentionByWeek;
    expect(w).toHaveLength(26);
    // Today is a Monday: this week is today alone; 25 weeks before it starts 2025-09-08.
    expect(w[0]).toMatchObject({ days: 7, from: '2025-09-08', to: '2025-09-14', all: ratio(0, 0) });
    expect(w[25]).toEqual({ days: 1, from: '2026-03-02', to: '2026-03-02', young: ratio(0, 1), mature: ratio(1, 1), all: ratio(1, 2) });
    // D-7..D-1: 8 Easy and 2 Good (young), 9 Hard and 1 Again (mature); 1's relearning step left out.
    expect(w[24]).toEqual({ days: 7, from: '2026-02-23', to: '2026-03-01', young: ratio(2, 2), mature: ratio(1, 2), all: ratio(3, 4) });
    expect(w[23]).toMatchObject({ from: '2026-02-16', young: ratio(1, 2), mature: ratio(0, 0), all: ratio(1, 2) });
    // D-40 (2026-01-21), 8 Hard, mature; the other weeks had no reviews of cards in review.
    expect(w[19]).toMatchObject({ from: '2026-01-19', to: '2026-01-25', young: ratio(0, 0), mature: ratio(1, 1) });
    expect(w.filter((x) => x.all.reviews > 0).map((x) => x.from)).toEqual(['2026-01-19', '2026-02-16', '2026-02-23', '2026-03-02']);
  });

  it('the per-deck table', () => {
    expect(report().deckTable).toEqual([
      {
        name: 'Go',
        cards: { total: 4, new: 0, learning: 0, review: 2, relearning: 0, suspended: 0, dropped: 0, buried: 1, archived: 1 },
        dueToday: 0,
        reviewsToday: 0,
        againToday: 0,
        timeTodayMs: 0,
        // 30 days: 9 mature Hard, 8 young Easy (D-1).
        retention30d: ratio(2, 2),
      },
      {
        name: 'Spanish',
        cards: { total: 7, new: 1, learning: 1, review: 2, relearning: 1, suspended: 1, dropped: 0, buried: 1, archived: 0 },
        dueToday: 3,
        reviewsToday: 4,
        againToday: 1,
        timeTodayMs: 40_000,
        // 30 days of review cards: 1 Good, 2 Again, 1 Again, 2 Good, 4 Good, 4 Again.
        retention30d: ratio(3, 6),
      },
    ]);
  });

  it('counts only the named decks', () => {
    const r = loadStatsReport(store(), settings(), STATS_NOW, ['Go']);
    expect(r.decks).toEqual(['Go']);
    expect(r.allDecks).toBe(false);
    expect(r.cards.total).toBe(4);
    // Go's reviews: D-400, D-40, D-1 12:00, D 3:30 (day D-1).
    expect(r.history).toEqual({ reviews: 4, timeMs: 40_000, studyDays: 3, firstDay: '2025-01-26', lastDay: '2026-03-01' });
    expect(r.streak).toEqual({ current: 1, longest: 1 });
    expect(r.today).toEqual({ due: 0, reviews: 0, again: 0, againRate: null, timeMs: 0, byPhase: { new: 0, learning: 0, review: 0, relearning: 0 } });
    expect(r.retention[3]).toMatchObject({ young: ratio(1, 1), mature: ratio(2, 2) });
    expect(r.leeches.lowestRetrievability.map((c) => c.id)).toEqual([11]);
    expect(r.deckTable.map((d) => d.name)).toEqual(['Go']);
  });

  it('folds new answers into the tallies on the next load', () => {
    const s = store();
    loadStatsReport(s, settings(), STATS_NOW, []);
    appendReview(s, { cardId: 6, reviewedAt: STATS_NOW - 60_000, rating: 1, durationMs: 3000, sessionId: null, device: null }, null);
    const r = loadStatsReport(s, settings(), STATS_NOW, []);
    expect(r.today).toMatchObject({ reviews: 5, again: 2, againRate: 0.4, timeMs: 43_000, byPhase: { new: 2, learning: 1, review: 2, relearning: 0 } });
    expect(r.history.reviews).toBe(16);
  });

  it('fills in the facts of reviews answered before they were recorded', () => {
    const s = store(false);
    fillStatsStore(s);
    // As an engram before schema 3 left them: the state before each answer unknown.
    s.db.prepare('UPDATE reviews SET state_before = NULL, last_interval = NULL WHERE card_id = 3').run();
    const r = loadStatsReport(s, settings(), STATS_NOW, []);
    // Replayed: card 3's first answer was to a new card, its second in learning.
    expect(r.today.byPhase).toEqual({ new: 1, learning: 1, review: 2, relearning: 0 });
  });

  it('reads sensibly from a store with cards and no reviews', () => {
    const s = store(false);
    s.db.prepare("INSERT INTO decks (id, name, created_at) VALUES (1, 'Empty', 0)").run();
    s.db.prepare("INSERT INTO cards (key, deck_id, line, end_line, kind, syntax, front, back, created_at, updated_at) VALUES ('k', 1, 1, 1, 'basic', 'qa', 'Q', 'A', 0, 0)").run();
    const r = loadStatsReport(s, settings(), STATS_NOW, []);
    expect(r.today).toEqual({ due: 0, reviews: 0, again: 0, againRate: null, timeMs: 0, byPhase: { new: 0, learning: 0, review: 0, relearning: 0 } });
    expect(r.streak).toEqual({ current: 0, longest: 0 });
    expect(r.history).toEqual({ reviews: 0, timeMs: 0, studyDays: 0, firstDay: null, lastDay: null });
    expect(r.heatmap.levels).toEqual([]);
    expect(r.retention[0]!.all).toEqual({ passed: 0, reviews: 0, rate: null });
    expect(r.cards).toMatchObject({ total: 1, new: 1 });
    expect(r.intervals).toMatchObject({ cards: 0, mean: null, median: null });
    expect(r.leeches).toEqual({ mostLapses: [], lowestRetrievability: [] });
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
  });
});

describe('selectDecks', () => {
  const all = [
    { id: 1, name: 'Go' },
    { id: 2, name: 'lang/de' },
    { id: 3, name: 'lang/es' },
    { id: 4, name: 'language' },
  ];

  it('takes a deck and the decks under it; nothing means every deck', () => {
    expect(selectDecks(all, [])).toEqual(all);
    expect(selectDecks(all, ['lang']).map((d) => d.name)).toEqual(['lang/de', 'lang/es']);
    expect(selectDecks(all, ['lang/es', 'Go']).map((d) => d.name)).toEqual(['Go', 'lang/es']);
  });

  it('refuses an unknown deck, listing the decks there are (not found: exit 4)', () => {
    expect(() => selectDecks(all, ['French'])).toThrow(new EngramError('notFound', 'no deck named "French". Decks: Go, lang/de, lang/es, language.'));
    try {
      selectDecks([], ['French']);
    } catch (err) {
      expect(err).toBeInstanceOf(EngramError);
      expect((err as EngramError).kind).toBe('notFound');
      expect((err as EngramError).message).toBe('no deck named "French". Decks: none yet (engram import <files> first).');
      return;
    }
    throw new Error('selectDecks accepted an unknown deck');
  });
});
