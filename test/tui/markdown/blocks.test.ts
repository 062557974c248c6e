import { describe, expect, it } from 'vitest';
import { render, renderPlain } from './helpers.js';

describe('headings', () => {
  it('draws headings bold without # marks, levels 1 and 2 underlined', () => {
    expect(render('# Title\n\n## Sub\n\n### Third\n\nText').lines).toEqual([
      [{ text: 'Title', bold: true, underline: true }],
      [],
      [{ text: 'Sub', bold: true, underline: true }],
      [],
      [{ text: 'Third', bold: true }],
      [],
      [{ text: 'Text' }],
    ]);
  });

  it('wraps long headings and supports setext headings', () => {
    expect(renderPlain('A heading that is too long\n===', 12)).toEqual(['A heading', 'that is too', 'long']);
  });
});

describe('thematic break', () => {
  it('draws a dim rule across the full width', () => {
    const { lines } = render('above\n\n---\n\nbelow', 20);
    expect(lines).toEqual([[{ text: 'above' }], [], [{ text: '─'.repeat(20), dim: true }], [], [{ text: 'below' }]]);
  });
});

describe('empty input', () => {
  it('gives no lines and no images', () => {
    expect(render('')).toEqual({ lines: [], images: [] });
    expect(render('  \n\n\t\n')).toEqual({ lines: [], images: [] });
    expect(render('<!-- only a comment -->')).toEqual({ lines: [], images: [] });
  });

  it('ends without a blank line', () => {
    const { lines } = render('para\n\n\n\n');
    expect(lines).toEqual([[{ text: 'para' }]]);
  });
});

describe('footnotes', () => {
  it('shows the reference inline and the definition with its label', () => {
    expect(renderPlain('Fact.[^1]\n\n[^1]: Source of the fact.', 40)).toEqual(['Fact.[1]', '', '[1] Source of the fact.']);
  });
});
