import type { LimitReached, MoreStudy } from '../../app/review/today-limits.js';

/** What `m` asks for: the suggested amount of each limit used up. */
export function moreStudy(limits: readonly LimitReached[]): MoreStudy {
  return {
    newCards: limits.find((l) => l.kind === 'new')?.suggested ?? 0,
    reviews: limits.find((l) => l.kind === 'review')?.suggested ?? 0,
  };
}

/** "20 more new cards and 35 more reviews". */
export function moreText(more: MoreStudy): string {
  const parts: string[] = [];
  if (more.newCards > 0) parts.push(`${more.newCards} more new card${more.newCards === 1 ? '' : 's'}`);
  if (more.reviews > 0) parts.push(`${more.reviews} more review${more.reviews === 1 ? '' : 's'}`);
  return parts.join(' and ');
}
