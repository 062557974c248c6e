import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../../src/app/import/check-files.js';
import { EngramError } from '../../../src/model/engram-error.js';
import { tempDir } from '../../helpers/temp-dir.js';

describe('checkFiles', () => {
  it('reports every file and missing path with its cards and problems, and counts errors and warnings', () => {
    const dir = realpathSync(tempDir('engram-check-'));
    writeFileSync(join(dir, 'err.md'), 'Q: What is one?\nA: 1\n\nA: an orphan answer\n');
    writeFileSync(join(dir, 'warn.md'), 'Q: What is two?\nA: 2\n\nx??\n');
    mkdirSync(join(dir, 'ok'));
    writeFileSync(join(dir, 'ok', 'clean.md'), 'Three::3\n\nFour::4\n');
    const progress: [number, number][] = [];
    const summary = checkFiles(['.', 'nope.md'], { cwd: dir, progress: (done, total) => progress.push([done, total]) });
    expect(summary.reports.map((r) => [r.path, r.deck, r.cards, r.problems.map((p) => [p.line, p.severity])])).toEqual([
      ['nope.md', null, 0, [[0, 'error']]],
      [join(dir, 'err.md'), 'err', 1, [[4, 'error']]],
      [join(dir, 'ok', 'clean.md'), 'ok/clean', 2, []],
      [join(dir, 'warn.md'), 'warn', 1, [[4, 'warning']]],
    ]);
    expect([summary.cards, summary.errors, summary.warnings]).toEqual([4, 2, 1]);
    expect(progress).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('refuses paths that hold no card file', () => {
    const dir = tempDir('engram-check-');
    expect(() => checkFiles(['.'], { cwd: dir })).toThrow(new EngramError('notFound', 'no card files (.md, .markdown, .txt) found in ..'));
  });
});
