import { describe, expect, it } from 'vitest';
import { render, renderPlain } from './helpers.js';

describe('block quotes', () => {
  it('prefixes every line with a bar, blank ones too, and repeats it for nested quotes', () => {
    const md = '> outer quote text that wraps at width\n>\n> > inner quote\n>\n> back';
    expect(renderPlain(md, 20)).toEqual([
      '│ outer quote text',
      '│ that wraps at',
      '│ width',
      '│',
      '│ │ inner quote',
      '│',
      '│ back',
    ]);
  });

  it('draws the bar dim', () => {
    expect(render('> **hi**').lines).toEqual([[{ text: '│ ', dim: true }, { text: 'hi', bold: true }]]);
    expect(render('> > a').lines).toEqual([[{ text: '│ │ ', dim: true }, { text: 'a' }]]);
  });

  it('wraps nested content to the width left inside the bars', () => {
    expect(renderPlain('> > > one two three four five', 14)).toEqual(['│ │ │ one two', '│ │ │ three', '│ │ │ four', '│ │ │ five']);
  });

  it('holds lists and code', () => {
    expect(renderPlain('> - item\n>\n> ```\n> x = 1\n> ```')).toEqual(['│ • item', '│', '│   x = 1']);
  });
});
