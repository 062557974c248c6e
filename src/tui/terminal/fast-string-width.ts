import { eastAsianWidth } from 'get-east-asian-width';
import { charWidth } from './text-width.js';

/** CSI and OSC escape sequences, as terminals read them. */
const ANSI_RE = /[\u001B\u009B](?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)|[@-Z\\-_])/g;
const PRINTABLE_ASCII_RE = /^[\x20-\x7e]*$/;

/**
 * A drop-in for the `string-width` package inside the review screen's bundle
 * (Ink and its helpers call it several times per text per frame). The package
 * segments graphemes and runs an emoji regex on each, which costs ~150 µs for a
 * 79-cell rule of `─`; this counts code points against the same Unicode tables.
 * Emoji joined by zero-width joiners count per part, a difference flashcards
 * can live with.
 */
export default function stringWidth(input: string, options: { ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean } = {}): number {
  if (typeof input !== 'string' || input.length === 0) return 0;
  const text = !options.countAnsiEscapeCodes && (input.includes('\u001B') || input.includes('\u009B')) ? input.replace(ANSI_RE, '') : input;
  if (PRINTABLE_ASCII_RE.test(text)) return text.length;
  const wideAmbiguous = options.ambiguousIsNarrow === false;
  let width = 0;
  for (const ch of text) {
    width += wideAmbiguous ? Math.max(charWidth(ch), eastAsianWidth(ch.codePointAt(0)!, { ambiguousAsWide: true })) : charWidth(ch);
  }
  return width;
}
