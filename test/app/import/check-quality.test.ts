import { realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkQuality } from '../../../src/app/import/check-quality.js';
import { EngramError } from '../../../src/model/engram-error.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** cards.md: a good card (1), a vague label (4), a card about the document (6); copy.md repeats the good card; notes.md holds no card. */
function writeInputs(): string {
  const dir = realpathSync(tempDir('engram-quality-'));
  writeFileSync(
    join(dir, 'cards.md'),
    [
      'Q: What does a fencing token prevent?', // 1
      'A: Writes from a client whose lease has expired.', // 2
      '',
      'Other Reasons::Besides garbage collection, a virtual machine can be suspended.', // 4
      '',
      'C: We will discuss [consensus] in Chapter 10.', // 6
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'copy.md'), 'Q: What does a fencing token prevent?\nA: Writes from a client whose lease has expired.\n');
  writeFileSync(
    join(dir, 'notes.md'),
    '# Clocks\n\n- **Monotonic clock:** a clock that only moves forward, for measuring how long something took.\n- **Time-of-day clock:** a clock that returns the date and time by some calendar.\n',
  );
  return dir;
}

describe('checkQuality', () => {
  it('reports each rule a card breaks and each duplicate across files, in path and line order, with counts per rule', () => {
    const dir = writeInputs();
    const summary = checkQuality(['cards.md', 'copy.md'], { cwd: dir });
    expect(summary.files).toEqual([
      { path: join(dir, 'cards.md'), cards: 3 },
      { path: join(dir, 'copy.md'), cards: 1 },
    ]);
    expect(summary.cards).toBe(4);
    expect(summary.findings.map((f) => [f.path.slice(dir.length + 1), f.line, f.rule, f.derived, f.duplicateOf ?? null])).toEqual([
      ['cards.md', 4, 'label-front', false, null],
      ['cards.md', 6, 'about-the-document', false, null],
      ['copy.md', 1, 'duplicate', false, { path: join(dir, 'cards.md'), line: 1, similarity: 1, exact: true }],
    ]);
    expect(summary.findings[0]).toEqual({
      path: join(dir, 'cards.md'),
      line: 4,
      front: 'Other Reasons',
      kind: 'basic',
      derived: false,
      rule: 'label-front',
      message: 'the front "Other Reasons" is a vague label: it names nothing a learner could look up',
      fix: 'Ask a question that names its subject, or drop the card',
    });
    expect(summary.byRule).toEqual({
      'label-front': 1,
      'not-a-question': 0,
      'multi-fact-answer': 0,
      'stress-cloze': 0,
      'alias-cloze': 0,
      'unresolved-reference': 0,
      'about-the-document': 1,
      'answer-restates-front': 0,
      duplicate: 1,
    });
    expect([summary.missing, summary.nothingFound]).toEqual([[], false]);
  });

  it('checks only written cards, or only derived ones, when asked', () => {
    const dir = writeInputs();
    const written = checkQuality(['.'], { cwd: dir, from: 'cards' });
    expect(written.files.map((f) => [f.path.slice(dir.length + 1), f.cards])).toEqual([
      ['cards.md', 3],
      ['copy.md', 1],
      ['notes.md', 0],
    ]);
    const derived = checkQuality(['.'], { cwd: dir, from: 'notes' });
    expect(derived.files.map((f) => [f.path.slice(dir.length + 1), f.cards > 0])).toEqual([
      ['cards.md', false],
      ['copy.md', false],
      ['notes.md', true],
    ]);
    expect(derived.findings.every((f) => f.derived && f.path === join(dir, 'notes.md'))).toBe(true);
  });

  it('says nothing was found when no path exists, and refuses paths that hold no card file', () => {
    const dir = writeInputs();
    expect(checkQuality(['nope.md'], { cwd: dir })).toMatchObject({ files: [], cards: 0, findings: [], missing: ['nope.md'], nothingFound: true });
    expect(() => checkQuality(['.'], { cwd: tempDir('engram-quality-') })).toThrow(new EngramError('notFound', 'no card files (.md, .markdown, .txt) found in ..'));
  });
});
