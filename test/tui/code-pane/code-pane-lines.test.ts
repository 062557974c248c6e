import { describe, expect, it } from 'vitest';
import type { CodeBlock } from '../../../src/model/code-block.js';
import type { Exercise } from '../../../src/check/exercise.js';
import { codePaneLines } from '../../../src/tui/code-pane/code-pane-lines.js';
import type { CheckView, RunView } from '../../../src/tui/code-pane/code-views.js';
import type { StyledLine } from '../../../src/tui/markdown/styled-line.js';
import { result } from '../review/code-fakes.js';

const JS: CodeBlock = { side: 'front', index: 0, lang: 'js', attributes: [], code: 'console.log(1 + 1)' };
const PY: CodeBlock = { side: 'back', index: 1, lang: 'python', attributes: [], code: '\nprint("second")\nprint("third")' };
const PREDICT: Extract<Exercise, { kind: 'predict' }> = { kind: 'predict', block: JS, expected: null, unordered: false };
const TYPED: Extract<Exercise, { kind: 'typed' }> = { kind: 'typed', expected: 'the city of Paris' };

const plain = (lines: readonly StyledLine[]): string[] => lines.map((l) => l.map((s) => s.text).join(''));
const text = (run: RunView | null, check: CheckView | null, width = 60): string[] => plain(codePaneLines(run, check, width).lines);

describe('codePaneLines: the answer box', () => {
  it('is empty, and follows nothing, with neither a box nor a run', () => {
    expect(codePaneLines(null, null, 60)).toEqual({ lines: [], follow: false });
  });

  it('shows a prediction being typed, line by line, and follows it', () => {
    const pane = codePaneLines(null, { step: 'typing', exercise: PREDICT, text: '2\n3' }, 60);
    expect(plain(pane.lines)).toEqual(['Predict the output:', '› 2', '› 3']);
    expect(pane.lines[0]!.every((s) => s.dim)).toBe(true);
    expect(pane.follow).toBe(true);
  });

  it('asks for a typed answer', () => {
    expect(text(null, { step: 'typing', exercise: TYPED, text: '' })).toEqual(['Type the answer:', '›']);
  });

  it('says the code runs to check a prediction', () => {
    expect(text(null, { step: 'waiting', exercise: PREDICT, given: '2' })).toEqual(['Running the code to check your prediction…']);
  });

  it('a right prediction: the verdict and the suggested grade, no diff', () => {
    const check: CheckView = { step: 'checked', exercise: PREDICT, given: '2', correct: true, lines: [{ op: 'same', text: '2' }], words: null, suggested: 3, note: null };
    expect(text(null, check)).toEqual(['✓ Right  suggested: 3 Good (enter) · 1-4 to choose']);
  });

  it('a wrong prediction: the verdict, what the marks mean, and the line diff', () => {
    const check: CheckView = {
      step: 'checked',
      exercise: PREDICT,
      given: '1\n5',
      correct: false,
      lines: [
        { op: 'same', text: '1' },
        { op: 'extra', text: '5' },
        { op: 'missing', text: '      2 a' },
      ],
      words: null,
      suggested: 1,
      note: 'The program exited with code 1; only its standard output is compared.',
    };
    expect(text(null, check, 80)).toEqual([
      '✗ Not quite  suggested: 1 Again · press 1 for it, 2-4 if you knew it',
      '- your line not in the output   + output line you did not predict',
      '  1',
      '- 5',
      '+       2 a',
      'The program exited with code 1; only its standard output is compared.',
    ]);
  });

  it('a nearly right typed answer: the word diff with what was missing and what was extra', () => {
    const check: CheckView = {
      step: 'checked',
      exercise: TYPED,
      given: 'the town Paris',
      correct: false,
      lines: null,
      words: [
        { op: 'same', text: 'the' },
        { op: 'extra', text: 'town' },
        { op: 'missing', text: 'city' },
        { op: 'missing', text: 'of' },
        { op: 'same', text: 'Paris' },
      ],
      suggested: 2,
      note: null,
    };
    const pane = codePaneLines(null, check, 60);
    expect(plain(pane.lines)).toEqual(['✗ Not quite  suggested: 2 Hard (enter) · 1-4 to choose', 'the -town +city +of Paris']);
    expect(pane.lines[1]!.find((s) => s.text === '-town')).toMatchObject({ strikethrough: true });
    expect(pane.lines[1]!.find((s) => s.text === '+city')).toMatchObject({ underline: true });
    expect(pane.follow).toBe(false);
  });

  it('an unchecked answer: no suggestion but the digits, what was said, and why', () => {
    const check: CheckView = { step: 'checked', exercise: PREDICT, given: '2', correct: false, lines: null, words: null, suggested: null, note: 'Not run: deck "code" is not trusted.' };
    expect(text(null, check)).toEqual(['? Not checked  grade it: 1-4', 'You said: 2', 'Not run: deck "code" is not trusted.']);
  });
});

describe('codePaneLines: the run', () => {
  it('lists the blocks to choose from by number, language and first line', () => {
    expect(text({ step: 'choose', blocks: [JS, PY], purpose: 'show' }, null)).toEqual(['Which block? 1-9 runs it · esc cancels', '1 js  console.log(1 + 1)', '2 python  print("second")']);
  });

  it('asks whether to trust the deck, its name cleaned of control characters', () => {
    expect(text({ step: 'trust', block: JS, deck: 'co\u001bde', purpose: 'show' }, null, 200)).toEqual([
      'Deck "code" is not trusted: its code has not run here before, or it changed since. Run this js block? y once · a trust the deck · n no',
    ]);
  });

  it('streams the output of a running block and follows its end', () => {
    const pane = codePaneLines({ step: 'running', id: 1, block: JS, purpose: 'show', output: 'tick\ntock\n' }, null, 60);
    expect(plain(pane.lines)).toEqual(['▶ running js…  esc stops it', 'tick', 'tock']);
    expect(pane.follow).toBe(true);
  });

  it('ends a finished run with its status: exit code and time, or seconds past one', () => {
    expect(text({ step: 'finished', id: 1, block: JS, purpose: 'show', output: 'hi\n', result: result({ stdout: 'hi\n' }) }, null)).toEqual([
      'hi',
      '✓ exit 0 · 12 ms  r runs again · esc closes',
    ]);
    expect(text({ step: 'finished', id: 1, block: JS, purpose: 'show', output: '', result: result({ exit: 3, ms: 2_340, stderr: 'boom\n' }) }, null)).toEqual([
      'boom',
      '✗ exit 3 · 2.3 s  r runs again · esc closes',
    ]);
  });

  it('says when a run printed nothing, was cut at the limit, or ran without a sandbox', () => {
    expect(text({ step: 'finished', id: 1, block: JS, purpose: 'show', output: '', result: result({ sandbox: 'none' }) }, null)).toEqual([
      '(no output)',
      '✓ exit 0 · 12 ms  unsandboxed  r runs again · esc closes',
    ]);
    expect(text({ step: 'finished', id: 1, block: JS, purpose: 'show', output: 'yyyy\n', result: result({ truncated: true }) }, null)).toEqual([
      'yyyy',
      '… output cut at the limit',
      '✓ exit 0 · 12 ms  r runs again · esc closes',
    ]);
  });

  it('says a stopped run was stopped, and why another did not run', () => {
    expect(text({ step: 'finished', id: 1, block: JS, purpose: 'show', output: 'tick\n', result: result({ reason: 'cancelled', exit: null, signal: 'SIGKILL' }) }, null)).toEqual([
      'tick',
      '■ stopped  r runs again · esc closes',
    ]);
    expect(text({ step: 'finished', id: 1, block: JS, purpose: 'show', output: '', result: result({ reason: 'not-runnable', exit: null, message: 'could not run: no node' }) }, null)).toEqual([
      '■ could not run: no node  r runs again · esc closes',
    ]);
  });

  it('puts the run under a checked answer, a blank line between, and then reads from the top', () => {
    const check: CheckView = { step: 'checked', exercise: PREDICT, given: '2', correct: true, lines: [{ op: 'same', text: '2' }], words: null, suggested: 3, note: null };
    const pane = codePaneLines({ step: 'finished', id: 1, block: JS, purpose: 'predict', output: '2\n', result: result({ stdout: '2\n' }) }, check, 60);
    expect(plain(pane.lines)).toEqual(['✓ Right  suggested: 3 Good (enter) · 1-4 to choose', '', '2', '✓ exit 0 · 12 ms  r runs again · esc closes']);
    expect(pane.follow).toBe(false);
  });
});
