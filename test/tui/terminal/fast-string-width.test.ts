import { Box, Text } from 'ink';
import { render } from 'ink-testing-library';
import { createElement } from 'react';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import stringWidth from '../../../src/tui/terminal/fast-string-width.js';

// The bundle swaps string-width for the fast version, and vitest.config.ts does
// the same, so a plain `import 'string-width'` here would get the fast one too.
// The real package is imported by its file, a path the alias does not match.
const realPath = createRequire(import.meta.url).resolve('string-width');
const { default: realStringWidth } = (await import(pathToFileURL(realPath).href)) as typeof import('string-width');

// It must agree with the real package where flashcards live.
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

/** Man, woman and girl joined by zero-width joiners: one glyph, two cells. */
const FAMILY = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';

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

  // The one known difference, which also shows these tests compare two different functions.
  it('counts emoji joined by zero-width joiners per part, where the real package counts one glyph', () => {
    expect(realStringWidth(FAMILY)).toBe(2);
    expect(stringWidth(FAMILY)).toBe(6);
  });
});

describe('Ink under vitest', () => {
  // Screen tests must measure text as the shipped bundle does.
  it('truncates with the fast width, as in the bundle', () => {
    const r = render(createElement(Box, { width: 5 }, createElement(Text, { wrap: 'truncate' }, `${FAMILY}abc`)));
    expect(r.lastFrame()).toBe(`${FAMILY}ab…`);
    r.unmount();
  });

  it('wraps with the fast width, as in the bundle', () => {
    const r = render(createElement(Box, { width: 5 }, createElement(Text, null, `${FAMILY}abc`)));
    expect(r.lastFrame()).toBe('\u{1F468}\u200D\u{1F469}\u200D\n\u{1F467}abc');
    r.unmount();
  });
});
