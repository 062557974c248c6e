import { MINUTE } from '../../../schedule/study-time.js';

/** A count with thousands separated: "12,345". */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** A rate (0-1) as a percentage with one decimal, or "—" when there is none. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** Time spent: "45s", "12m 30s", "3h 05m". */
export function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  const m = Math.round(ms / MINUTE);
  return `${count(Math.floor(m / 60))}h ${String(m % 60).padStart(2, '0')}m`;
}

/** "1 day", "12 days". */
export function days(n: number): string {
  return `${count(n)} day${n === 1 ? '' : 's'}`;
}

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/**
 * A horizontal bar of `value` out of `max` in `width` cells, in eighths of a
 * cell; any value above zero shows at least a sliver.
 */
export function bar(value: number, max: number, width: number): string {
  if (value <= 0 || max <= 0 || width <= 0) return '';
  const eighths = Math.max(1, Math.round((Math.min(value, max) / max) * width * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8]!;
}
