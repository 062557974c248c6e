/**
 * C0 and C1 control characters other than tab and newline. ESC (0x1b) and
 * the 8-bit CSI (0x9b) among them would let a card file send escape
 * sequences to the terminal; none of them has a width to measure.
 */
const CONTROL_CHARS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/** Half of a surrogate pair without the other half: not a character, so it cannot be measured or drawn. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Returns `text` with line endings turned into `\n`, control characters
 * (escape sequences included) removed and broken surrogate pairs replaced
 * by U+FFFD, so nothing that reaches the output can move the cursor or
 * change the terminal's colours.
 */
export function sanitizeText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL_CHARS, '').replace(LONE_SURROGATE, '\uFFFD');
}
