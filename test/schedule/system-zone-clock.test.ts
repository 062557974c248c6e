import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StudyClock } from '../../src/model/study-clock.js';

// A clock on the machine's own zone reads offsets from Date's local time
// instead of Intl. These hold it to the Intl readings of the same zone, named,
// over every quarter hour of a year: DST both ways, half-hour and 45-minute
// zones, a 30-minute jump (Lord Howe) and a two-hour one (Troll).
const ZONES = ['America/New_York', 'Europe/Paris', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/Santiago', 'Antarctica/Troll'];
const QUARTER = 15 * 60_000;
const YEAR_START = Date.UTC(2026, 0, 1);
const YEAR_END = Date.UTC(2027, 0, 1);

const savedTz = process.env['TZ'];
afterEach(() => {
  if (savedTz === undefined) delete process.env['TZ'];
  else process.env['TZ'] = savedTz;
});

/** study-time loaded afresh with the machine's zone set to `zone` (its caches are per module). */
async function studyTimeIn(zone: string): Promise<typeof import('../../src/schedule/study-time.js')> {
  process.env['TZ'] = zone;
  vi.resetModules();
  return import('../../src/schedule/study-time.js');
}

describe.each(ZONES)('a system-zone clock in %s', (zone) => {
  it.each([0, 2, 4])('gives the named zone\'s study days, day starts and virtual times all year (rollover %i)', async (rolloverHour) => {
    const t = await studyTimeIn(zone);
    const named: StudyClock = { rolloverHour, timeZone: zone };
    const system: StudyClock = { rolloverHour, timeZone: zone, systemZone: true };
    let mismatches = 0;
    for (let at = YEAR_START; at < YEAR_END; at += QUARTER) {
      if (t.studyDay(at, system) !== t.studyDay(at, named) || t.virtualTime(at, system) !== t.virtualTime(at, named)) mismatches++;
    }
    expect(mismatches).toBe(0);
    const days: number[] = [];
    for (let at = YEAR_START; at < YEAR_END; at += 86_400_000) days.push(t.studyDay(at, named));
    expect(days.map((d) => t.studyDayStart(d, system))).toEqual(days.map((d) => t.studyDayStart(d, named)));
    expect(days.map((d) => t.nextRollover(d * 86_400_000, system))).toEqual(days.map((d) => t.nextRollover(d * 86_400_000, named)));
  });
});

describe('studyClock', () => {
  it('without a time zone set is the machine\'s zone, named by Intl only when asked', async () => {
    process.env['TZ'] = 'Europe/Paris';
    vi.resetModules();
    const { studyClock } = await import('../../src/app/settings/study-settings.js');
    const { defaultSettings } = await import('../../src/app/settings/settings.js');
    const settings = { ...defaultSettings(), 'rollover-hour': 3 };
    const clock = studyClock(settings);
    expect(clock.systemZone).toBe(true);
    expect(clock.rolloverHour).toBe(3);
    expect(clock.timeZone).toBe('Europe/Paris');
  });

  it('with a time zone set is that zone, read through Intl', async () => {
    process.env['TZ'] = 'Asia/Kathmandu';
    vi.resetModules();
    const { studyClock } = await import('../../src/app/settings/study-settings.js');
    const { defaultSettings } = await import('../../src/app/settings/settings.js');
    const clock = studyClock({ ...defaultSettings(), 'time-zone': 'America/New_York' });
    expect(clock).toEqual({ rolloverHour: 4, timeZone: 'America/New_York' });
  });

  it('on a machine whose zone Intl cannot name counts study days in UTC', async () => {
    process.env['TZ'] = 'Nowhere/Unknown';
    vi.resetModules();
    const { studyClock } = await import('../../src/app/settings/study-settings.js');
    const { defaultSettings } = await import('../../src/app/settings/settings.js');
    const t = await import('../../src/schedule/study-time.js');
    const clock = studyClock(defaultSettings());
    const utc: StudyClock = { rolloverHour: 4, timeZone: 'UTC' };
    for (const at of [Date.UTC(2026, 2, 8, 3, 59), Date.UTC(2026, 2, 8, 4, 0), Date.UTC(2026, 6, 1, 12)]) {
      expect(t.studyDay(at, clock)).toBe(t.studyDay(at, utc));
      expect(t.nextRollover(at, clock)).toBe(t.nextRollover(at, utc));
    }
    expect(clock.timeZone).toBe('UTC');
  });
});
