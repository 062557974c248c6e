import type { StudySummary } from '../../app/review/review-actions.js';
import { formatInterval } from '../../schedule/format-interval.js';
import type { ReviewStats } from '../../tui/review/review-reducer.js';
import { limitLines } from './limit-lines.js';
import { plural } from './plural.js';

/**
 * The lines `engram review` prints once the screen has closed: what was done
 * (nothing when `stats` is null: nothing was due), the daily limits that keep
 * cards waiting and how to study more (`reviewArgs`: the command's decks and
 * --db, for the command to type), the streak, what comes next.
 * @returns the lines, without line ends
 */
export function reviewSummaryLines(stats: ReviewStats | null, summary: StudySummary, reviewArgs: readonly string[] = []): string[] {
  const lines: string[] = [];
  if (stats && stats.reviewed > 0) {
    const total = Math.round(stats.timeMs / 1000);
    const minutes = Math.floor(total / 60);
    const seconds = total % 60;
    const per = Math.round(stats.timeMs / stats.reviewed / 1000);
    lines.push(`Reviewed ${plural(stats.reviewed, 'card')} in ${minutes}m ${seconds}s (${per}s a card); again ${Math.round(stats.againRate * 100)}%.`);
  } else if (stats) {
    lines.push('No cards answered.');
  } else {
    lines.push('Nothing is due now.');
  }
  lines.push(...limitLines(summary.limits, reviewArgs));
  lines.push(`Streak: ${plural(summary.streak, 'day')}.`);
  lines.push(`Next: ${nextLines(summary).join('; ')}.`);
  return lines;
}

/** "2 learning cards today, the next in 10m" when some are left, and what tomorrow brings. */
function nextLines(s: StudySummary): string[] {
  const next: string[] = [];
  if (s.learningLater > 0 && s.nextLearningInMs !== null) {
    next.push(`${plural(s.learningLater, 'learning card')} today, the next in ${formatInterval(s.nextLearningInMs)}`);
  }
  next.push(`tomorrow: ${plural(s.reviewsTomorrow, 'review')}, ${plural(s.newWaiting, 'new card')} waiting`);
  return next;
}
