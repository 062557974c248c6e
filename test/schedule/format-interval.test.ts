import { describe, expect, it } from 'vitest';
import { formatInterval } from '../../src/schedule/format-interval.js';
import { DAY, HOUR, MINUTE } from '../../src/schedule/study-time.js';

const SECOND = 1000;

describe('formatInterval', () => {
  it.each([
    [0, '<1m'],
    [-5 * MINUTE, '<1m'],
    [30 * SECOND, '<1m'],
    [MINUTE - 1, '<1m'],
    [MINUTE, '1m'],
    [90 * SECOND, '2m'],
    [89 * SECOND, '1m'],
    [10 * MINUTE, '10m'],
    [59 * MINUTE, '59m'],
    [HOUR, '1h'],
    [90 * MINUTE, '2h'],
    [89 * MINUTE, '1h'],
    [18 * HOUR, '18h'],
    [23 * HOUR, '23h'],
    [DAY, '1d'],
    [36 * HOUR, '2d'],
    [35 * HOUR, '1d'],
    [4 * DAY, '4d'],
    [29 * DAY, '29d'],
    [30 * DAY, '1mo'],
    [45 * DAY, '1.5mo'],
    [75 * DAY, '2.5mo'],
    [100 * DAY, '3.3mo'],
    [298 * DAY, '9.9mo'],
    [299 * DAY, '10mo'],
    [300 * DAY, '10mo'],
    [364 * DAY, '12mo'],
    [365 * DAY, '1y'],
    [474.5 * DAY, '1.3y'],
    [500 * DAY, '1.4y'],
    [730 * DAY, '2y'],
    [3650 * DAY, '10y'],
    [36500 * DAY, '100y'],
  ] as const)('%d ms is %s', (ms, text) => {
    expect(formatInterval(ms)).toBe(text);
  });
});
