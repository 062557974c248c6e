import type { SessionSummary } from '../../app/review/review-actions.js';

/** The lines printed when a session ends: what was done, the streak, what comes next. */
export function sessionSummaryLines(stats: { reviewed: number; againRate: number; timeMs: number } | null, summary: SessionSummary): string[] {
  const lines: string[] = [];
  if (stats && stats.reviewed > 0) {
    const total = Math.round(stats.timeMs / 1000);
    const minutes = Math.floor(total / 60);
    const seconds = total % 60;
    const per = Math.round(stats.timeMs / stats.reviewed / 1000);
    lines.push(
      `Reviewed ${stats.reviewed} card${stats.reviewed === 1 ? '' : 's'} in ${minutes}m ${seconds}s (${per}s a card); again ${Math.round(stats.againRate * 100)}%.`,
    );
  } else if (stats) {
    lines.push('No cards answered.');
  }
  lines.push(`Streak: ${summary.streak} day${summary.streak === 1 ? '' : 's'}.`);
  lines.push(`Next: ${summary.next.join('; ')}.`);
  return lines;
}
