import { describe, expect, it } from 'vitest';
import {
  MAX_MARKDOWN_LENGTH,
  needsPlainFallback,
  plainFallbackReason,
  renderPlainText,
} from '../../../src/tui/markdown/plain-fallback.js';
import { lineWidth } from '../../../src/tui/markdown/styled-line.js';
import { plain, render, renderPlain } from './helpers.js';

describe('when to fall back to plain text', () => {
  it('parses ordinary cards', () => {
    expect(plainFallbackReason('# Title\n\n- a\n  - b\n\n> quote\n\n```js\nx\n```')).toBeUndefined();
    expect(plainFallbackReason('x'.repeat(MAX_MARKDOWN_LENGTH))).toBeUndefined();
  });

  it('skips text longer than 20,000 characters', () => {
    expect(plainFallbackReason('x'.repeat(MAX_MARKDOWN_LENGTH + 1))).toBe('too long');
  });

  it('skips lines indented more than 40 columns, tabs counting to the next multiple of four', () => {
    expect(plainFallbackReason(`x\n${' '.repeat(40)}y`)).toBeUndefined();
    expect(plainFallbackReason(`x\n${' '.repeat(41)}y`)).toBe('deep indentation');
    expect(plainFallbackReason(`x\n${'\t'.repeat(11)}y`)).toBe('deep indentation');
    // Lines of nothing but blanks are blank lines, not indentation.
    expect(plainFallbackReason(`x\n${' '.repeat(100)}\ny`)).toBeUndefined();
  });

  it('skips lines opening more than 16 quotes or lists', () => {
    expect(plainFallbackReason(`${'>'.repeat(16)} x`)).toBeUndefined();
    expect(plainFallbackReason(`${'>'.repeat(17)} x`)).toBe('deep nesting');
    expect(plainFallbackReason(`${'> '.repeat(17)}x`)).toBe('deep nesting');
    expect(plainFallbackReason(`${'- '.repeat(17)}x`)).toBe('deep nesting');
    expect(plainFallbackReason(`${'1. '.repeat(9)}${'* > '.repeat(4)}x`)).toBe('deep nesting');
    expect(plainFallbackReason(`${'- '.repeat(16)}x`)).toBeUndefined();
    expect(plainFallbackReason(`${'-'.repeat(40)} x`)).toBeUndefined();
  });

  it('skips text with hundreds of setext underlines', () => {
    expect(plainFallbackReason('a\n===\n\n'.repeat(200))).toBeUndefined();
    expect(plainFallbackReason('a\n===\n\n'.repeat(201))).toBe('too many setext underlines');
  });

  it('skips paragraphs with hundreds of emphasis delimiters, not counting snake_case or a * b', () => {
    expect(plainFallbackReason('*a '.repeat(300))).toBe('too many emphasis delimiters');
    expect(plainFallbackReason('*a _'.repeat(100) + 'x' + '_ a*'.repeat(100))).toBe('too many emphasis delimiters');
    expect(plainFallbackReason('**a** and\n\n'.repeat(300))).toBeUndefined();
    expect(plainFallbackReason('snake_case_name '.repeat(300))).toBeUndefined();
    expect(plainFallbackReason('a * b '.repeat(300))).toBeUndefined();
  });
});

describe('plain rendering', () => {
  it('shows a 30,000-character card as wrapped text with its markdown left as it is', { timeout: 5_000 }, () => {
    const md = `# Big **card**\n\n${'word '.repeat(6000)}`;
    expect(md.length).toBeGreaterThan(30_000);
    expect(needsPlainFallback(md)).toBe(true);
    const { lines, images } = render(md, 20);
    expect(lines[0]).toEqual([{ text: '# Big **card**' }]);
    expect(lines[1]).toEqual([]);
    expect(plain(lines.slice(2))).toEqual(Array<string>(1500).fill('word word word word'));
    expect(images).toEqual([]);
    expect(lines.flat().some((seg) => seg.bold)).toBe(false);
  });

  // remark needs seconds for these and can overflow the stack; the timeout catches a missing guard.
  it('shows a list nested 3,000 levels on one line without parsing it', { timeout: 5_000 }, () => {
    const md = `${'- '.repeat(3000)}deep`;
    expect(plainFallbackReason(md)).toBe('deep nesting');
    const lines = renderPlain(md, 40);
    expect(lines).toHaveLength(151);
    expect(lines[0]).toBe('- '.repeat(20).trimEnd());
    expect(lines[149]).toBe('- '.repeat(20).trimEnd());
    expect(lines[150]).toBe('deep');
  });

  it('shows a list nested 3,000 levels by indentation with the indentation capped', { timeout: 5_000 }, () => {
    const md = Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
    const lines = renderPlain(md, 40);
    expect(lines).toHaveLength(3000);
    expect(lines.slice(0, 3)).toEqual(['- item 0', '- item 1', '    - item 2']);
    expect(lines[2999]).toBe(`${' '.repeat(20)}- item 2999`);
  });

  it('shows 3,000 nested quotes without parsing them', { timeout: 5_000 }, () => {
    expect(plainFallbackReason(`${'>'.repeat(3000)} quoted`)).toBe('deep nesting');
    const lines = renderPlain(`${'>'.repeat(3000)} quoted`, 80);
    // 3,000 cells of '>' make 37 full lines and 40 left over, which 'quoted' joins.
    expect(lines).toHaveLength(38);
    expect(lines[0]).toBe('>'.repeat(80));
    expect(lines[37]).toBe(`${'>'.repeat(40)} quoted`);
  });

  it('keeps code-looking lines as they are, breaking only lines that are too wide', () => {
    const text = [
      'Some prose that wraps at the width.',
      '',
      '```',
      'let a = 1;   ',
      '\treturn "long code line here";',
      '```',
      '    indented code',
    ].join('\n');
    expect(plain(renderPlainText(text, 20))).toEqual([
      'Some prose that',
      'wraps at the width.',
      '',
      '```',
      'let a = 1;',
      '    return "long cod',
      '↪ e line here";',
      '```',
      '    indented code',
    ]);
  });

  it('collapses runs of blank lines and drops them at both ends', () => {
    expect(plain(renderPlainText('\n\na\n\n\n\nb\n\n', 10))).toEqual(['a', '', 'b']);
  });

  it('stays within the width', () => {
    const text = `${'x'.repeat(500)}\n${'\t'.repeat(30)}code\n${'日本'.repeat(100)}`;
    for (const width of [10, 33, 80]) {
      for (const line of renderPlainText(text, width)) expect(lineWidth(line)).toBeLessThanOrEqual(width);
    }
  });
});
