import { describe, expect, it } from 'vitest';
import { progressLine, type Progress } from '../../../src/cli/output/progress-bar.js';
import { textWidth } from '../../../src/tui/terminal/text-width.js';

const LONG_PATH = 'seeds/003-networking-a-very-long-chapter-name/part-two/sub-section.md';
const reading = (item: string, done = 12, total = 345): Progress => ({ label: 'Importing', done, total, unit: 'files', stage: 'reading', item });
const writing: Progress = { label: 'Importing', done: 345, total: 345, unit: 'files', stage: 'writing' };

describe('progressLine', () => {
  it('at 80 columns (79 cells drawn): the bar, the count and the file at hand, a long path cut from its left', () => {
    expect(progressLine(reading(LONG_PATH), 79)).toBe('Importing [#-------------------] 12/345 files  …er-name/part-two/sub-section.md');
    expect(progressLine(reading('a.md', 1200, 12000), 79)).toBe('Importing [##------------------] 1200/12000 files  a.md');
    expect(progressLine(writing, 79)).toBe('Importing [####################] 345/345 files, writing to the store…');
    expect(progressLine({ label: 'Replaying the review log', done: 1234, total: 99999, unit: 'answers' }, 79)).toBe(
      'Replaying the review log [--------------------] 1234/99999 answers',
    );
  });

  it('at 40 columns (39 cells): the bar gives way to the path; what still does not fit is cut with an ellipsis', () => {
    expect(progressLine(reading(LONG_PATH), 39)).toBe('Importing 12/345 files  …sub-section.md');
    expect(progressLine(reading('a.md', 1200, 12000), 39)).toBe('Importing 1200/12000 files  a.md');
    expect(progressLine(writing, 39)).toBe('Importing 345/345 files, writing to th…');
  });

  it('counts wide characters as two cells, and never goes past the width', () => {
    const wide = reading('笔记/第三章/网络协议与分层模型的详细笔记和总结.md', 3, 40);
    expect(progressLine(wide, 39)).toBe('Importing 3/40 files  …细笔记和总结.md');
    for (const width of [79, 60, 39, 30, 20, 12]) {
      for (const p of [reading(LONG_PATH), wide, writing, reading('x.md', 99999, 99999)]) {
        expect(textWidth(progressLine(p, width)), `${width}: ${progressLine(p, width)}`).toBeLessThanOrEqual(width);
      }
    }
  });
});
