import { describe, expect, it } from 'vitest';
import { stripTerminalControls, TerminalTextFilter } from '../../src/run/terminal-text.js';

describe('stripTerminalControls', () => {
  it.each([
    ['colours vanish whole', '\x1b[1;31mred\x1b[0m', 'red'],
    ['a window title (OSC, BEL)', '\x1b]0;owned\x07ok', 'ok'],
    ['a hyperlink (OSC, ST) keeps its text', '\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\', 'link'],
    ['cursor moves and screen clears', '\x1b[2J\x1b[H\x1b[10;20Hhi\x1b[?25l', 'hi'],
    ['8-bit CSI', '\x9b2Jok', 'ok'],
    ['charset and keypad escapes', '\x1b(Bok\x1b=\x1b7', 'ok'],
    ['other controls, tabs and newlines kept', 'a\x00b\x07c\td\x7f\n', 'abc\td\n'],
    ['line endings', 'a\r\nb\rc', 'a\nb\nc'],
  ])('%s', (_name, input, output) => {
    expect(stripTerminalControls(input)).toBe(output);
  });
});

describe('TerminalTextFilter', () => {
  const through = (...chunks: string[]): string[] => {
    const f = new TerminalTextFilter();
    return [...chunks.map((c) => f.push(c)), f.end()];
  };

  it.each([
    ['a CSI cut after ESC [', ['a\x1b[3', '1mB\x1b[0m\n'], 'aB\n'],
    ['a CSI cut after ESC', ['a\x1b', '[31mB'], 'aB'],
    ['an OSC cut in its text', ['x\x1b]0;ti', 'tle\x07y'], 'xy'],
    ['an OSC cut inside its ST', ['x\x1b]0;title\x1b', '\\y'], 'xy'],
    ['a CRLF cut in two', ['line\r', '\nnext'], 'line\nnext'],
  ])('holds back %s until it is complete', (_name, chunks, output) => {
    expect(through(...chunks).join('')).toBe(output);
  });

  it('passes plain text straight through', () => {
    expect(through('plain', ' text')).toEqual(['plain', ' text', '']);
  });

  it('lets an unfinished sequence go at the end of the stream, without its ESC', () => {
    expect(through('ok\x1b[').join('')).toBe('ok[');
  });

  it('does not hold back more than 4 KiB for a sequence that never ends', () => {
    const f = new TerminalTextFilter();
    f.push('\x1b]0;');
    expect(f.push('x'.repeat(5000)).length).toBeGreaterThan(4000);
  });
});
