import { studyDayStart, type StudyClock } from '../schedule/study-time.js';
import type { CardFacts } from './stats-input.js';
import type { Forecast } from './stats-report.js';
import { isoDate } from './study-date.js';

/** Days the forecast looks ahead, after today. */
export const FORECAST_DAYS = 30;

/** Whether a card is shown in reviews at all: not archived, suspended or dropped, and scheduled. */
export function isScheduled(c: CardFacts): boolean {
  return !c.archived && !c.suspended && !c.dropped && c.state !== null && c.state > 0 && c.due !== null;
}

/**
 * When a scheduled card next comes up: its due time, or the end of its burial
 * when that is later (a buried card waits until then).
 */
export function comesUpAt(c: CardFacts, now: number): number {
  return c.buriedUntil !== null && c.buriedUntil > now ? Math.max(c.due!, c.buriedUntil) : c.due!;
}

/**
 * Where due times fall among today and the next {@link FORECAST_DAYS} study
 * days: index 0 for anything before tomorrow (overdue included), -1 past the
 * last day.
 */
export function forecastSlotter(today: number, clock: StudyClock): (t: number) => number {
  const starts = forecastStarts(today, clock);
  return (t) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo > FORECAST_DAYS ? -1 : lo;
  };
}

/**
 * When each of the {@link FORECAST_DAYS} + 1 study days after `today` begins
 * (UTC ms, ascending): a due time's slot in the forecast is how many of them it
 * has reached. A study-clock lookup per day, not per card.
 */
export function forecastStarts(today: number, clock: StudyClock): number[] {
  const starts: number[] = [];
  for (let d = 1; d <= FORECAST_DAYS + 1; d++) starts.push(studyDayStart(today + d, clock));
  return starts;
}

/** The forecast from the scheduled cards due in each slot (see forecastStarts), and those due before today began. */
export function forecastFromSlots(due: readonly number[], overdue: number, today: number): Forecast {
  return {
    overdue,
    days: due.map((n, i) => ({ date: isoDate(today + i), due: n })),
    next30: due.slice(1).reduce((a, b) => a + b, 0),
  };
}

/**
 * Scheduled cards due per study day: today (everything due before the next
 * rollover, the overdue backlog included) and each of the next 30 days.
 */
export function dueForecast(cards: Iterable<CardFacts>, now: number, today: number, clock: StudyClock): Forecast {
  const slot = forecastSlotter(today, clock);
  const todayStart = studyDayStart(today, clock);
  const due = new Array<number>(FORECAST_DAYS + 1).fill(0);
  let overdue = 0;
  for (const c of cards) {
    if (!isScheduled(c)) continue;
    const at = comesUpAt(c, now);
    const i = slot(at);
    if (i < 0) continue;
    due[i]!++;
    if (at < todayStart) overdue++;
  }
  return forecastFromSlots(due, overdue, today);
}
