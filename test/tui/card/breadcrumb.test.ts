import { describe, expect, it } from 'vitest';
import { breadcrumb } from '../../../src/tui/card/breadcrumb.js';
import { textWidth } from '../../../src/tui/terminal/text-width.js';

const TITLE = 'High-Quality Flashcards: Designing-data-intensive-applications_-the-big-ideas-behind-reliable-scalable_processed (Part 24)';
const CHAPTER = ['Chapter 8 The Trouble with Distributed Systems', '8.2 Unreliable Networks', '8.2.4 Synchronous Versus Asynchronous Networks', '8.2.4.1 Can we not simply make network delays predictable?'];

describe('breadcrumb', () => {
  it('joins the headings with › when they fit', () => {
    expect(breadcrumb(['Systems', 'Caching'], null, 79)).toBe('Systems › Caching');
    expect(breadcrumb([], null, 79)).toBeNull();
  });

  it("leaves out the file's title heading, and shows nothing for a card right under it", () => {
    expect(breadcrumb([TITLE], TITLE, 79)).toBeNull();
    expect(breadcrumb([TITLE, 'Clocks'], TITLE, 79)).toBe('Clocks');
    // Only as the outermost heading: a section of the same name deeper down stays.
    expect(breadcrumb(['Intro', 'Intro'], 'Intro', 79)).toBe('Intro');
    expect(breadcrumb(['Other', 'Clocks'], TITLE, 79)).toBe('Other › Clocks');
  });

  it('cuts from the left to the innermost headings that fit, on one line', () => {
    expect(breadcrumb(CHAPTER, CHAPTER[0]!, 79)).toBe('… › 8.2.4.1 Can we not simply make network delays predictable?');
    expect(breadcrumb(CHAPTER, CHAPTER[0]!, 119)).toBe('… › 8.2.4 Synchronous Versus Asynchronous Networks › 8.2.4.1 Can we not simply make network delays predictable?');
    expect(breadcrumb(['Faults', 'Cloud Computing', 'Supercomputers'], null, 39)).toBe('… › Cloud Computing › Supercomputers');
  });

  it('cuts an innermost heading wider than the line at its end', () => {
    expect(breadcrumb(CHAPTER, CHAPTER[0]!, 39)).toBe('8.2.4.1 Can we not simply make network…');
    expect(breadcrumb([TITLE], null, 39)).toBe('High-Quality Flashcards: Designing-dat…');
  });

  it('never gives a line wider than the width, wide characters included', () => {
    const path = ['分散システム', '信頼性の低いネットワーク', 'タイムアウトと無制限の遅延'];
    for (let width = 1; width <= 80; width++) {
      const line = breadcrumb(path, null, width)!;
      expect(textWidth(line), `${width}: ${line}`).toBeLessThanOrEqual(width);
    }
    expect(breadcrumb(path, null, 40)).toBe('… › タイムアウトと無制限の遅延');
    expect(breadcrumb(path, null, 20)).toBe('タイムアウトと無制…');
  });
});
