import { count } from '../../../export/figure-format.js';

export { count, duration, percent } from '../../../export/figure-format.js';

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
