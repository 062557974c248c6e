import { default_w } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { adviseRetention, TYPICAL_SECONDS_PER_ANSWER } from '../../src/schedule/retention-advice.js';
import type { SimulationCard, SimulationInput } from '../../src/schedule/review-simulation.js';

const TODAY = 20_514; // 2026-03-02 as a study day

/** 400 new cards, 10 a day, over 180 days: learning them costs the same at every retention, reviews do not. */
function input(overrides: Partial<Omit<SimulationInput, 'retention'>> = {}): Omit<SimulationInput, 'retention'> {
  const cards: SimulationCard[] = Array.from({ length: 400 }, () => ({ deck: 'a', memory: null }));
  return {
    cards,
    today: TODAY,
    days: 180,
    maximumInterval: 36500,
    learningSteps: 2,
    relearningSteps: 1,
    weights: () => default_w,
    limits: { global: { newPerDay: 10, reviewsPerDay: 9999 }, decks: {} },
    shares: { first: [0.25, 0.1, 0.5, 0.15], recalled: [0.2, 0.65, 0.15] },
    secondsPerAnswer: 10,
    seed: 1,
    ...overrides,
  };
}

describe('adviseRetention', () => {
  const advice = adviseRetention(input());

  it('simulates 0.70-0.95 every 0.05, then every 0.01 within 0.04 of the best of those', () => {
    const best = Math.round(advice.best.retention * 100);
    const coarseBest = [70, 75, 80, 85, 90, 95].reduce((a, h) => (row(h).memorizedPerMinute > row(a).memorizedPerMinute ? h : a));
    const expected = [...new Set([70, 75, 80, 85, 90, 95, ...range(Math.max(70, coarseBest - 4), Math.min(95, coarseBest + 4))])].sort((a, b) => a - b);
    expect(advice.rows.map((r) => Math.round(r.retention * 100))).toEqual(expected);
    expect(Math.abs(best - coarseBest)).toBeLessThanOrEqual(4);
  });

  it('advises the retention with the most cards remembered per minute of study', () => {
    const most = Math.max(...advice.rows.map((r) => r.memorizedPerMinute));
    expect(advice.best.memorizedPerMinute).toBe(most);
    // Per minute is remembered over all the minutes: minutes a day times the days.
    for (const r of advice.rows) expect(r.memorizedPerMinute).toBeCloseTo(r.memorized / (r.minutesPerDay * 180), 12);
    // This learner's figures, for the seed: fixed, so a change to the simulation shows here.
    expect(advice.best.retention).toBe(0.71);
    expect(advice.rows.find((r) => r.retention === 0.9)!.memorizedPerMinute).toBeLessThan(advice.best.memorizedPerMinute);
  });

  it('costs more minutes and keeps more cards at a higher retention', () => {
    const at = (h: number) => row(h);
    expect(at(95).minutesPerDay).toBeGreaterThan(at(70).minutesPerDay);
    expect(at(95).memorized).toBeGreaterThan(at(70).memorized);
  });

  it('gives the same advice for the same input, and whatever an answer takes', () => {
    expect(adviseRetention(input())).toEqual(advice);
    const slow = adviseRetention(input({ secondsPerAnswer: 25 }));
    expect(slow.best.retention).toBe(advice.best.retention);
    expect(slow.rows[0]!.minutesPerDay).toBeCloseTo(advice.rows[0]!.minutesPerDay * 2.5, 9);
  });

  it('takes a typical answer time when the log has none, and says so', () => {
    const none = adviseRetention(input({ secondsPerAnswer: null }));
    expect(none).toMatchObject({ assumed: true, secondsPerAnswer: TYPICAL_SECONDS_PER_ANSWER });
    expect(none.best.retention).toBe(advice.best.retention);
    expect(advice.assumed).toBe(false);
  });

  function row(h: number) {
    return advice.rows.find((r) => Math.round(r.retention * 100) === h)!;
  }
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
