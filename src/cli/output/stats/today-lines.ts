import type { StatsReport } from '../../../stats/stats-report.js';
import { sectionTitle, weekdayName } from './section-title.js';
import { count, days, duration, percent } from './stats-figures.js';
import type { StatsStyle } from './stats-style.js';

function row(label: string, value: string, note: string): string {
  return `  ${label.padEnd(9)}${value.padStart(11)}  ${note}`.trimEnd();
}

/** Today's work, the streak and the whole history in a few lines. */
export function todayLines(r: StatsReport, style: StatsStyle): string[] {
  const t = r.today;
  const h = r.history;
  const overdue = r.forecast.overdue;
  const p = t.byPhase;
  const phases = `new ${count(p.new)} · learn ${count(p.learning)} · review ${count(p.review)} · relearn ${count(p.relearning)}`;
  return [
    sectionTitle(style, 'Today', `${weekdayName(r.date)} ${r.date}`),
    row('due', count(t.due), t.due === 0 ? 'nothing left to review today' : `still to review today${overdue ? `, ${count(overdue)} of them overdue` : ''}`),
    row('reviewed', count(t.reviews), t.reviews ? phases : ''),
    row('again', count(t.again), t.reviews ? `${percent(t.againRate)} of today's reviews` : ''),
    row('time', duration(t.timeMs), t.reviews ? `${duration(t.timeMs / t.reviews)} a review` : ''),
    row('streak', days(r.streak.current), `longest ${days(r.streak.longest)}`),
    h.reviews === 0
      ? row('all time', '0', 'no reviews yet')
      : row('all time', count(h.reviews), `reviews on ${days(h.studyDays)} since ${h.firstDay}, ${duration(h.timeMs)}`),
  ];
}
