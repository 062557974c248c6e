import type { Segment, StyledLine } from './styled-line.js';

/** The prefixes `prefixLines` puts before each kind of line. */
export interface LinePrefixes {
  /** Before the first line. */
  first: Segment[];
  /** Before every later line that has text. */
  rest: Segment[];
  /** Before blank lines; blank lines stay empty when missing, so no line ends in spaces. */
  blank?: Segment[];
}

/** Returns the lines with the prefixes put in front. */
export function prefixLines(lines: readonly StyledLine[], prefixes: LinePrefixes): StyledLine[] {
  return lines.map((line, i) => {
    if (line.length === 0) return prefixes.blank ? [...prefixes.blank] : [];
    return [...(i === 0 ? prefixes.first : prefixes.rest), ...line];
  });
}

/** Returns `count` spaces (none for zero or less). */
export function spaces(count: number): string {
  return count > 0 ? ' '.repeat(count) : '';
}
