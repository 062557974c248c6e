/**
 * How the dashboard is drawn: with colour, or (NO_COLOR, or not a terminal)
 * in plain characters only, which must read as well on their own.
 */
export interface StatsStyle {
  color: boolean;
  /** Columns to lay the dashboard out in (80 is what it is designed for). */
  width: number;
}

const sgr = (open: string, close: string) => (style: StatsStyle, text: string) => (style.color ? `\x1b[${open}m${text}\x1b[${close}m` : text);

/** A section title: bold in colour. */
export const bold = sgr('1', '22');
/** A side note: faint in colour. */
export const dim = sgr('2', '22');

/** Heatmap shades 0-4: the character says the level, colour (greens) only repeats it. */
const SHADE_CHARS = ['·', '░', '▒', '▓', '█'];
const SHADE_COLORS = [240, 28, 34, 40, 46];

/** `cells` heatmap cells of days at `level` (0-4), in one colour span. */
export function shade(style: StatsStyle, level: number, cells = 1): string {
  const run = (SHADE_CHARS[level] ?? '?').repeat(cells);
  return style.color ? `\x1b[38;5;${SHADE_COLORS[level]}m${run}\x1b[39m` : run;
}

/** A bar of a chart, green in colour. */
export function barColor(style: StatsStyle, bar: string): string {
  return style.color && bar !== '' ? `\x1b[32m${bar}\x1b[39m` : bar;
}
