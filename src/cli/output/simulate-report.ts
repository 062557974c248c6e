import type { LoadBalanceReport, SimulationReport } from '../../app/simulate/simulate-reviews.js';
import { WEEKDAY_NAMES } from '../../schedule/easy-days.js';
import type { SimulatedDay, SimulationResult } from '../../schedule/review-simulation.js';
import { DAY } from '../../schedule/study-time.js';
import { adviceJson, adviceLines } from './advice-lines.js';
import { formatTable } from './format-table.js';

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar `value / max` of `width` cells, drawn in eighths of a cell. */
export function bar(value: number, max: number, width: number): string {
  if (max <= 0 || value <= 0) return '';
  const eighths = Math.max(1, Math.round((value / max) * width * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8]!;
}

/** "12 min", "1 h 05 min"; "<1 min" under half a minute. */
function formatMinutes(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 1) return '<1 min';
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** The calendar date a study day is named by, as YYYY-MM-DD. */
function studyDate(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** A simulation's days grouped by calendar month: the month's name and its days. */
function monthsOf(days: readonly SimulatedDay[]): { label: string; days: SimulatedDay[] }[] {
  const out: { label: string; days: SimulatedDay[] }[] = [];
  for (const d of days) {
    const label = new Date(d.day * DAY).toLocaleString('en', { month: 'short', year: 'numeric', timeZone: 'UTC' });
    const last = out[out.length - 1];
    if (last?.label === label) last.days.push(d);
    else out.push({ label, days: [d] });
  }
  return out;
}

/** Averages per day over some simulated days. */
export function averages(days: readonly SimulatedDay[]): { reviews: number; learned: number; steps: number; seconds: number | null } {
  const n = Math.max(1, days.length);
  const total = (f: (d: SimulatedDay) => number) => days.reduce((a, d) => a + f(d), 0);
  const timed = days.every((d) => d.seconds !== null);
  return {
    reviews: total((d) => d.reviews) / n,
    learned: total((d) => d.learned) / n,
    steps: total((d) => d.steps) / n,
    seconds: timed && days.length > 0 ? total((d) => d.seconds!) / n : null,
  };
}

/** One line per month: a bar of reviews a day, the figure, new cards a day and time a day. */
function monthTable(result: SimulationResult, width: number): string[] {
  const months = monthsOf(result.days).map((m) => ({ label: m.label, ...averages(m.days) }));
  const timed = months.every((m) => m.seconds !== null);
  const max = Math.max(...months.map((m) => m.reviews));
  // Label, figures and gaps take about 34 cells (40 with time); the bar gets the rest, up to 40.
  const barWidth = Math.max(10, Math.min(40, width - (timed ? 44 : 34)));
  const right = 'right' as const;
  return formatTable(
    [
      { header: 'month' },
      { header: 'reviews a day' },
      { header: '', align: right },
      { header: 'new', align: right },
      ...(timed ? [{ header: 'time', align: right }] : []),
    ],
    months.map((m) => [
      m.label,
      bar(m.reviews, max, barWidth).padEnd(barWidth),
      m.reviews.toFixed(1),
      m.learned.toFixed(1),
      ...(timed ? [formatMinutes(m.seconds!)] : []),
    ]),
    width,
  );
}

/** `engram simulate --json`: the run's figures, each day's, and the comparison. */
export function simulateJson(r: SimulationReport): unknown {
  const summary = (result: SimulationResult) => {
    const a = averages(result.days);
    return { reviewsPerDay: a.reviews, learnedPerDay: a.learned, stepsPerDay: a.steps, secondsPerDay: a.seconds, rememberedAtEnd: result.rememberedAtEnd, newLeft: result.newLeft };
  };
  return {
    decks: r.decks,
    from: studyDate(r.from),
    days: r.days,
    retention: r.retention,
    seed: r.seed,
    cards: r.cards,
    secondsPerAnswer: r.secondsPerAnswer,
    ...summary(r.result),
    perDay: r.result.days.map((d) => ({ date: studyDate(d.day), reviews: d.reviews, lapses: d.lapses, learned: d.learned, steps: d.steps, seconds: d.seconds })),
    compared: r.compared.map((c) => ({ retention: c.retention, ...summary(c.result) })),
    loadBalance: {
      on: r.balance.loadBalance,
      balanced: r.balance.balanced,
      unbalanced: r.balance.unbalanced,
      easyDays: r.balance.easyDays,
      reviewsByWeekday: Object.fromEntries(WEEKDAY_NAMES.map((name, i) => [name, r.balance.weekdays[i]!])),
    },
    ...(r.advice ? { advice: adviceJson(r.advice) } : {}),
  };
}

/**
 * What load balancing does to the daily reviews (how far a day's count is
 * from the week around it, and the busiest day, with and without it), and,
 * with easy days, each easy weekday's reviews against a normal day's.
 */
export function balanceLines(b: LoadBalanceReport): string[] {
  const { balanced: on, unbalanced: off } = b;
  // A day against the week around it: the unevenness balancing removes, apart from the load growing or shrinking.
  const lines = [
    `Load balancing (${b.loadBalance ? 'on' : 'off'}): a day's reviews differ from its week's average`,
    `  by ${percent(on.dayToDayShare)} (±${on.dayToDay.toFixed(1)} reviews); without it by ${percent(off.dayToDayShare)} (±${off.dayToDay.toFixed(1)}).`,
    `  Busiest day: ${on.max} reviews (without it ${off.max}).`,
  ];
  if (b.easyDays) {
    const shares = b.easyDays;
    const full = Math.max(...shares);
    const normal = b.weekdays.filter((_, i) => shares[i] === full);
    const normalMean = normal.reduce((a, x) => a + x, 0) / Math.max(1, normal.length);
    lines.push('Easy days, reviews a day against a normal day:');
    shares.forEach((share, i) => {
      if (share < full) lines.push(`  ${WEEKDAY_NAMES[i]} (share ${share}): ${b.weekdays[i]!.toFixed(1)}, ${normalMean > 0 ? Math.round((b.weekdays[i]! / normalMean) * 100) : 0}% of ${normalMean.toFixed(1)}`);
    });
  }
  return lines;
}

/** A share as a whole percentage, or to a tenth below 10%. */
function percent(share: number): string {
  const p = share * 100;
  return `${p < 10 ? p.toFixed(1) : Math.round(p)}%`;
}

/** `engram simulate` as text in `width` columns: what was simulated, a line per month, the totals and the comparison. */
export function simulateLines(r: SimulationReport, width: number): string[] {
  const { result, days, retention, seed, limits } = r;
  const a = averages(result.days);
  const totals = result.days.reduce((t, d) => ({ reviews: t.reviews + d.reviews, learned: t.learned + d.learned }), { reviews: 0, learned: 0 });
  const where = r.decks ? `${r.decks.length === 1 ? 'deck' : 'decks'} ${r.decks.join(', ')}` : 'every deck';
  return [
    `Simulated ${days.toLocaleString('en')} study days from ${studyDate(r.from)} at retention ${fixed(retention)}, ${where}:`,
    `${count(r.cards.scheduled, 'card')} scheduled and ${count(r.cards.new, 'new card')}; at most ${limits.newPerDay} new and ${limits.reviewsPerDay} reviews a day.`,
    '',
    ...monthTable(result, width),
    '',
    `Average a day: ${a.reviews.toFixed(1)} reviews, ${a.steps.toFixed(1)} same-day steps, ${a.learned.toFixed(1)} new cards${a.seconds === null ? '' : `, about ${formatMinutes(a.seconds)}`}.`,
    `In all: ${count(totals.reviews, 'review')}, ${count(totals.learned, 'new card')} learned; ${Math.round(result.rememberedAtEnd).toLocaleString('en')} cards remembered at the end.`,
    ...balanceLines(r.balance),
    '',
    ...comparisonTable(r.compared, retention, width),
    '',
    `Recalls drawn at random with seed ${seed} (--seed N gives another run).`,
    r.secondsPerAnswer === null ? 'No answers yet to estimate the time from.' : `Time from your average answer: ${r.secondsPerAnswer.toFixed(1)} s.`,
    ...(r.advice ? ['', ...adviceLines(r.advice, retention, width)] : [`To change the retention: engram config set retention ${fixed(retention)}`]),
  ];
}

/** A row per compared retention (the chosen one marked): reviews a day, time a day when known, cards remembered at the end. */
function comparisonTable(compared: SimulationReport['compared'], chosen: number, width: number): string[] {
  const right = 'right' as const;
  const timed = compared.every((c) => c.result.days.every((d) => d.seconds !== null));
  return formatTable(
    [
      { header: 'retention', align: right },
      { header: 'reviews a day', align: right },
      ...(timed ? [{ header: 'time a day', align: right }] : []),
      { header: 'remembered at the end', align: right },
    ],
    compared.map((c) => {
      const a = averages(c.result.days);
      return [
        `${c.retention === chosen ? '> ' : ''}${fixed(c.retention)}`,
        a.reviews.toFixed(1),
        ...(timed ? [formatMinutes(a.seconds!)] : []),
        Math.round(c.result.rememberedAtEnd).toLocaleString('en'),
      ];
    }),
    width,
  );
}

function fixed(retention: number): string {
  return retention.toFixed(2);
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
}
