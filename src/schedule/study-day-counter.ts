import { DAY, HOUR, studyDayStart, type StudyClock } from './study-time.js';

/**
 * `studyDay` for many instants at once, fast: a log of 100,000 answers at
 * scattered times would otherwise ask Intl for a time-zone offset nearly once
 * per answer. Each day's start is computed once (with `studyDayStart`), and an
 * instant belongs to the latest day started by then: the same answer as
 * `studyDay`, whose days change only on quarter hours and never go back.
 * @returns a function from UTC ms to the study day number
 */
export function studyDayCounter(clock: StudyClock): (t: number) => number {
  const starts = new Map<number, number>();
  const start = (day: number): number => {
    let s = starts.get(day);
    if (s === undefined) starts.set(day, (s = studyDayStart(day, clock)));
    return s;
  };
  return (t) => {
    // Zones are less than a day ahead of UTC: the study day is at most this one.
    let day = Math.floor((t - clock.rolloverHour * HOUR) / DAY) + 1;
    while (start(day) > t) day--;
    return day;
  };
}
