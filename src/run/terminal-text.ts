/**
 * Whole terminal escape sequences: CSI (`ESC [ ... final`, and 8-bit CSI),
 * OSC (`ESC ] ... BEL|ST`, e.g. window titles and hyperlinks), DCS/SOS/PM/APC
 * strings, and two- or three-byte escapes (`ESC 7`, `ESC ( B`). Removing only
 * the ESC byte, as a plain control-character filter does, would leave `[31m`
 * on screen.
 */
const ESCAPE_SEQUENCE =
  /\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)|(?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c]*(?:\x1b\\|\x9c)|\x1b[ -/]*[0-OQ-WYZ\\`-~]/g;
/** The same, matched at one position. */
const SEQUENCE_AT = new RegExp(ESCAPE_SEQUENCE.source, 'y');
/** Beginnings of sequences that are not finished yet: what may still follow is held back. */
const UNFINISHED_SEQUENCE = /^(?:\x1b|(?:\x1b\[|\x9b)[0-?]*[ -/]*|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x9c]*|\x1b[ -/]+)$/;
/** C0 and C1 controls other than tab and newline, including lone ESC bytes left by broken sequences. */
const CONTROL_CHARS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** An unfinished sequence longer than this is not a sequence: let it through (its ESC is still removed). */
const LONGEST_HELD = 4096;
const INTRODUCERS = /[\x1b\x90\x98\x9b\x9d\x9e\x9f]/g;

/**
 * Returns `text` safe to draw: escape sequences removed whole, line endings
 * made `\n`, other control characters dropped and broken surrogate pairs
 * replaced by U+FFFD, so a program's output cannot move the cursor, recolour
 * the terminal or set its title.
 */
export function stripTerminalControls(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(/\r\n?/g, '\n').replace(CONTROL_CHARS, '').replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * stripTerminalControls for a stream that arrives in chunks: a sequence (or a
 * `\r\n`) cut between two chunks is held back until its end arrives, so its
 * tail never shows up as text.
 */
export class TerminalTextFilter {
  private held = '';

  /** The displayable part of everything pushed so far that was not returned yet. */
  push(chunk: string): string {
    const text = this.held + chunk;
    const cut = unfinishedTail(text);
    this.held = text.slice(cut);
    return stripTerminalControls(text.slice(0, cut));
  }

  /** Whatever is still held back, at the end of the stream. */
  end(): string {
    const rest = this.held;
    this.held = '';
    return stripTerminalControls(rest);
  }
}

/** Where an unfinished escape sequence or a final `\r` starts at the end of `text` (text.length when none). */
function unfinishedTail(text: string): number {
  INTRODUCERS.lastIndex = Math.max(0, text.length - LONGEST_HELD);
  for (let m = INTRODUCERS.exec(text); m; m = INTRODUCERS.exec(text)) {
    SEQUENCE_AT.lastIndex = m.index;
    if (SEQUENCE_AT.test(text)) {
      INTRODUCERS.lastIndex = SEQUENCE_AT.lastIndex;
      continue;
    }
    if (UNFINISHED_SEQUENCE.test(text.slice(m.index))) return m.index;
  }
  return text.endsWith('\r') ? text.length - 1 : text.length;
}
