import { eastAsianWidth } from 'get-east-asian-width';

const PLAIN_RE = /^[\x20-\x7e]*$/;
const ZERO_WIDTH_RE = /^[\p{Mn}\p{Me}\p{Cf}\u200b-\u200f\ufe00-\ufe0f]$/u;
/** Emoji drawn as emoji by default; other pictographs (☑ ▪ ↪) are one cell unless asked otherwise. */
const EMOJI_RE = /^\p{Emoji_Presentation}$/u;

/**
 * How many terminal cells `text` takes: East Asian wide and fullwidth
 * characters and emoji take two, combining marks and joiners none. (A small
 * stand-in for string-width, whose emoji tables cost ~12 ms at every start.)
 */
export function textWidth(text: string): number {
  if (PLAIN_RE.test(text)) return text.length;
  let width = 0;
  for (const ch of text) width += charWidth(ch);
  return width;
}

/** Cells taken by one code point. */
export function charWidth(ch: string): number {
  const code = ch.codePointAt(0)!;
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return 0;
  if (code < 0x7f) return 1;
  if (ZERO_WIDTH_RE.test(ch)) return 0;
  if (EMOJI_RE.test(ch) && code > 0xff) return 2;
  return eastAsianWidth(code);
}
