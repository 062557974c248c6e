import { describe, expect, it } from 'vitest';
import { studyDayCounter } from '../../src/schedule/study-day-counter.js';
import { seededRandom } from '../../src/schedule/seeded-random.js';
import { studyDay, type StudyClock } from '../../src/schedule/study-time.js';

const MINUTE = 60_000;

describe('studyDayCounter', () => {
  // Zones with DST both ways, half- and quarter-hour offsets, a 30-minute DST shift, and the date line.
  const zones = ['UTC', 'Europe/Paris', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/St_Johns'];
  for (const timeZone of zones) {
    it(`gives the study day studyDay gives, in ${timeZone}`, () => {
      for (const rolloverHour of [0, 2, 4, 23]) {
        const clock: StudyClock = { rolloverHour, timeZone };
        const counter = studyDayCounter(clock);
        const random = seededRandom(rolloverHour + 1);
        // Every 7 minutes around the 2026 DST changes, then random instants over three years.
        const instants: number[] = [];
        for (const around of [Date.parse('2026-03-08T00:00:00Z'), Date.parse('2026-03-29T00:00:00Z'), Date.parse('2026-04-05T00:00:00Z'), Date.parse('2026-10-04T00:00:00Z'), Date.parse('2026-10-25T00:00:00Z'), Date.parse('2026-11-01T00:00:00Z')]) {
          for (let t = around - 36 * 60 * MINUTE; t < around + 36 * 60 * MINUTE; t += 7 * MINUTE) instants.push(t);
        }
        for (let i = 0; i < 2000; i++) instants.push(Date.parse('2024-01-01T00:00:00Z') + Math.floor(random() * 3 * 365 * 1440) * MINUTE + Math.floor(random() * MINUTE));
        const wrong = instants.filter((t) => counter(t) !== studyDay(t, clock)).map((t) => new Date(t).toISOString());
        expect(wrong, `rollover ${rolloverHour}`).toEqual([]);
      }
    });
  }
});
