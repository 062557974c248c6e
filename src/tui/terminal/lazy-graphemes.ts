/**
 * A stand-in for `new Intl.Segmenter(undefined, { granularity: 'grapheme' })`
 * that costs nothing to create and needs no Intl for the text of most frames.
 *
 * Ink's text tokenizers (@alcalzone/ansi-tokenize, slice-ansi) each create a
 * grapheme segmenter when their module loads. The first Intl object of a
 * process initialises ICU's locale data: about 15 ms of CPU before the review
 * screen can draw its first card, though most frames hold only ASCII and a
 * rule of box-drawing characters.
 * scripts/bundle.mjs puts this in place of those two `new Intl.Segmenter`
 * calls; test/tui/terminal/lazy-graphemes.test.ts compares it with the real one.
 */

/** One grapheme of `segment()`, with the fields the tokenizers read (as Intl gives them). */
export interface GraphemeSegment {
  segment: string;
  index: number;
  input: string;
}

/** What the tokenizers use of a segmenter's segments: iteration, and the grapheme at an index. */
export interface GraphemeSegments extends Iterable<GraphemeSegment> {
  containing(index?: number): GraphemeSegment | undefined;
}

/** What the tokenizers use of a segmenter. */
export interface GraphemeSegmenter {
  segment(input: string): GraphemeSegments;
}

/**
 * Any character outside ASCII and the blocks of single-character graphemes a
 * frame draws (Latin-1 and Latin Extended letters, spacing modifiers, dashes,
 * quotes, bullets, arrows, maths, box drawing, shapes, dingbats): none of those
 * is a combining mark, joiner, prepended or spacing mark, Hangul jamo or
 * surrogate, so between any two of them UAX #29 breaks (CR LF aside). Text with
 * any other character goes to Intl.
 */
const NOT_SIMPLE = /[^\x00-\x7f\xa0-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u27bf]/;

/**
 * A grapheme segmenter that splits simple text itself (each character is a
 * grapheme there, but for CR LF, which is one: see NOT_SIMPLE) and hands any
 * other text to a real Intl.Segmenter, created on first need.
 */
export function graphemeSegmenter(): GraphemeSegmenter {
  let intl: Intl.Segmenter | undefined;
  return {
    segment(input: string): GraphemeSegments {
      const text = String(input);
      if (NOT_SIMPLE.test(text)) return (intl ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(text);
      return new SimpleSegments(text);
    },
  };
}

/** The graphemes of simple text, as Intl.Segmenter gives them (UAX #29: each character, but CR LF is one). */
class SimpleSegments implements GraphemeSegments {
  constructor(private readonly input: string) {}

  /** The grapheme holding code unit `index` (as Intl: none outside the text). */
  containing(index = 0): GraphemeSegment | undefined {
    const at = Math.trunc(Number(index) || 0);
    if (at < 0 || at >= this.input.length) return undefined;
    const start = this.isCrLf(at - 1) ? at - 1 : at;
    return this.at(start);
  }

  *[Symbol.iterator](): Iterator<GraphemeSegment> {
    for (let i = 0; i < this.input.length; i += this.isCrLf(i) ? 2 : 1) yield this.at(i);
  }

  private at(start: number): GraphemeSegment {
    return { segment: this.isCrLf(start) ? '\r\n' : this.input[start]!, index: start, input: this.input };
  }

  private isCrLf(i: number): boolean {
    return i >= 0 && this.input.charCodeAt(i) === 13 && this.input.charCodeAt(i + 1) === 10;
  }
}
