/** Control characters that, arriving in a run of typed-ahead text, are keys of their own. */
const CONTROL_KEYS: Record<string, string> = { '\r\n': 'enter', '\r': 'enter', '\n': 'enter', '\x04': 'ctrl-d', '\x03': 'ctrl-c', '\x7f': 'backspace', '\x08': 'backspace' };
const CONTROL_RE = /(\r\n|\r|\n|\x04|\x03|\x7f|\x08)/;

/** A piece of one read from the terminal into an answer box: a key that acts, or text to type in. */
export type TypedPart = { key: string } | { text: string };

/**
 * One read of typed-ahead or pasted text split into what the answer box does
 * with it, in order: text (tabs as four spaces, other control characters
 * dropped) and the keys among it (enter, backspace, ctrl-d, ctrl-c), which
 * still act: "ab\x7fc" types "ab", erases, types "c".
 */
export function typedParts(input: string): TypedPart[] {
  const parts: TypedPart[] = [];
  for (const piece of input.split(CONTROL_RE)) {
    const key = CONTROL_KEYS[piece];
    if (key) parts.push({ key });
    else if (piece !== '') {
      const text = piece.replace(/\t/g, '    ').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');
      if (text !== '') parts.push({ text });
    }
  }
  return parts;
}
