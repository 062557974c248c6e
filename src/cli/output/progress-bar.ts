import { charWidth, textWidth } from '../../tui/terminal/text-width.js';

/** Files from which a progress bar is worth drawing. */
const MIN_FILES_FOR_BAR = 20;
/** The widest line drawn, however wide the terminal: a progress line reads as well at 80 columns. */
const MAX_WIDTH = 80;
/** Cells of the bar itself between its brackets, at most and at least (below that it is left out). */
const BAR_CELLS = 20;
const MIN_BAR_CELLS = 5;
/** The fewest cells worth showing of a path, ellipsis included. */
const MIN_PATH_CELLS = 12;

/** What one progress line says. */
export interface Progress {
  label: string;
  done: number;
  total: number;
  /** What is counted (files, answers). */
  unit: string;
  stage?: string;
  /** The item at hand, as the user reads it (a path is cut from its left). */
  item?: string;
}

/**
 * One progress line that fits `width` cells: the label and the count always
 * (cut at the right only on a terminal too narrow for them), the bar when
 * there is room, and the item at hand cut from its left (`…/notes/ch3.md`),
 * as its end says the most.
 */
export function progressLine(p: Progress, width: number): string {
  const note = p.stage === 'writing' ? ', writing to the store…' : '';
  const count = `${p.done}/${p.total} ${p.unit}${note}`;
  const fixed = textWidth(p.label) + 1 + textWidth(count);
  const item = p.stage === 'writing' ? undefined : p.item;
  const barCells = Math.min(BAR_CELLS, width - fixed - 3 - (item ? MIN_PATH_CELLS + 2 : 0));
  let line = p.label;
  if (barCells >= MIN_BAR_CELLS) {
    const filled = p.total > 0 ? Math.round((p.done / p.total) * barCells) : 0;
    line += ` [${'#'.repeat(filled)}${'-'.repeat(barCells - filled)}]`;
  }
  line += ` ${count}`;
  const room = width - textWidth(line) - 2;
  if (item && room >= Math.min(MIN_PATH_CELLS, textWidth(item))) line += `  ${cutLeft(item, room)}`;
  return textWidth(line) <= width ? line : cutRight(line, width);
}

/** `text` in `width` cells at most, its start replaced by '…' when cut. */
function cutLeft(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  const chars = [...text];
  let out = '';
  let used = 1;
  for (let i = chars.length - 1; i >= 0; i--) {
    const w = charWidth(chars[i]!);
    if (used + w > width) break;
    out = chars[i]! + out;
    used += w;
  }
  return `…${out}`;
}

/** `text` in `width` cells at most, its end replaced by '…' when cut. */
function cutRight(text: string, width: number): string {
  let out = '';
  let used = 1;
  for (const ch of text) {
    const w = charWidth(ch);
    if (used + w > width) break;
    out += ch;
    used += w;
  }
  return `${out}…`;
}

/**
 * A one-line progress bar on a terminal stream (stderr), redrawn at most every
 * 50 ms; silent when the stream is not a TTY or the job is small. `unit` names
 * what is counted. The line stays within 80 columns and within the terminal,
 * one cell short of its edge (a full line would wrap on some terminals).
 * @returns the progress callback and a function that clears the line
 */
export function progressBar(
  stream: NodeJS.WriteStream,
  label: string,
  unit = 'files',
): { update: (done: number, total: number, stage?: string, item?: string) => void; clear: () => void } {
  let last = 0;
  let drawn = false;
  const update = (done: number, total: number, stage?: string, item?: string): void => {
    if (!stream.isTTY || total < MIN_FILES_FOR_BAR) return;
    const t = Date.now();
    if (done < total && t - last < 50) return;
    last = t;
    const width = Math.min(MAX_WIDTH, stream.columns || MAX_WIDTH) - 1;
    stream.write(`\r\x1b[K${progressLine({ label, done, total, unit, stage, item }, width)}`);
    drawn = true;
  };
  const clear = (): void => {
    if (drawn) stream.write('\r\x1b[K');
    drawn = false;
  };
  return { update, clear };
}
