import { describe, expect, it } from 'vitest';
import { keysLabel, modeNote, QUIZ_HELP_BINDINGS, quizModeNote, REVIEW_HELP_BINDINGS, type KeyBinding } from '../../../src/tui/key-table.js';
import { keyHelpLines, keyHelpWindow, type HelpLine } from '../../../src/tui/terminal/key-help-lines.js';
import { textWidth } from '../../../src/tui/terminal/text-width.js';

const text = (line: HelpLine): string => line.map((r) => r.text).join('');
const texts = (lines: readonly HelpLine[]): string[] => lines.map(text);

const QUIT: KeyBinding = { keys: ['q', 'escape', 'ctrl-c'], intent: { kind: 'quit' }, phases: ['question', 'answer'], help: 'quit (everything answered is saved)' };
const GRADE: KeyBinding = { keys: ['3'], intent: { kind: 'grade', grade: 3 }, phases: ['answer'], help: 'Good: recalled' };

describe('keyHelpLines', () => {
  it('puts the keys beside their help where both fit, the note dim after two spaces', () => {
    const lines = keyHelpLines([GRADE, QUIT], modeNote, 79);
    expect(texts(lines)).toEqual(['3                    Good: recalled  (after the answer shows)', 'q / escape / ctrl-c  quit (everything answered is saved)']);
    expect(lines[0]).toEqual([
      { text: '3                    ', style: 'key' },
      { text: 'Good: recalled', style: 'help' },
      { text: '  (after the answer shows)', style: 'note' },
    ]);
  });

  it('wraps a long description under its own indent, never past the width', () => {
    const long: KeyBinding = { ...QUIT, help: 'quit the review now; everything answered so far is saved and the next review carries on' };
    expect(texts(keyHelpLines([long], modeNote, 60))).toEqual([
      'q / escape / ctrl-c  quit the review now; everything',
      '                     answered so far is saved and the next',
      '                     review carries on',
    ]);
  });

  it('puts the keys above their description when the two do not fit side by side (40 columns)', () => {
    expect(texts(keyHelpLines([GRADE, QUIT], modeNote, 39))).toEqual([
      '3',
      '  Good: recalled  (after the answer',
      '  shows)',
      'q / escape / ctrl-c',
      '  quit (everything answered is saved)',
    ]);
  });

  it('cuts a word longer than the line into pieces', () => {
    const odd: KeyBinding = { ...GRADE, help: 'x'.repeat(30) };
    expect(texts(keyHelpLines([odd], () => '', 20))).toEqual(['3', `  ${'x'.repeat(18)}`, `  ${'x'.repeat(12)}`]);
  });

  for (const [name, bindings, note] of [
    ['review', REVIEW_HELP_BINDINGS, modeNote],
    ['quiz', QUIZ_HELP_BINDINGS, quizModeNote],
  ] as const) {
    it(`keeps every word of the ${name} list within every width from 20 to 200`, () => {
      const words = bindings.flatMap((b) => [...keysLabel(b).split(/\s+/), ...`${b.help}${note(b)}`.split(/\s+/).filter(Boolean)]);
      for (let width = 20; width <= 200; width++) {
        const lines = keyHelpLines(bindings, note, width);
        for (const line of lines) expect(textWidth(text(line)), `${name} at ${width}: "${text(line)}"`).toBeLessThanOrEqual(width);
        expect(texts(lines).join(' ').split(/\s+/).filter(Boolean)).toEqual(words);
      }
    });
  }
});

describe('keyHelpWindow', () => {
  it('gives the lines a body less its title and foot, and counts what is above and below', () => {
    expect(keyHelpWindow(30, 7, 0)).toEqual({ first: 0, rows: 5, above: 0, below: 25, maxScroll: 25 });
    expect(keyHelpWindow(30, 7, 10)).toEqual({ first: 10, rows: 5, above: 10, below: 15, maxScroll: 25 });
    expect(keyHelpWindow(30, 7, 99)).toEqual({ first: 25, rows: 5, above: 25, below: 0, maxScroll: 25 });
    expect(keyHelpWindow(30, 40, 3)).toEqual({ first: 0, rows: 38, above: 0, below: 0, maxScroll: 0 });
  });
});
