import { describe, expect, it } from 'vitest';
import {
  DAY,
  HOUR,
  MINUTE,
  nextRollover,
  studyDay,
  studyDayStart,
  virtualTime,
  zoneOffset,
  type StudyClock,
} from '../../src/schedule/study-time.js';

// Every instant is written with an explicit UTC offset, so nothing here depends
// on the machine's time zone or clock.
const at = (iso: string): number => {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`bad instant ${iso}`);
  return t;
};
/** The day number of a calendar date: what studyDay returns for instants on that study day. */
const day = (ymd: string): number => at(`${ymd}T00:00Z`) / DAY;
const dateOf = (dayNumber: number): string => new Date(dayNumber * DAY).toISOString().slice(0, 10);
const clock = (timeZone: string, rolloverHour = 4): StudyClock => ({ timeZone, rolloverHour });

/** The wall clock in `timeZone` at `t`, read with Intl directly (independent of engram's offset code). */
function wallClock(t: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(t));
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return `${p['year']}-${p['month']}-${p['day']} ${p['hour']}:${p['minute']}`;
}

describe('zoneOffset', () => {
  it.each([
    ['UTC', '2026-01-15T12:00Z', 0],
    ['UTC', '2026-07-15T12:00Z', 0],
    ['America/New_York', '2026-01-15T12:00Z', -5 * HOUR],
    ['America/New_York', '2026-07-15T12:00Z', -4 * HOUR],
    ['Asia/Tokyo', '2026-01-15T12:00Z', 9 * HOUR],
    ['Asia/Tokyo', '2026-07-15T12:00Z', 9 * HOUR],
    ['Australia/Adelaide', '2026-01-15T12:00Z', 10.5 * HOUR],
    ['Australia/Adelaide', '2026-07-15T12:00Z', 9.5 * HOUR],
    ['Asia/Kathmandu', '2026-01-15T12:00Z', 5 * HOUR + 45 * MINUTE],
    ['Asia/Kathmandu', '2026-07-15T12:00Z', 5 * HOUR + 45 * MINUTE],
  ] as const)('%s at %s is %d ms', (zone, iso, offset) => {
    expect(zoneOffset(at(iso), zone)).toBe(offset);
  });

  it('changes at the exact instant of a New York transition', () => {
    // Spring forward: 02:00 EST (07:00Z) becomes 03:00 EDT.
    expect(zoneOffset(at('2026-03-08T06:59:59.999Z'), 'America/New_York')).toBe(-5 * HOUR);
    expect(zoneOffset(at('2026-03-08T07:00Z'), 'America/New_York')).toBe(-4 * HOUR);
    // Fall back: 02:00 EDT (06:00Z) becomes 01:00 EST.
    expect(zoneOffset(at('2026-11-01T05:59:59.999Z'), 'America/New_York')).toBe(-4 * HOUR);
    expect(zoneOffset(at('2026-11-01T06:00Z'), 'America/New_York')).toBe(-5 * HOUR);
  });

  it('throws a RangeError for an unknown time zone', () => {
    expect(() => zoneOffset(at('2026-01-15T12:00Z'), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('virtualTime', () => {
  it('is the instant plus the zone offset minus the rollover hour', () => {
    expect(virtualTime(at('2026-01-15T10:00-05:00'), clock('America/New_York'))).toBe(at('2026-01-15T06:00Z'));
    expect(virtualTime(at('2026-01-15T04:00+05:45'), clock('Asia/Kathmandu'))).toBe(at('2026-01-15T00:00Z'));
    expect(virtualTime(at('2026-01-15T00:30+09:00'), clock('Asia/Tokyo', 0))).toBe(at('2026-01-15T00:30Z'));
  });
});

// A winter and a summer date in each zone, none of them a DST night.
const ZONES = [
  { zone: 'UTC', date: '2026-01-15', next: '2026-01-16', offset: 'Z' },
  { zone: 'UTC', date: '2026-07-15', next: '2026-07-16', offset: 'Z' },
  { zone: 'America/New_York', date: '2026-01-15', next: '2026-01-16', offset: '-05:00' },
  { zone: 'America/New_York', date: '2026-07-15', next: '2026-07-16', offset: '-04:00' },
  { zone: 'Asia/Tokyo', date: '2026-01-15', next: '2026-01-16', offset: '+09:00' },
  { zone: 'Asia/Tokyo', date: '2026-07-15', next: '2026-07-16', offset: '+09:00' },
  { zone: 'Australia/Adelaide', date: '2026-01-15', next: '2026-01-16', offset: '+10:30' },
  { zone: 'Australia/Adelaide', date: '2026-07-15', next: '2026-07-16', offset: '+09:30' },
  { zone: 'Asia/Kathmandu', date: '2026-01-15', next: '2026-01-16', offset: '+05:45' },
  { zone: 'Asia/Kathmandu', date: '2026-12-31', next: '2027-01-01', offset: '+05:45' },
];

describe.each(ZONES)('study days in $zone around $date', ({ zone, date, next, offset }) => {
  const c = clock(zone);
  const d = day(date);

  it('3:59 local belongs to the previous study day, 4:00 to the new one', () => {
    expect(studyDay(at(`${date}T00:00${offset}`), c)).toBe(d - 1);
    expect(studyDay(at(`${date}T03:59${offset}`), c)).toBe(d - 1);
    expect(studyDay(at(`${date}T03:59:59.999${offset}`), c)).toBe(d - 1);
    expect(studyDay(at(`${date}T04:00${offset}`), c)).toBe(d);
    expect(studyDay(at(`${date}T23:59${offset}`), c)).toBe(d);
    expect(studyDay(at(`${next}T03:59${offset}`), c)).toBe(d);
    expect(studyDay(at(`${next}T04:00${offset}`), c)).toBe(d + 1);
  });

  it('studyDayStart is 04:00 local on that date', () => {
    expect(studyDayStart(d, c)).toBe(at(`${date}T04:00${offset}`));
    expect(studyDayStart(d + 1, c)).toBe(at(`${next}T04:00${offset}`));
  });

  it('nextRollover is the next 04:00 local', () => {
    expect(nextRollover(at(`${date}T03:59${offset}`), c)).toBe(at(`${date}T04:00${offset}`));
    expect(nextRollover(at(`${date}T04:00${offset}`), c)).toBe(at(`${next}T04:00${offset}`));
    expect(nextRollover(at(`${date}T12:00${offset}`), c)).toBe(at(`${next}T04:00${offset}`));
    expect(nextRollover(at(`${date}T23:59${offset}`), c)).toBe(at(`${next}T04:00${offset}`));
  });
});

describe('New York across daylight saving time (rollover 4)', () => {
  const c = clock('America/New_York');

  it('spring forward on 2026-03-08: days still start at 04:00 local, the night before is 23 hours', () => {
    expect(studyDayStart(day('2026-03-07'), c)).toBe(at('2026-03-07T04:00-05:00'));
    expect(studyDayStart(day('2026-03-08'), c)).toBe(at('2026-03-08T04:00-04:00'));
    expect(studyDayStart(day('2026-03-09'), c)).toBe(at('2026-03-09T04:00-04:00'));
    expect(studyDayStart(day('2026-03-08'), c) - studyDayStart(day('2026-03-07'), c)).toBe(23 * HOUR);
    expect(studyDayStart(day('2026-03-09'), c) - studyDayStart(day('2026-03-08'), c)).toBe(24 * HOUR);
  });

  it('spring forward: the boundary is 04:00 EDT', () => {
    expect(studyDay(at('2026-03-08T01:59-05:00'), c)).toBe(day('2026-03-07'));
    expect(studyDay(at('2026-03-08T03:00-04:00'), c)).toBe(day('2026-03-07'));
    expect(studyDay(at('2026-03-08T03:59-04:00'), c)).toBe(day('2026-03-07'));
    expect(studyDay(at('2026-03-08T04:00-04:00'), c)).toBe(day('2026-03-08'));
    expect(nextRollover(at('2026-03-07T20:00-05:00'), c)).toBe(at('2026-03-08T08:00Z'));
  });

  it('fall back on 2026-11-01: days still start at 04:00 local, the night before is 25 hours', () => {
    expect(studyDayStart(day('2026-10-31'), c)).toBe(at('2026-10-31T04:00-04:00'));
    expect(studyDayStart(day('2026-11-01'), c)).toBe(at('2026-11-01T04:00-05:00'));
    expect(studyDayStart(day('2026-11-02'), c)).toBe(at('2026-11-02T04:00-05:00'));
    expect(studyDayStart(day('2026-11-01'), c) - studyDayStart(day('2026-10-31'), c)).toBe(25 * HOUR);
    expect(studyDayStart(day('2026-11-02'), c) - studyDayStart(day('2026-11-01'), c)).toBe(24 * HOUR);
  });

  it('fall back: both 01:30s belong to the previous day, the boundary is 04:00 EST', () => {
    expect(studyDay(at('2026-11-01T01:30-04:00'), c)).toBe(day('2026-10-31'));
    expect(studyDay(at('2026-11-01T01:30-05:00'), c)).toBe(day('2026-10-31'));
    expect(studyDay(at('2026-11-01T03:59-05:00'), c)).toBe(day('2026-10-31'));
    expect(studyDay(at('2026-11-01T04:00-05:00'), c)).toBe(day('2026-11-01'));
    expect(nextRollover(at('2026-10-31T20:00-04:00'), c)).toBe(at('2026-11-01T09:00Z'));
  });
});

describe('a rollover hour that a DST night skips or repeats', () => {
  it('rollover 2 on the New York spring-forward night starts the day at 03:00 EDT, its first instant', () => {
    const c = clock('America/New_York', 2);
    const start = studyDayStart(day('2026-03-08'), c);
    expect(start).toBe(at('2026-03-08T03:00-04:00'));
    expect(studyDay(start, c)).toBe(day('2026-03-08'));
    expect(studyDay(start - 1, c)).toBe(day('2026-03-07'));
    expect(studyDay(at('2026-03-08T01:59:59.999-05:00'), c)).toBe(day('2026-03-07'));
    expect(studyDayStart(day('2026-03-08'), c) - studyDayStart(day('2026-03-07'), c)).toBe(24 * HOUR);
    expect(studyDayStart(day('2026-03-09'), c)).toBe(at('2026-03-09T02:00-04:00'));
    expect(studyDayStart(day('2026-03-09'), c) - start).toBe(23 * HOUR);
    expect(nextRollover(at('2026-03-08T01:00-05:00'), c)).toBe(start);
  });

  it('rollover 1 on the New York fall-back night starts the day at the first 01:00', () => {
    const c = clock('America/New_York', 1);
    expect(studyDayStart(day('2026-11-01'), c)).toBe(at('2026-11-01T01:00-04:00'));
    // The second 01:30 (EST) is an hour later and still the same study day.
    expect(studyDay(at('2026-11-01T01:30-04:00'), c)).toBe(day('2026-11-01'));
    expect(studyDay(at('2026-11-01T01:30-05:00'), c)).toBe(day('2026-11-01'));
    expect(studyDay(at('2026-11-01T00:59-04:00'), c)).toBe(day('2026-10-31'));
    expect(studyDayStart(day('2026-11-02'), c) - studyDayStart(day('2026-11-01'), c)).toBe(25 * HOUR);
  });

  it('rollover 2 on the Adelaide spring-forward night (2026-10-04) starts the day at 03:00 ACDT', () => {
    const c = clock('Australia/Adelaide', 2);
    expect(studyDayStart(day('2026-10-04'), c)).toBe(at('2026-10-04T03:00+10:30'));
    expect(studyDay(at('2026-10-04T01:59+09:30'), c)).toBe(day('2026-10-03'));
  });

  it('rollover 2 on the Lord Howe spring-forward night (a 30-minute jump) starts the day at 02:30', () => {
    const c = clock('Australia/Lord_Howe', 2);
    expect(studyDayStart(day('2026-10-04'), c)).toBe(at('2026-10-04T02:30+11:00'));
    expect(studyDayStart(day('2026-10-05'), c) - studyDayStart(day('2026-10-04'), c)).toBe(23.5 * HOUR);
    expect(studyDay(at('2026-10-04T01:59+10:30'), c)).toBe(day('2026-10-03'));
  });

  it('a two-hour jump (Antarctica/Troll, +0 to +2 on 2026-03-29): rollover 2 starts the day at 03:00', () => {
    const c = clock('Antarctica/Troll', 2);
    expect(studyDayStart(day('2026-03-29'), c)).toBe(at('2026-03-29T03:00+02:00'));
    expect(studyDay(at('2026-03-29T00:59+00:00'), c)).toBe(day('2026-03-28'));
    // Both days around the jump are 23 hours: 02:00+00 to 03:00+02, then 03:00+02 to 02:00+02.
    expect(studyDayStart(day('2026-03-29'), c) - studyDayStart(day('2026-03-28'), c)).toBe(23 * HOUR);
    expect(studyDayStart(day('2026-03-30'), c) - studyDayStart(day('2026-03-29'), c)).toBe(23 * HOUR);
  });

  it('a two-hour fall back (Antarctica/Troll, +2 to +0 at 03:00 on 2026-10-25): rollover 2 starts the day at the first 02:00, and the day never goes back', () => {
    // Local 01:00-03:00 happens twice. As with the repeated 01:00 in New York, the
    // day starts at the first 02:00 (00:00Z); the second pass through 01:00-02:00
    // (01:00Z-02:00Z) is later than that start, so it must stay on 2026-10-25.
    const c = clock('Antarctica/Troll', 2);
    expect(studyDay(at('2026-10-25T01:59+02:00'), c)).toBe(day('2026-10-24'));
    expect(studyDay(at('2026-10-25T02:30+02:00'), c)).toBe(day('2026-10-25'));
    expect(studyDay(at('2026-10-25T01:30+00:00'), c)).toBe(day('2026-10-25'));
    expect(studyDay(at('2026-10-25T02:30+00:00'), c)).toBe(day('2026-10-25'));
    expect(studyDayStart(day('2026-10-25'), c)).toBe(at('2026-10-25T02:00+02:00'));
  });
});

describe('southern DST: Australia/Adelaide (+9:30 / +10:30)', () => {
  const c = clock('Australia/Adelaide');

  it('the day DST ends (2026-04-05) is preceded by a 25-hour study day', () => {
    expect(studyDayStart(day('2026-04-04'), c)).toBe(at('2026-04-04T04:00+10:30'));
    expect(studyDayStart(day('2026-04-05'), c)).toBe(at('2026-04-05T04:00+09:30'));
    expect(studyDayStart(day('2026-04-05'), c) - studyDayStart(day('2026-04-04'), c)).toBe(25 * HOUR);
    expect(studyDay(at('2026-04-05T03:59+09:30'), c)).toBe(day('2026-04-04'));
    expect(studyDay(at('2026-04-05T04:00+09:30'), c)).toBe(day('2026-04-05'));
  });

  it('the day DST starts (2026-10-04) is preceded by a 23-hour study day', () => {
    expect(studyDayStart(day('2026-10-03'), c)).toBe(at('2026-10-03T04:00+09:30'));
    expect(studyDayStart(day('2026-10-04'), c)).toBe(at('2026-10-04T04:00+10:30'));
    expect(studyDayStart(day('2026-10-04'), c) - studyDayStart(day('2026-10-03'), c)).toBe(23 * HOUR);
    expect(studyDay(at('2026-10-04T03:59+10:30'), c)).toBe(day('2026-10-03'));
    expect(studyDay(at('2026-10-04T04:00+10:30'), c)).toBe(day('2026-10-04'));
  });
});

describe('rollover 0', () => {
  it('starts the study day at local midnight', () => {
    const c = clock('America/New_York', 0);
    expect(studyDay(at('2026-01-15T23:59-05:00'), c)).toBe(day('2026-01-15'));
    expect(studyDay(at('2026-01-16T00:00-05:00'), c)).toBe(day('2026-01-16'));
    expect(studyDayStart(day('2026-01-16'), c)).toBe(at('2026-01-16T00:00-05:00'));
    expect(nextRollover(at('2026-01-15T00:00-05:00'), c)).toBe(at('2026-01-16T00:00-05:00'));
  });

  it('in Tokyo and Kathmandu', () => {
    expect(studyDay(at('2026-01-15T23:59+09:00'), clock('Asia/Tokyo', 0))).toBe(day('2026-01-15'));
    expect(studyDay(at('2026-01-16T00:00+09:00'), clock('Asia/Tokyo', 0))).toBe(day('2026-01-16'));
    expect(studyDayStart(day('2026-01-16'), clock('Asia/Kathmandu', 0))).toBe(at('2026-01-16T00:00+05:45'));
    expect(studyDay(at('2026-01-15T23:59+05:45'), clock('Asia/Kathmandu', 0))).toBe(day('2026-01-15'));
  });

  it('where DST skips midnight (America/Santiago, 2026-09-06) the day starts at 01:00', () => {
    const c = clock('America/Santiago', 0);
    expect(studyDayStart(day('2026-09-05'), c)).toBe(at('2026-09-05T00:00-04:00'));
    expect(studyDayStart(day('2026-09-06'), c)).toBe(at('2026-09-06T01:00-03:00'));
    expect(studyDayStart(day('2026-09-06'), c) - studyDayStart(day('2026-09-05'), c)).toBe(24 * HOUR);
    // The day that lost its first hour is the short one.
    expect(studyDayStart(day('2026-09-07'), c)).toBe(at('2026-09-07T00:00-03:00'));
    expect(studyDayStart(day('2026-09-07'), c) - studyDayStart(day('2026-09-06'), c)).toBe(23 * HOUR);
    expect(studyDay(at('2026-09-05T23:59-04:00'), c)).toBe(day('2026-09-05'));
  });

  it('where DST repeats the last hour of a day (America/Santiago, 2026-04-04) that day is 25 hours', () => {
    const c = clock('America/Santiago', 0);
    expect(studyDayStart(day('2026-04-04'), c)).toBe(at('2026-04-04T00:00-03:00'));
    expect(studyDayStart(day('2026-04-05'), c)).toBe(at('2026-04-05T00:00-04:00'));
    expect(studyDayStart(day('2026-04-05'), c) - studyDayStart(day('2026-04-04'), c)).toBe(25 * HOUR);
    // Both 23:30s of that evening (-03:00, then -04:00) belong to 2026-04-04.
    expect(studyDay(at('2026-04-04T23:30-03:00'), c)).toBe(day('2026-04-04'));
    expect(studyDay(at('2026-04-04T23:30-04:00'), c)).toBe(day('2026-04-04'));
  });
});

describe('invariants over a whole year', () => {
  const zones = ['UTC', 'America/New_York', 'Asia/Tokyo', 'Australia/Adelaide', 'Asia/Kathmandu', 'Australia/Lord_Howe'];

  it.each(zones)('every study day of 2026 in %s starts at 04:00 on its own date', (zone) => {
    // 04:00 exists exactly once every day in these zones (their transitions are at 0-3 am).
    const c = clock(zone);
    const bad: string[] = [];
    for (let d = day('2026-01-01'); d <= day('2026-12-31'); d++) {
      const start = studyDayStart(d, c);
      const wall = wallClock(start, zone);
      if (wall !== `${dateOf(d)} 04:00` || studyDay(start, c) !== d || studyDay(start - 1, c) !== d - 1) bad.push(`${dateOf(d)}: ${wall}`);
    }
    expect(bad).toEqual([]);
  });

  it.each([
    ['America/New_York', 2, '2026-03-07T00:00Z'],
    ['America/New_York', 1, '2026-10-31T00:00Z'],
    ['Australia/Lord_Howe', 2, '2026-04-03T00:00Z'],
    ['Australia/Lord_Howe', 2, '2026-10-02T00:00Z'],
    ['America/Santiago', 0, '2026-09-04T00:00Z'],
    ['Antarctica/Troll', 2, '2026-03-28T00:00Z'],
  ] as const)('in %s with rollover %d, every instant lies in [studyDayStart, nextRollover) across the DST night after %s', (zone, hour, from) => {
    const c = clock(zone, hour);
    const bad: string[] = [];
    for (let t = at(from); t < at(from) + 3 * DAY; t += 7 * MINUTE) {
      const d = studyDay(t, c);
      if (!(studyDayStart(d, c) <= t && t < nextRollover(t, c) && nextRollover(t, c) === studyDayStart(d + 1, c))) {
        bad.push(new Date(t).toISOString());
      }
    }
    expect(bad).toEqual([]);
  });
});
