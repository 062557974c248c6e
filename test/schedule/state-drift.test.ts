import { describe, expect, it } from 'vitest';
import type { CardState } from '../../src/model/card-state.js';
import { stateDrift } from '../../src/schedule/state-drift.js';

const STATE: CardState = {
  phase: 'review',
  due: Date.UTC(2026, 2, 9, 4),
  stability: 6.5,
  difficulty: 4.9,
  scheduledDays: 7,
  learningSteps: 0,
  reps: 3,
  lapses: 0,
  lastReview: Date.UTC(2026, 2, 2, 10),
};

describe('stateDrift', () => {
  it('is same for equal states and for two nulls', () => {
    expect(stateDrift(STATE, { ...STATE })).toBe('same');
    expect(stateDrift(null, null)).toBe('same');
  });

  it('is history when a state exists on one side only, or the answers differ', () => {
    expect(stateDrift(STATE, null)).toBe('history');
    expect(stateDrift(null, STATE)).toBe('history');
    expect(stateDrift(STATE, { ...STATE, reps: 4 })).toBe('history');
    expect(stateDrift(STATE, { ...STATE, lastReview: STATE.lastReview! + 1 })).toBe('history');
  });

  it('is schedule when only what the settings decide differs', () => {
    for (const change of [{ due: STATE.due + 86_400_000 }, { stability: 6.6 }, { difficulty: 5 }, { scheduledDays: 8 }, { phase: 'relearning' as const }, { learningSteps: 1 }, { lapses: 1 }]) {
      expect(stateDrift(STATE, { ...STATE, ...change }), JSON.stringify(change)).toBe('schedule');
    }
  });
});
