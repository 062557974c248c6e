import { describe, expect, it } from 'vitest';
import { answerBoxKey, typedInto, type AnswerBox } from '../../../src/tui/terminal/answer-box-keys.js';

function box(text: string, multiline: boolean): AnswerBox & { done: string[] } {
  const done: string[] = [];
  return { text, multiline, done, submit: () => done.push('submit'), type: (t) => done.push(`type:${JSON.stringify(t)}`), erase: () => done.push('erase') };
}

describe('answerBoxKey', () => {
  it('enter adds a line to a prediction and hands it in on an empty line; a typed answer goes at once', () => {
    const cases: [string, boolean, string[]][] = [
      ['', true, ['type:"\\n"']],
      ['a', true, ['type:"\\n"']],
      ['a\n', true, ['submit']],
      ['a\nb', true, ['type:"\\n"']],
      ['', false, ['submit']],
      ['Paris', false, ['submit']],
    ];
    for (const [text, multiline, expected] of cases) {
      const b = box(text, multiline);
      expect(answerBoxKey({ kind: 'typing-enter' }, b)).toBe(true);
      expect(b.done, JSON.stringify(text)).toEqual(expected);
    }
  });

  it('ctrl-d hands in and backspace erases; other keys are not the box’s, and with no box its keys do nothing', () => {
    const b = box('a', true);
    expect(answerBoxKey({ kind: 'submit' }, b)).toBe(true);
    expect(answerBoxKey({ kind: 'erase' }, b)).toBe(true);
    expect(answerBoxKey({ kind: 'reveal' }, b)).toBe(false);
    expect(b.done).toEqual(['submit', 'erase']);
    expect(answerBoxKey({ kind: 'typing-enter' }, null)).toBe(true);
    expect(answerBoxKey({ kind: 'submit' }, null)).toBe(true);
  });
});

describe('typedInto', () => {
  it('drops spaces and tabs typed into an empty box, keeps every space after the first character', () => {
    expect([typedInto('', ' '), typedInto('', ' \t Paris'), typedInto('', '\n  x'), typedInto('a', '  b'), typedInto('a\n', '   1 a')]).toEqual(['', 'Paris', '\n  x', 'a  b', 'a\n   1 a']);
  });
});
