/** A fenced code block inside a card's question or answer. */
export interface CodeBlock {
  /** Which side of the card the block is on. */
  side: 'front' | 'back';
  /** Position among all the card's blocks, front first, 0-based. */
  index: number;
  /** The fence's language, lower-cased (`java`, `js`, `output`), or '' when none. */
  lang: string;
  /** Words after the language on the fence line (`predict`, `unordered`...), lower-cased. */
  attributes: string[];
  /** The block's text, without the fences, ending without a newline. */
  code: string;
}
