import { default_w } from 'ts-fsrs';
import { plainTextOf } from '../parse/plain-text.js';
import { studyDay } from '../schedule/study-time.js';
import { countCard, emptyCardCounts } from './card-counts.js';
import { dailyActivity } from './daily-activity.js';
import { difficultyDistribution, intervalDistribution, stabilityDistribution } from './distributions.js';
import { comesUpAt, dueForecast, forecastSlotter, isScheduled } from './due-forecast.js';
import { hardCards, type HardCardFacts } from './hard-cards.js';
import { reviewHeatmap } from './review-heatmap.js';
import type { CardFigures, ReviewTally, StatsInput } from './stats-input.js';
import type { ByPhase, CardCounts, DeckFigures, HardCard, StatsReport, TodayFigures } from './stats-report.js';
import { currentStreak, longestStreak } from './streak.js';
import { isoDate } from './study-date.js';
import { ratio, trueRetention } from './true-retention.js';
import { weeklyRetention } from './weekly-retention.js';

/** The periods true retention is shown for, in study days ending today. */
export const RETENTION_PERIODS = [1, 7, 30, 365] as const;

const PHASES: (keyof ByPhase)[] = ['new', 'learning', 'review', 'relearning'];

/**
 * Every figure of the stats dashboard, computed from the review tallies and
 * the cards of the selected decks at `now`. Pure; throws nothing.
 */
export function statsReport(input: StatsInput): StatsReport {
  const { now, clock, decks } = input;
  const today = studyDay(now, clock);
  const deckName = new Map(decks.map((d) => [d.id, d.name]));
  const weights = new Map(decks.map((d) => [d.id, d.weights]));

  const reviewsByDay = new Map<number, number>();
  let allReviews = 0;
  let allTime = 0;
  for (const t of input.tallies) {
    reviewsByDay.set(t.day, (reviewsByDay.get(t.day) ?? 0) + t.reviews);
    allReviews += t.reviews;
    allTime += t.durationMs;
  }
  const days = [...reviewsByDay.keys()].sort((a, b) => a - b);

  const figures = input.cardFigures ?? cardFiguresOf(input, today);
  const forecast = figures.forecast;
  const hard = input.hard ?? hardCards(input.cards, now, (id) => weights.get(id) ?? default_w);
  const named = (h: HardCardFacts): HardCard => ({
    id: h.id,
    deck: deckName.get(h.deckId) ?? '',
    front: oneLine(input.fronts.get(h.id) ?? ''),
    lapses: h.lapses,
    retrievability: h.retrievability,
    stability: h.stability,
  });

  return {
    generatedAt: new Date(now).toISOString(),
    date: isoDate(today),
    clock: { timeZone: clock.timeZone, rolloverHour: clock.rolloverHour },
    decks: decks.map((d) => d.name),
    allDecks: input.allDecks,
    desiredRetention: input.desiredRetention,
    ...(input.easyDays ? { easyDays: input.easyDays } : {}),
    today: todayFigures(input.tallies.filter((t) => t.day === today), forecast.days[0]!.due),
    streak: { current: currentStreak([...days].reverse(), today), longest: longestStreak(days) },
    history: {
      reviews: allReviews,
      timeMs: allTime,
      studyDays: days.length,
      firstDay: days.length ? isoDate(days[0]!) : null,
      lastDay: days.length ? isoDate(days[days.length - 1]!) : null,
    },
    heatmap: reviewHeatmap(reviewsByDay, today),
    forecast,
    retention: RETENTION_PERIODS.map((n) => trueRetention(input.tallies, today - n + 1, today)),
    retentionByWeek: weeklyRetention(input.tallies, today),
    activity: dailyActivity(input.tallies, today),
    cards: figures.counts,
    intervals: figures.intervals,
    stability: figures.stability,
    difficulty: figures.difficulty,
    leeches: { mostLapses: hard.mostLapses.map(named), lowestRetrievability: hard.lowestRetrievability.map(named) },
    deckTable: deckFigures(input, figures, today),
  };
}

function todayFigures(tallies: readonly ReviewTally[], due: number): TodayFigures {
  const byPhase: ByPhase = { new: 0, learning: 0, review: 0, relearning: 0 };
  let reviews = 0;
  let again = 0;
  let timeMs = 0;
  for (const t of tallies) {
    reviews += t.reviews;
    timeMs += t.durationMs;
    if (!t.passed) again += t.reviews;
    const phase = PHASES[t.stateBefore];
    if (phase) byPhase[phase] += t.reviews;
  }
  return { due, reviews, again, againRate: reviews > 0 ? again / reviews : null, timeMs, byPhase };
}

/** The figures about cards from every card's facts, a pass or two over them (the store can count them instead: input.cardFigures). */
function cardFiguresOf(input: StatsInput, today: number): CardFigures {
  const { now } = input;
  const counts = emptyCardCounts();
  const intervals: number[] = [];
  const stabilities: number[] = [];
  const difficulties: number[] = [];
  const byDeck = new Map<number, { counts: CardCounts; dueToday: number }>();
  const slot = forecastSlotter(today, input.clock);
  for (const c of input.cards) {
    countCard(counts, c, now);
    let deck = byDeck.get(c.deckId);
    if (!deck) byDeck.set(c.deckId, (deck = { counts: emptyCardCounts(), dueToday: 0 }));
    countCard(deck.counts, c, now);
    if (isScheduled(c) && slot(comesUpAt(c, now)) === 0) deck.dueToday++;
    if (c.archived || c.state === null || c.state === 0) continue;
    if (c.state === 2) intervals.push(c.scheduledDays!);
    stabilities.push(c.stability!);
    difficulties.push(c.difficulty!);
  }
  return {
    counts,
    byDeck,
    forecast: dueForecast(input.cards, now, today, input.clock),
    intervals: intervalDistribution(intervals),
    stability: stabilityDistribution(stabilities),
    difficulty: difficultyDistribution(difficulties),
  };
}

function deckFigures(input: StatsInput, figures: CardFigures, today: number): DeckFigures[] {
  const rows = new Map<number, DeckFigures>();
  for (const d of input.decks) {
    const f = figures.byDeck.get(d.id);
    rows.set(d.id, { name: d.name, cards: f ? { ...f.counts } : emptyCardCounts(), dueToday: f?.dueToday ?? 0, reviewsToday: 0, againToday: 0, timeTodayMs: 0, retention30d: ratio(0, 0) });
  }
  const passed = new Map<number, [passed: number, reviews: number]>();
  for (const t of input.recentDeckTallies) {
    const row = rows.get(t.deckId);
    if (!row || t.day > today || t.day <= today - 30) continue;
    if (t.day === today) {
      row.reviewsToday += t.reviews;
      row.timeTodayMs += t.durationMs;
      if (!t.passed) row.againToday += t.reviews;
    }
    if (t.stateBefore === 2) {
      const p = passed.get(t.deckId) ?? [0, 0];
      p[1] += t.reviews;
      if (t.passed) p[0] += t.reviews;
      passed.set(t.deckId, p);
    }
  }
  for (const [deckId, [p, n]] of passed) rows.get(deckId)!.retention30d = ratio(p, n);
  return [...rows.values()];
}

/** A question as one line of plain text (cloze gaps and markup as a reader sees them). */
function oneLine(markdown: string): string {
  return plainTextOf(markdown).replace(/\s+/g, ' ').trim();
}
