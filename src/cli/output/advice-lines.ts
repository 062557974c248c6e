import type { RetentionAdvice } from '../../schedule/retention-advice.js';
import { formatTable } from './format-table.js';
import { wrapWords } from './wrap-words.js';

/**
 * The retention advice as text in `width` columns: the simulations behind it
 * (a row per retention: minutes a day, cards remembered at the end, and those
 * per minute; the advised row marked `>`, the current one `*`), then the
 * advice and the command that takes it. `current` is the retention set now.
 */
export function adviceLines(a: RetentionAdvice, current: number, width: number): string[] {
  const right = 'right' as const;
  const mark = (r: number): string => `${r === a.best.retention ? '>' : ' '}${sameRetention(r, current) ? '*' : ' '}`;
  const table = formatTable(
    [
      { header: '', align: right },
      { header: 'retention', align: right },
      { header: 'minutes a day', align: right },
      { header: 'remembered', align: right },
      { header: 'per minute', align: right },
    ],
    a.rows.map((r) => [mark(r.retention), r.retention.toFixed(2), r.minutesPerDay.toFixed(1), Math.round(r.memorized).toLocaleString('en'), r.memorizedPerMinute.toFixed(3)]),
    width,
  );
  const time = a.assumed ? `an answer taken as ${a.secondsPerAnswer} s, no answers yet to measure yours` : `an answer taken as ${a.secondsPerAnswer.toFixed(1)} s, your average`;
  const best = a.best.retention.toFixed(2);
  const lines = [
    ...wrapWords(
      `Retention advice: your cards simulated for ${a.days.toLocaleString('en')} days at each retention (seed ${a.seed}; ${time}). Remembered: the cards you would recall the day after; per minute: those over all the minutes of study.`,
      Math.min(width, 80),
    ),
    '',
    ...table,
    '',
  ];
  if (sameRetention(a.best.retention, current)) {
    lines.push(`Your desired retention ${best} (* above) already remembers the most cards per minute.`);
  } else {
    lines.push(`Advice: desired retention ${best}, the most cards remembered per minute (> above).`, `To use it: engram config set retention ${best}`);
  }
  return lines;
}

/** `--json`: the advice and its rows. */
export function adviceJson(a: RetentionAdvice): Record<string, unknown> {
  return {
    retention: a.best.retention,
    secondsPerAnswer: a.secondsPerAnswer,
    assumedTime: a.assumed,
    rows: a.rows.map((r) => ({ retention: r.retention, minutesPerDay: r.minutesPerDay, memorized: r.memorized, memorizedPerMinute: r.memorizedPerMinute })),
  };
}

function sameRetention(a: number, b: number): boolean {
  return Math.round(a * 100) === Math.round(b * 100);
}
