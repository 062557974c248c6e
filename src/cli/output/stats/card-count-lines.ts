import type { StatsReport } from '../../../stats/stats-report.js';
import { histogramLines } from './histogram-lines.js';
import { sectionTitle } from './section-title.js';
import { count, percent } from './stats-figures.js';
import { dim, type StatsStyle } from './stats-style.js';
import { sideBySide } from './text-columns.js';

const GAP = 3;

function halves(style: StatsStyle): { width: number; two: boolean } {
  const two = style.width >= 64;
  return { width: two ? Math.floor((style.width - GAP) / 2) : style.width, two };
}

function pair(left: string[], right: string[], style: StatsStyle): string[] {
  const { width, two } = halves(style);
  return two ? sideBySide(left, right, width, GAP) : [...left, '', ...right];
}

function inDays(n: number | null): string {
  if (n === null) return '';
  return `${n < 10 ? n.toFixed(1).replace(/\.0$/, '') : count(Math.round(n))}d`;
}

/** Card counts by state beside the difficulty histogram; intervals beside stability. */
export function cardCountLines(r: StatsReport, style: StatsStyle): string[] {
  const c = r.cards;
  const { width } = halves(style);
  // Dropped cards are a line only in a collection that has some: most never will.
  const states = (['new', 'learning', 'review', 'relearning', 'suspended', 'dropped', 'buried', 'archived'] as const)
    .filter((k) => k !== 'dropped' || c.dropped > 0)
    .map((k) => [k, c[k]] as const);
  const share = (n: number) => (c.total ? percent(n / c.total) : '');
  const stateLines = [
    sectionTitle(style, 'Cards', `${count(c.total)} in all`),
    ...states.map(([k, n]) => `  ${k.padEnd(11)}${count(n).padStart(8)}  ${share(n).padStart(6)}`),
  ];
  // The scale is named apart from the mean: "(1 easy, 10 hard)" beside a mean read like counts of cards.
  const difficulty = histogramLines('Difficulty', `mean ${r.difficulty.mean?.toFixed(1) ?? ''} on a 1–10 scale`, r.difficulty, width, style);
  if (r.difficulty.cards > 0) difficulty.push(dim(style, '  1 is easiest, 10 hardest'));
  const intervals = histogramLines('Intervals', `median ${inDays(r.intervals.median)}`, r.intervals, width, style);
  const stability = histogramLines('Stability', `median ${inDays(r.stability.median)}`, r.stability, width, style);
  return [
    ...pair(stateLines, difficulty, style),
    dim(style, `  each card counted once: archived, else ${c.dropped > 0 ? 'dropped, else ' : ''}suspended, else buried, else by state`),
    '',
    ...pair(intervals, stability, style),
    dim(style, '  intervals of cards in review; stability, difficulty of every reviewed card'),
  ];
}
