import { default_w } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { dailySpread, weekdayMeans } from '../../src/schedule/daily-spread.js';
import { simulate, type SimulationCard, type SimulationInput } from '../../src/schedule/review-simulation.js';

const TODAY = 20_514; // 2026-03-02 as a study day
const EASY_ONLY = { first: [0, 0, 0, 1], recalled: [0, 1, 0] } as const;

function input(cards: SimulationCard[], overrides: Partial<SimulationInput> = {}): SimulationInput {
  return {
    cards,
    today: TODAY,
    days: 30,
    retention: 0.9,
    maximumInterval: 36500,
    learningSteps: 2,
    relearningSteps: 1,
    weights: () => default_w,
    limits: { global: { newPerDay: 20, reviewsPerDay: 200 }, decks: {} },
    shares: { first: [0.25, 0.1, 0.5, 0.15], recalled: [0.2, 0.65, 0.15] },
    secondsPerAnswer: 10,
    seed: 1,
    ...overrides,
  };
}

const reviewsPerDay = (r: ReturnType<typeof simulate>) => r.days.map((d) => d.reviews);
const total = (r: ReturnType<typeof simulate>) => r.days.reduce((a, d) => a + d.reviews, 0);

describe('simulate', () => {
  it('reviews a card in review on its due day, and only then', () => {
    // Stability 10 days, last answered 5 days ago, due in 5: reviewed on day 5 (recall chance 0.9 then).
    const card: SimulationCard = { deck: 'a', memory: { stability: 10, difficulty: 5, lastDay: TODAY - 5, dueDay: TODAY + 5 } };
    const six = simulate(input([card], { days: 6 }));
    expect(reviewsPerDay(six)).toEqual([0, 0, 0, 0, 0, 1]);
    expect(six.days[5]!.day).toBe(TODAY + 5);
    expect(reviewsPerDay(simulate(input([card], { days: 5 })))).toEqual([0, 0, 0, 0, 0]);
  });

  it('brings a new card answered Easy back after its first interval: 8 days at 0.90, 28 at 0.80', () => {
    // Easy's first stability is w[3] = 8.2956 days; at retention 0.9 the interval is the stability.
    const card: SimulationCard = { deck: 'a', memory: null };
    const at90 = simulate(input([card], { days: 30, shares: EASY_ONLY }));
    expect(at90.days[0]).toEqual({ day: TODAY, reviews: 0, lapses: 0, learned: 1, steps: 0, seconds: 10 });
    expect(at90.days.findIndex((d) => d.reviews > 0)).toBe(8);
    // At 0.8 the interval stretches to the day recall falls to 80%: 8.2956 × 3.3156 ≈ 27.5 → 28.
    const at80 = simulate(input([card], { days: 30, retention: 0.8, shares: EASY_ONLY }));
    expect(at80.days.findIndex((d) => d.reviews > 0)).toBe(28);
  });

  it("uses each deck's own parameters", () => {
    const w = [...default_w];
    w[3] = 20;
    const cards: SimulationCard[] = [
      { deck: 'own', memory: null },
      { deck: 'global', memory: null },
    ];
    const r = simulate(input(cards, { days: 21, shares: EASY_ONLY, weights: (deck) => (deck === 'own' ? w : default_w) }));
    expect(reviewsPerDay(r).flatMap((n, day) => (n ? [day] : []))).toEqual([8, 20]);
  });

  it('counts the same-day answers of learning steps', () => {
    const card: SimulationCard = { deck: 'a', memory: null };
    const good = simulate(input([card], { days: 1, shares: { first: [0, 0, 1, 0], recalled: [0, 1, 0] } }));
    const again = simulate(input([card], { days: 1, shares: { first: [1, 0, 0, 0], recalled: [0, 1, 0] } }));
    // Steps 1m 10m: Good moves to the second step (one more answer), Again starts over (two more).
    expect(good.days[0]).toMatchObject({ learned: 1, steps: 1, seconds: 20 });
    expect(again.days[0]).toMatchObject({ learned: 1, steps: 2, seconds: 30 });
  });

  it('keeps to the daily limits, per deck and globally, in new-card order', () => {
    const cards: SimulationCard[] = Array.from({ length: 30 }, (_, i) => ({ deck: i % 2 ? 'b' : 'a', memory: null }));
    const r = simulate(input(cards, { days: 5, limits: { global: { newPerDay: 10, reviewsPerDay: 200 }, decks: { b: { newPerDay: 4 } } } }));
    // a, b, a, b… : four of b a day, the rest of the ten from a, until a runs out on day 2.
    expect(r.days.map((d) => d.learned)).toEqual([10, 10, 7, 3, 0]);
    expect(r.newLeft).toBe(0);
  });

  it('leaves reviews over the daily limit for the next day', () => {
    const cards: SimulationCard[] = Array.from({ length: 50 }, () => ({
      deck: 'a',
      memory: { stability: 1000, difficulty: 5, lastDay: TODAY - 1, dueDay: TODAY - 3 },
    }));
    const r = simulate(input(cards, { days: 4, limits: { global: { newPerDay: 20, reviewsPerDay: 20 }, decks: {} } }));
    expect(reviewsPerDay(r)).toEqual([20, 20, 10, 0]);
  });

  it('gives the same run for the same seed', () => {
    const cards: SimulationCard[] = Array.from({ length: 100 }, () => ({ deck: 'a', memory: null }));
    expect(simulate(input(cards, { days: 60 }))).toEqual(simulate(input(cards, { days: 60 })));
  });

  it('asks for more reviews at a higher retention, and keeps more remembered', () => {
    const cards: SimulationCard[] = Array.from({ length: 300 }, () => ({ deck: 'a', memory: null }));
    const low = simulate(input(cards, { days: 120, retention: 0.8 }));
    const high = simulate(input(cards, { days: 120, retention: 0.95 }));
    expect(total(high)).toBeGreaterThan(total(low));
    expect(high.rememberedAtEnd).toBeGreaterThan(low.rememberedAtEnd);
  });
});

describe('simulate with the fuzz, load balancing and easy days', () => {
  // New cards at 20 a day all year: the load grows, then the last months are near steady.
  const deck = Array.from({ length: 7300 }, (): SimulationCard => ({ deck: 'a', memory: null }));
  // No review limit: the busiest day must show as it is, not capped at the limit.
  const limits = { global: { newPerDay: 20, reviewsPerDay: 100_000 }, decks: {} };
  const year = (o: Partial<SimulationInput>) => simulate(input(deck, { days: 365, fuzz: true, limits, ...o }));
  const plain = year({ loadBalance: false });
  const balanced = year({ loadBalance: true });

  it('places intervals as review does: the busiest day and the spread of daily reviews fall with load balancing', () => {
    // Measured over the last 120 days (about 170 reviews a day): max/mean 1.23 -> 1.16, std 14.4 -> 10.6.
    const a = dailySpread(reviewsPerDay(plain).slice(245));
    const b = dailySpread(reviewsPerDay(balanced).slice(245));
    expect(b.maxOverMean).toBeLessThan(a.maxOverMean - 0.05);
    expect(b.std).toBeLessThan(a.std * 0.8);
    // Over the whole year, the load's growth left out: each day against the week around it.
    const [wholeA, wholeB] = [dailySpread(reviewsPerDay(plain)), dailySpread(reviewsPerDay(balanced))];
    // Measured: 7.3% -> 4.8% of a day's reviews, while the standard deviation barely moves (41.9 -> 40.2): the growth is most of it.
    expect(wholeB.dayToDayShare).toBeLessThan(wholeA.dayToDayShare * 0.75);
    expect(wholeB.std).toBeGreaterThan(wholeA.std * 0.9);
    // The same cards are reviewed: the work moves between days, it does not vanish.
    expect(Math.abs(total(balanced) - total(plain)) / total(plain)).toBeLessThan(0.03);
  });

  it('is the same run for the same seed, and without the fuzz every card is due exactly after its interval', () => {
    expect(year({ loadBalance: true })).toEqual(balanced);
    // fuzz off: the balancer has no range to place in, so load balancing changes nothing.
    expect(simulate(input(deck, { days: 365, limits, fuzz: false, loadBalance: true }))).toEqual(simulate(input(deck, { days: 365, limits })));
  });

  it('gives easy days about their share of the reviews they can move', () => {
    const easy = year({ loadBalance: true, easyDays: [0, 1, 1, 1, 1, 1, 0.5] });
    const w = weekdayMeans(easy.days.slice(245), (d) => d.reviews);
    const weekday = (w[1]! + w[2]! + w[3]! + w[4]! + w[5]!) / 5;
    // Measured: Sunday 0.26, Saturday 0.66 of a weekday (intervals under 2.5 days are not fuzzed: they cannot move).
    expect(w[0]! / weekday).toBeLessThan(0.35);
    expect(w[6]! / weekday).toBeGreaterThan(0.45);
    expect(w[6]! / weekday).toBeLessThan(0.75);
  });
});
