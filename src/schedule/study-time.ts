/**
 * Study days. A study day starts at the rollover hour (4 am by default) in the
 * user's time zone, as in Anki. ts-fsrs counts days as UTC calendar days, so it
 * is handed a virtual clock: the real instant shifted by the zone's UTC offset
 * minus the rollover, whose UTC calendar day is the study day.
 */

import type { StudyClock } from '../model/study-clock.js';

export type { StudyClock };

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;


const formatters = new Map<string, Intl.DateTimeFormat>();
/** Offsets change only at zone transitions, which fall on quarter hours: cache per quarter hour. */
const QUARTER = 15 * MINUTE;

/**
 * Milliseconds to add to the UTC instant `t` to read the wall clock in
 * `timeZone` as if it were UTC (e.g. +3,600,000 in Paris in winter).
 * Throws RangeError for an unknown time zone.
 */
export function zoneOffset(t: number, timeZone: string): number {
  // Most UTC days hold no zone transition: one offset for the whole day (read at
  // both ends, as transitions never come twice a day) spares a reading per answer
  // when a long review log is replayed.
  const cache = zoneCache(timeZone);
  const day = Math.floor(t / DAY);
  let whole = cache.days.get(day);
  if (whole === undefined) {
    const start = quarterOffset(day * DAY, timeZone);
    whole = start === quarterOffset(day * DAY + DAY - QUARTER, timeZone) ? start : Number.NaN;
    remember(cache.days, day, whole);
  }
  return Number.isNaN(whole) ? quarterOffset(t, timeZone) : whole;
}

/** Offsets read for a zone: per UTC day (NaN: the day holds a transition) and per quarter hour. */
interface ZoneCache {
  days: Map<number, number>;
  quarters: Map<number, number>;
}

const zoneCaches = new Map<string, ZoneCache>();

function zoneCache(timeZone: string): ZoneCache {
  let cache = zoneCaches.get(timeZone);
  if (!cache) {
    cache = { days: new Map(), quarters: new Map() };
    zoneCaches.set(timeZone, cache);
  }
  return cache;
}

/** The offset in the quarter hour holding `t`, read from Intl (and cached). */
function quarterOffset(t: number, timeZone: string): number {
  const { quarters } = zoneCache(timeZone);
  const bucket = Math.floor(t / QUARTER);
  const cached = quarters.get(bucket);
  if (cached !== undefined) return cached;
  if (timeZone === SYSTEM_ZONE) {
    const offset = localOffset(bucket * QUARTER);
    remember(quarters, bucket, offset);
    return offset;
  }
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  const at = Math.floor(t / QUARTER) * QUARTER;
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(at))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const wall = Date.UTC(p['year']!, p['month']! - 1, p['day']!, p['hour']!, p['minute']!, p['second']!);
  const offset = wall - at;
  remember(quarters, bucket, offset);
  return offset;
}

/**
 * Stands for this machine's own zone among the caches (a name no IANA zone
 * has): its offsets are read from Date's local time (see {@link StudyClock.systemZone}).
 */
const SYSTEM_ZONE = '\u0000system';

/** The UTC offset of the machine's zone at `at`, read from Date's local time as quarterOffset reads Intl's wall clock. */
function localOffset(at: number): number {
  const d = new Date(at);
  return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()) - at;
}

/** {@link zoneOffset} for the zone of `clock`: its own zone's from Date, without Intl, when it is the machine's. */
export function clockOffset(t: number, clock: StudyClock): number {
  return zoneOffset(t, clock.systemZone === true ? SYSTEM_ZONE : clock.timeZone);
}

function remember(cache: Map<number, number>, key: number, offset: number): void {
  if (cache.size > 50_000) cache.clear();
  cache.set(key, offset);
}

/** The instant `t` on the virtual clock, whose UTC calendar day is the study day of `t`. */
export function virtualTime(t: number, clock: StudyClock): number {
  return t + clockOffset(t, clock) - clock.rolloverHour * HOUR;
}

/** Longest backward jump of any zone's clock (Antarctica/Troll falls back two hours), plus margin. */
const LONGEST_FALL_BACK = 3 * HOUR;

/**
 * The study day of instant `t`, as a day number (days since 1970-01-01 on the
 * virtual clock). Never goes back as time goes on: when the clock has just
 * fallen back past the rollover hour, the day already begun stays.
 */
export function studyDay(t: number, clock: StudyClock): number {
  const day = Math.floor(virtualTime(t, clock) / DAY);
  const earlier = t - LONGEST_FALL_BACK;
  if (clockOffset(earlier, clock) <= clockOffset(t, clock)) return day;
  // The offset dropped within the window: the latest day any instant of it reached.
  let latest = day;
  for (let at = Math.floor(t / QUARTER) * QUARTER; at >= earlier; at -= QUARTER) {
    latest = Math.max(latest, Math.floor(virtualTime(at, clock) / DAY));
  }
  return latest;
}

/**
 * The virtual time handed to ts-fsrs: like {@link virtualTime}, but inside the
 * (monotonic) study day of `t`, so elapsed days never come out negative.
 */
export function schedulingTime(t: number, clock: StudyClock): number {
  const day = studyDay(t, clock);
  return Math.min(Math.max(virtualTime(t, clock), day * DAY), day * DAY + DAY - 1);
}

/**
 * The real instant study day `day` starts: the rollover hour, local time, on
 * that date. When a DST jump skips that hour, the first instant of the day.
 */
export function studyDayStart(day: number, clock: StudyClock): number {
  const wall = day * DAY + clock.rolloverHour * HOUR;
  let t = wall - clockOffset(wall, clock);
  t = wall - clockOffset(t, clock);
  // Across a DST jump the estimate can be an hour off on either side.
  while (studyDay(t, clock) >= day && studyDay(t - HOUR, clock) >= day) t -= HOUR;
  while (studyDay(t, clock) < day) t += HOUR;
  // Within the hour found, the day starts at the earliest quarter hour still in it.
  while (studyDay(t - QUARTER, clock) >= day) t -= QUARTER;
  return t;
}

/** The next rollover after `t`: cards due before it are due today. */
export function nextRollover(t: number, clock: StudyClock): number {
  return studyDayStart(studyDay(t, clock) + 1, clock);
}
