import { Chalk } from 'chalk';
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import FastOutput from '../../../src/tui/terminal/fast-output.js';

// The bundle and vitest.config.ts give Ink's renderer the fast Output; Ink's
// own is imported here by its file, a path the redirect does not match.
const inkDir = dirname(createRequire(import.meta.url).resolve('ink'));
const { default: InkOutput } = (await import(pathToFileURL(join(inkDir, 'output.js')).href)) as {
  default: new (o: { width: number; height: number }) => OutputLike;
};

interface OutputLike {
  write(x: number, y: number, text: string, options: { transformers: ((s: string, i: number) => string)[] }): void;
  clip(clip: { x1?: number; x2?: number; y1?: number; y2?: number }): void;
  unclip(): void;
  get(): { output: string; height: number };
}

const chalk = new Chalk({ level: 1 });

/** The texts a screen writes: plain, styled, wide, several lines, blank. */
const TEXTS = [
  'New 12  Learn 3  Due 40  0:07',
  '─'.repeat(30),
  chalk.bold('Deck') + ' / ' + chalk.dim('notes'),
  chalk.inverse(' 3 ') + chalk.green('Good') + ' 4d',
  '日本語のテキスト',
  '👍 done ✅',
  'two\nlines',
  chalk.red('red\nacross lines'),
  ' ',
  'e\u0301 café',
  'Question 7: why does the leader fence writes?',
  'ab  cd  ',
];

type Op = { kind: 'write'; x: number; y: number; text: number; upper: boolean } | { kind: 'clip'; x1: number; x2: number; y1: number; y2: number } | { kind: 'unclip' };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('write' as const), x: fc.integer({ min: -2, max: 45 }), y: fc.integer({ min: -2, max: 9 }), text: fc.nat(TEXTS.length - 1), upper: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('clip' as const), x1: fc.integer({ min: 0, max: 20 }), x2: fc.integer({ min: 5, max: 45 }), y1: fc.integer({ min: 0, max: 4 }), y2: fc.integer({ min: 2, max: 8 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'unclip' as const }) },
);

/** Draws the same operations on a fresh output of each kind. */
function draw(make: (o: { width: number; height: number }) => OutputLike, width: number, height: number, ops: Op[]): string {
  const out = make({ width, height });
  for (const o of ops) {
    if (o.kind === 'write') out.write(o.x, o.y, TEXTS[o.text]!, { transformers: o.upper ? [(s, i) => (i === 0 ? s.toUpperCase() : s)] : [] });
    else if (o.kind === 'clip') out.clip({ x1: o.x1, x2: o.x2, y1: o.y1, y2: o.y2 });
    else out.unclip();
  }
  const { output, height: h } = out.get();
  return `${h}|${output}`;
}

describe('fast Output', () => {
  it('gives Ink’s text for random frames of writes, clips and transforms', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 8 }), fc.array(op, { maxLength: 25 }), (width, height, ops) => {
        const ink = draw((o) => new InkOutput(o), width, height, ops);
        // Twice: the second frame comes from the row cache.
        expect(draw((o) => new FastOutput(o), width, height, ops)).toBe(ink);
        expect(draw((o) => new FastOutput(o), width, height, ops)).toBe(ink);
      }),
      { seed: 20, numRuns: 2000 },
    );
  });

  it('draws a header with a gap, a rule and blank rows', () => {
    const out = new FastOutput({ width: 20, height: 4 });
    out.write(0, 0, 'Deck', { transformers: [] });
    out.write(14, 0, chalk.bold('Due 3'), { transformers: [] });
    out.write(0, 1, '─'.repeat(19), { transformers: [] });
    out.write(0, 3, 'end  ', { transformers: [] });
    expect(out.get()).toEqual({ output: `Deck          \u001B[1mDue 3\u001B[22m\n${'─'.repeat(19)}\n\nend`, height: 4 });
  });

  it('draws plain rows as Ink does: a gap filled, a later write covering an earlier one, trailing blanks cut', () => {
    const out = new FastOutput({ width: 20, height: 3 });
    out.write(0, 0, 'left', { transformers: [] });
    out.write(10, 0, 'right  ', { transformers: [] });
    out.write(0, 1, 'abcdefgh', { transformers: [] });
    out.write(2, 1, 'XY', { transformers: [] });
    out.write(3, 2, 'indented', { transformers: [] });
    expect(out.get()).toEqual({ output: 'left      right\nabXYefgh\n   indented', height: 3 });
  });

  it('lets a later write cover an earlier one, and a wide character blank the cell it covers', () => {
    const out = new FastOutput({ width: 10, height: 1 });
    out.write(0, 0, 'abcdefgh', { transformers: [] });
    out.write(2, 0, '日X', { transformers: [] });
    expect(out.get().output).toBe('ab日Xfgh');
  });
});
