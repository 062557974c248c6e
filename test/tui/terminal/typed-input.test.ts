import { describe, expect, it } from 'vitest';
import { typedParts } from '../../../src/tui/terminal/typed-input.js';

describe('typedParts', () => {
  it('keeps plain text as one piece, tabs as four spaces', () => {
    expect(typedParts('a\tb c')).toEqual([{ text: 'a    b c' }]);
  });

  it('splits out the keys that act among typed-ahead text, in order', () => {
    expect(typedParts('ab\x7fc\r\nd\rE\x08\x04')).toEqual([
      { text: 'ab' },
      { key: 'backspace' },
      { text: 'c' },
      { key: 'enter' },
      { text: 'd' },
      { key: 'enter' },
      { text: 'E' },
      { key: 'backspace' },
      { key: 'ctrl-d' },
    ]);
    expect(typedParts('x\x03')).toEqual([{ text: 'x' }, { key: 'ctrl-c' }]);
  });

  it('drops other control characters, and pieces left empty', () => {
    expect(typedParts('a\x1b\x01b')).toEqual([{ text: 'ab' }]);
    expect(typedParts('\x01')).toEqual([]);
  });
});
