import { describe, expect, it } from 'vitest';
import { adviceJson, adviceLines } from '../../src/cli/output/advice-lines.js';
import type { RetentionAdvice } from '../../src/schedule/retention-advice.js';

function advice(): RetentionAdvice {
  const row = (retention: number, minutesPerDay: number, memorized: number) => ({ retention, minutesPerDay, memorized, memorizedPerMinute: memorized / (minutesPerDay * 365) });
  const rows = [row(0.8, 10, 4000), row(0.84, 11, 4500), row(0.85, 11.5, 4600), row(0.9, 14, 4900)];
  return { rows, best: rows[1]!, secondsPerAnswer: 9.25, assumed: false, days: 365, seed: 1 };
}

describe('adviceLines', () => {
  it('shows the simulations behind the advice, the advised and current rows marked, and the command that takes it', () => {
    expect(adviceLines(advice(), 0.9, 100)).toEqual([
      'Retention advice: your cards simulated for 365 days at each retention (seed 1;',
      'an answer taken as 9.3 s, your average). Remembered: the cards you would recall',
      'the day after; per minute: those over all the minutes of study.',
      '',
      '    retention  minutes a day  remembered  per minute',
      '         0.80           10.0       4,000       1.096',
      '>        0.84           11.0       4,500       1.121',
      '         0.85           11.5       4,600       1.096',
      ' *       0.90           14.0       4,900       0.959',
      '',
      'Advice: desired retention 0.84, the most cards remembered per minute (> above).',
      'To use it: engram config set retention 0.84',
    ]);
  });

  it('says so when the retention set is already the advised one, and when the answer time is assumed', () => {
    const lines = adviceLines({ ...advice(), assumed: true, secondsPerAnswer: 10 }, 0.84, 100);
    expect(lines.at(-1)).toBe('Your desired retention 0.84 (* above) already remembers the most cards per minute.');
    expect(lines.slice(0, 3).join(' ')).toContain('an answer taken as 10 s, no answers yet to measure yours');
    expect(lines).toContain('>*       0.84           11.0       4,500       1.121');
  });

  it('gives scripts the advised retention and every row', () => {
    expect(adviceJson(advice())).toMatchObject({ retention: 0.84, secondsPerAnswer: 9.25, assumedTime: false, rows: [{ retention: 0.8, minutesPerDay: 10, memorized: 4000 }, {}, {}, {}] });
  });
});
