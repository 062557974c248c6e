import type { ScheduleSettings } from '../../src/schedule/fsrs-scheduler.js';
import type { StudyClock } from '../../src/schedule/study-time.js';

/**
 * engram's default schedule (retention 0.9, steps 1m 10m / 10m) with fuzz off,
 * so every interval in a test is predictable; `overrides` change any part.
 */
export function defaultSchedule(clock: StudyClock = { rolloverHour: 4, timeZone: 'UTC' }, overrides: Partial<ScheduleSettings> = {}): ScheduleSettings {
  return {
    retention: 0.9,
    maximumInterval: 36500,
    learningSteps: ['1m', '10m'],
    relearningSteps: ['10m'],
    fuzz: false,
    weights: null,
    clock,
    ...overrides,
  };
}
