import { styledCharsFromTokens, styledCharsToString, tokenize, type StyledChar } from '@alcalzone/ansi-tokenize';
import sliceAnsi from 'slice-ansi';
import stringWidth from './fast-string-width.js';

/** What Ink hands a write: functions applied to each line of the text (colours, a Text's transform). */
type Transformer = (line: string, index: number) => string;

/** The rectangle writes are cut to (a Box with overflow hidden); a missing side does not cut. */
interface Clip {
  x1?: number;
  x2?: number;
  y1?: number;
  y2?: number;
}

type Operation = { type: 'write'; x: number; y: number; text: string; transformers: Transformer[] } | { type: 'clip'; clip: Clip } | { type: 'unclip' };

/** A line of text placed on a row at a column, after clipping and transforming. */
interface Placement {
  x: number;
  line: string;
}

/** Text that is one unstyled cell a character. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** An empty cell, as Ink fills its grid with (never changed in place, so one is shared). */
const SPACE: StyledChar = { type: 'char', value: ' ', fullWidth: false, styles: [] };

/**
 * A cache that forgets everything once its values' sizes add up to `limit`:
 * frames reuse the same few hundred lines, so it rarely fills, and when it
 * does (a long session of varied cards) starting over costs one frame's work.
 */
class BoundedCache<V> {
  private readonly map = new Map<string, V>();
  private held = 0;
  constructor(
    private readonly limit: number,
    private readonly sizeOf: (key: string, value: V) => number,
  ) {}
  get(key: string, make: (key: string) => V): V {
    let value = this.map.get(key);
    if (value === undefined) {
      value = make(key);
      const size = this.sizeOf(key, value);
      if (this.held + size > this.limit) {
        this.map.clear();
        this.held = 0;
      }
      this.map.set(key, value);
      this.held += size;
    }
    return value;
  }
}

// Module-wide, unlike Ink's per-frame caches: the next frame draws mostly the
// same rows (the rule, the key bar, the card being answered). Held to about a
// megabyte each (UTF-16 strings and the entries): a long session draws thousands of different lines.
// A Map entry costs about 64 bytes besides its strings: counted, so that many short keys (one character's width) stay bounded too.
const byLength = (key: string, value: unknown): number => 64 + 2 * (key.length + (typeof value === 'string' ? value.length : 0));
const widths = new BoundedCache<number>(1 << 20, byLength);
const widestLines = new BoundedCache<number>(1 << 20, byLength);
const rowStrings = new BoundedCache<string>(1 << 20, byLength);

const widestLine = (text: string): number =>
  widestLines.get(text, () => {
    let widest = 0;
    for (const line of text.split('\n')) widest = Math.max(widest, widths.get(line, stringWidth));
    return widest;
  });

/**
 * Ink's Output (ink/build/output.js), which turns a frame's writes into the
 * text written to the terminal, made to cost what is drawn instead of the
 * whole screen. Ink fills a grid of width x height cell objects every frame
 * (12,000 at 200x60) and turns every cell back into text; this keeps only the
 * rows written to, each only as wide as its writes reach, and remembers the
 * text of a row drawn before (the same writes at the same places give the
 * same text). The text it returns is Ink's, character for character:
 * test/tui/terminal/fast-output.test.ts compares the two on random frames.
 * scripts/bundle.mjs and vitest.config.ts put it in place of Ink's.
 */
export default class Output {
  readonly width: number;
  readonly height: number;
  private readonly operations: Operation[] = [];
  /** A line's cells, for this frame only: a cell is an object, too big to keep for thousands of lines. */
  private readonly styledChars = new Map<string, StyledChar[]>();

  /** A frame of `width` columns and `height` rows (the root Box's layout). */
  constructor(options: { width: number; height: number }) {
    this.width = options.width;
    this.height = options.height;
  }

  /** Places `text` (lines split at \n) at column x, row y; `transformers` apply to each line. */
  write(x: number, y: number, text: string, options: { transformers: Transformer[] }): void {
    if (!text) return;
    this.operations.push({ type: 'write', x, y, text, transformers: options.transformers });
  }

  /** Cuts the writes that follow to `clip`, until `unclip`. */
  clip(clip: Clip): void {
    this.operations.push({ type: 'clip', clip });
  }

  /** Ends the last `clip`. */
  unclip(): void {
    this.operations.push({ type: 'unclip' });
  }

  /** @returns the frame's text (rows joined by \n, each with its trailing blanks cut) and its height in rows */
  get(): { output: string; height: number } {
    const rows: (Placement[] | undefined)[] = new Array(this.height);
    const clips: Clip[] = [];
    for (const operation of this.operations) {
      if (operation.type === 'clip') clips.push(operation.clip);
      else if (operation.type === 'unclip') clips.pop();
      else this.place(operation, clips.at(-1), rows);
    }
    const out: string[] = new Array(this.height);
    for (let y = 0; y < this.height; y++) {
      const placements = rows[y];
      out[y] = placements === undefined ? '' : this.rowText(placements);
    }
    return { output: out.join('\n'), height: this.height };
  }

  /** A write cut to the clip and split into lines on the rows it reaches, as Ink's does it. */
  private place(operation: Extract<Operation, { type: 'write' }>, clip: Clip | undefined, rows: (Placement[] | undefined)[]): void {
    const { text, transformers } = operation;
    let { x, y } = operation;
    let lines = text.split('\n');
    if (clip) {
      const clipHorizontally = typeof clip.x1 === 'number' && typeof clip.x2 === 'number';
      const clipVertically = typeof clip.y1 === 'number' && typeof clip.y2 === 'number';
      if (clipHorizontally && (x + widestLine(text) < clip.x1! || x > clip.x2!)) return;
      if (clipVertically && (y + lines.length < clip.y1! || y > clip.y2!)) return;
      if (clipHorizontally) {
        lines = lines.map((line) => {
          const from = x < clip.x1! ? clip.x1! - x : 0;
          const width = widths.get(line, stringWidth);
          const to = x + width > clip.x2! ? clip.x2! - x : width;
          return sliceAnsi(line, from, to);
        });
        if (x < clip.x1!) x = clip.x1!;
      }
      if (clipVertically) {
        const from = y < clip.y1! ? clip.y1! - y : 0;
        const height = lines.length;
        const to = y + height > clip.y2! ? clip.y2! - y : height;
        lines = lines.slice(from, to);
        if (y < clip.y1!) y = clip.y1!;
      }
    }
    let offsetY = 0;
    for (let index = 0; index < lines.length; index++) {
      const row = y + offsetY;
      // Ink skips a line that falls outside its grid without moving down.
      if (!Number.isInteger(row) || row < 0 || row >= this.height) continue;
      let line = lines[index]!;
      for (const transformer of transformers) line = transformer(line, index);
      (rows[row] ??= []).push({ x, line });
      offsetY++;
    }
  }

  /**
   * A row's text without cells, when every write is printable ASCII (no escape
   * code, so no style; one cell a character) placed at a whole column inside
   * the frame: most of a card's lines. Undefined for any other row.
   */
  private plainRowText(placements: Placement[]): string | undefined {
    for (const { x, line } of placements) {
      if (!Number.isInteger(x) || x < 0 || x + line.length > this.width || !PRINTABLE_ASCII.test(line)) return undefined;
    }
    if (placements.length === 1) {
      const { x, line } = placements[0]!;
      return (' '.repeat(x) + line).trimEnd();
    }
    const cells: string[] = [];
    for (const { x, line } of placements) for (let i = 0; i < line.length; i++) cells[x + i] = line[i]!;
    for (let i = 0; i < cells.length; i++) cells[i] ??= ' ';
    return cells.join('').trimEnd();
  }

  /** A row's text from its writes, in order: later writes cover earlier ones cell by cell. */
  private rowText(placements: Placement[]): string {
    let key = `${this.width}`;
    for (const p of placements) key += `\u0000${p.x}\u0001${p.line}`;
    return rowStrings.get(key, () => {
      const plain = this.plainRowText(placements);
      if (plain !== undefined) return plain;
      const cells: (StyledChar | undefined)[] = [];
      for (const { x, line } of placements) {
        let offsetX = x;
        let characters = this.styledChars.get(line);
        if (characters === undefined) this.styledChars.set(line, (characters = styledCharsFromTokens(tokenize(line))));
        for (const character of characters) {
          // Ink's grid is an array: a cell left of column 0 (or between columns) is no cell.
          if (Number.isInteger(offsetX) && offsetX >= 0) cells[offsetX] = character;
          const characterWidth = Math.max(1, widths.get(character.value, stringWidth));
          for (let i = 1; i < characterWidth; i++) {
            // The columns a wide character covers: empty, so nothing else is drawn in them.
            if (Number.isInteger(offsetX + i) && offsetX + i >= 0) cells[offsetX + i] = { type: 'char', value: '', fullWidth: false, styles: character.styles };
          }
          offsetX += characterWidth;
        }
      }
      // Ink's rows start as `width` blank cells; a cell past them that nothing wrote is no cell at
      // all. Blanks after the last write are left out: their text is cut from the row's end anyway.
      const filled: StyledChar[] = [];
      for (let i = 0; i < cells.length; i++) {
        const cell = cells[i];
        if (cell !== undefined) filled.push(cell);
        else if (i < this.width) filled.push(SPACE);
      }
      return styledCharsToString(filled).trimEnd();
    });
  }
}
