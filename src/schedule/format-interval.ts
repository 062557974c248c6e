import { DAY, HOUR, MINUTE } from './study-time.js';

/**
 * A short, human interval from `now` to `due` for answer buttons and
 * summaries: "<1m", "10m", "3h", "4d", "2.5mo", "1.3y".
 */
export function formatInterval(ms: number): string {
  if (ms < MINUTE) return '<1m';
  // The unit is chosen after rounding, so 59.5 minutes reads "1h", not "60m".
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.round(ms / HOUR);
  if (hours < 24) return `${hours}h`;
  const days = Math.round(ms / DAY);
  if (days < 30) return `${days}d`;
  if (days < 365) return `${trim(ms / DAY / 30)}mo`;
  return `${trim(ms / DAY / 365)}y`;
}

function trim(n: number): string {
  return n < 10 ? n.toFixed(1).replace(/\.0$/, '') : String(Math.round(n));
}
