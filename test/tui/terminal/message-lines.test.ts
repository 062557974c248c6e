import { describe, expect, it } from 'vitest';
import { messageLines } from '../../../src/tui/terminal/message-lines.js';

const NO_OPENER = 'No program to open files was found (tried xdg-open, gio open); the image is notes/img/saturn.png.';

describe('the message line', () => {
  it('is one blank row without a message, and one row for a message that fits', () => {
    expect(messageLines(null, 39, 7)).toEqual([' ']);
    expect(messageLines('Buried until tomorrow.', 39, 7)).toEqual(['Buried until tomorrow.']);
  });

  it('wraps a long message at 40 columns over up to three rows, the path whole', () => {
    expect(messageLines(NO_OPENER, 39, 7)).toEqual([
      'No program to open files was found',
      '(tried xdg-open, gio open); the image',
      'is notes/img/saturn.png.',
    ]);
  });

  it('leaves the body three rows: with less room it wraps over fewer and ends in an ellipsis', () => {
    expect(messageLines(NO_OPENER, 39, 5)).toEqual(['No program to open files was found', '(tried xdg-open, gio open); the image…']);
    expect(messageLines(NO_OPENER, 39, 3)).toEqual(['No program to open files was found…']);
  });

  it('cuts a message longer than three rows after the third', () => {
    const lines = messageLines(`${NO_OPENER} ${NO_OPENER}`, 39, 20);
    expect(lines).toHaveLength(3);
    expect(lines[2]!.endsWith('…')).toBe(true);
  });
});
