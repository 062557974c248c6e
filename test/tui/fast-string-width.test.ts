import realStringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import stringWidth from '../../src/tui/fast-string-width.js';

// The review bundle swaps string-width for this; it must agree where flashcards live.
const SAMPLES = [
  '',
  'plain ascii',
  '─'.repeat(79),
  '\u001B[1mbold\u001B[0m and \u001B[32mgreen\u001B[39m',
  '日本語のテキスト',
  'Café crème',
  'e\u0301',
  '👍 done ✅',
  '☑ task ▪ item ↪ more • bullet',
  'tab\there',
  '\u001B]8;;https://example.com\u0007link\u001B]8;;\u0007',
];

describe('fast string-width', () => {
  for (const s of SAMPLES) {
    it(`agrees with string-width on ${JSON.stringify(s)}`, () => {
      expect(stringWidth(s)).toBe(realStringWidth(s));
    });
  }

  it('counts escape codes when asked to', () => {
    expect(stringWidth('\u001B[1mx\u001B[0m', { countAnsiEscapeCodes: true })).toBe(realStringWidth('\u001B[1mx\u001B[0m', { countAnsiEscapeCodes: true }));
  });

  it('widens ambiguous characters when asked to', () => {
    expect(stringWidth('±§', { ambiguousIsNarrow: false })).toBe(realStringWidth('±§', { ambiguousIsNarrow: false }));
  });
});
