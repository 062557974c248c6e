import type { OptimizeReport } from '../../app/optimize/optimize-parameters.js';
import type { RescheduleSummary } from '../../app/optimize/reschedule-cards.js';
import type { SavedWeights } from '../../app/optimize/target-parameters.js';
import type { Evaluation } from '../../schedule/optimize/fsrs-optimizer.js';
import type { TimeSplitEvaluation } from '../../app/optimize/time-split-evaluation.js';
import { formatInterval } from '../../schedule/format-interval.js';
import { adviceJson, adviceLines } from './advice-lines.js';
import { displayPath } from './display-path.js';
import { wrapWords } from './wrap-words.js';
import { formatTable } from './format-table.js';

/** Notes are wrapped to fit a terminal of 80 columns; commands to copy never are. */
const PROSE_WIDTH = 80;

/**
 * `engram optimize` as text in `width` columns: what was fitted on, the fit
 * against the current and default parameters, what was saved and how to go
 * back. `names` are the deck names as the user gave them (for the command to
 * run again).
 */
export function optimizeLines(r: OptimizeReport, names: readonly string[], width: number): string[] {
  const where = r.decks === null ? 'every deck' : `${r.decks.length === 1 ? 'deck' : 'decks'} ${r.decks.join(', ')}`;
  const out = [
    `Fitting ${r.model} parameters to ${where}: ${count(r.cards, 'card')}, ${count(r.reviews, 'review')}.`,
    `${r.usable.toLocaleString('en')} usable: answered a day or more after the card's previous answer.`,
  ];
  const fit = r.fit;
  if (fit === null) {
    if (r.note) out.push(...wrapWords(capital(r.note), PROSE_WIDTH));
    out.push(`Nothing saved: engram keeps scheduling with ${r.current.describe}.`);
  } else {
    out.push(`Fitted in ${(r.seconds ?? 0).toFixed(1)} s.`);
    if (r.note) out.push(...wrapWords(capital(r.note), PROSE_WIDTH));
    out.push(
      '',
      ...evaluationTable(
        [
          ...(r.current.defaults ? [] : [{ label: 'defaults', evaluation: fit.defaults }]),
          { label: `current (${r.current.label})`, evaluation: fit.current },
          { label: 'fitted', evaluation: fit.fitted },
        ],
        width,
      ),
      '',
      'Fitted parameters:',
      ...weightLines(fit.weights, Math.min(width, PROSE_WIDTH)),
      '',
    );
    if (!fit.better) out.push(`Kept ${r.current.describe}: the fitted ones predict your reviews no better.`);
    else if (r.saved === null) out.push(`The fitted parameters predict your reviews better. Dry run: nothing saved.`);
    else out.push(...savedLines(r.saved));
    if (r.saved !== null && r.rescheduled === null) {
      const again = ['engram optimize', ...names.map(shellWord), '--reschedule'].join(' ');
      out.push("Due dates stay as they are: the new parameters apply from each card's next answer", `(to recompute them all now: ${again}).`);
    }
  }
  if (r.rescheduled) out.push(rescheduleLine(r.rescheduled, !r.dryRun, fit?.better === true));
  if (r.timeSplit) out.push('', ...timeSplitLines(r.timeSplit, r.current.label, r.current.defaults, width));
  if (r.advice) out.push('', ...adviceLines(r.advice, r.retention, width));
  return out;
}

/** `engram optimize --json`: the counts, the fit and its comparison, whether it was saved, and the rescheduling. */
export function optimizeJson(r: OptimizeReport): Record<string, unknown> {
  const fit = r.fit;
  return {
    model: r.model,
    decks: r.decks,
    cards: r.cards,
    reviews: r.reviews,
    usable: r.usable,
    ...(r.seconds === null ? {} : { seconds: Math.round(r.seconds * 100) / 100 }),
    kind: r.kind,
    note: r.note,
    defaults: fit?.defaults ?? null,
    current: fit ? { label: r.current.label, ...fit.current } : null,
    fitted: fit ? { weights: fit.weights, ...fit.fitted } : null,
    better: fit?.better ?? false,
    saved: r.saved !== null,
    rescheduled: r.rescheduled,
    advice: r.advice ? adviceJson(r.advice) : null,
    ...(r.timeSplit ? { timeSplit: r.timeSplit } : {}),
  };
}

/** A table of log loss and RMSE(bins) per set of parameters, lower is better. */
function evaluationTable(rows: readonly { label: string; evaluation: Evaluation }[], width: number): string[] {
  const right = 'right' as const;
  return formatTable(
    [{ header: 'parameters', min: 12 }, { header: 'log loss', align: right }, { header: 'RMSE (bins)', align: right }],
    rows.map((r) => [r.label, r.evaluation.logLoss.toFixed(4), `${(r.evaluation.rmseBins * 100).toFixed(2)}%`]),
    width,
  );
}

/** `--evaluate`: how the time-series split was made, and the three parameter sets scored on the reviews it tested. */
function timeSplitLines(t: TimeSplitEvaluation, currentLabel: string, currentAreDefaults: boolean, width: number): string[] {
  const parts = t.splits + 1;
  const fits = t.fitsOnDefaults > 0 ? ` ${t.fitsOnDefaults} of the ${t.splits} fits had too little history before them and predicted with the defaults.` : '';
  const lines = wrapWords(
    `Evaluated as srs-benchmark does: ${count(t.items, 'usable review')} in time order, cut into ${parts} parts; each of the last ${t.splits} predicted by parameters fitted on the reviews before it (${t.tested.toLocaleString('en')} predicted; same-day answers count only as history).${fits}`,
    Math.min(width, PROSE_WIDTH),
  );
  lines.push(
    '',
    ...evaluationTable(
      [
        ...(currentAreDefaults ? [] : [{ label: 'defaults', evaluation: t.defaults }]),
        { label: `current (${currentLabel})`, evaluation: t.current },
        { label: 'fitted on earlier reviews', evaluation: t.fitted },
      ],
      width,
    ),
  );
  return lines;
}

/** The numbers on as few lines as fit in `width`, each line indented by `indent`. */
function weightLines(weights: readonly number[], width: number, indent = '  '): string[] {
  const lines: string[] = [];
  let line = '';
  for (const w of weights.map(String)) {
    if (line && indent.length + line.length + 1 + w.length > width) {
      lines.push(indent + line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(indent + line);
  return lines;
}

/** A word as a shell reads it back: quoted when it holds anything but plain characters. */
export function shellWord(word: string): string {
  return /^[\w./-]+$/.test(word) ? word : JSON.stringify(word);
}

/** The command that puts back `previous` parameters (null: the defaults), globally or for one deck. */
function goBackCommand(previous: readonly number[] | null, deck: string | null): string {
  const where = deck === null ? '' : ` --deck ${shellWord(deck)}`;
  return previous === null ? `engram config unset weights${where}` : `engram config set weights ${previous.join(' ')}${where}`;
}

/** Where the parameters were saved, what each place had before, and the command to go back. */
function savedLines(saved: SavedWeights): string[] {
  const path = displayPath(saved.path);
  const global = saved.before.find((b) => b.deck === null);
  if (global) {
    return [
      `Saved as the global parameters in ${path}.`,
      `Before: ${global.weights ? 'your earlier parameters' : 'the defaults'}. To go back: ${goBackCommand(global.weights, null)}`,
    ];
  }
  const decks = saved.before.map((b) => b.deck!);
  return [
    `Saved for ${decks.length === 1 ? 'deck' : 'decks'} ${decks.join(', ')} in ${path}.`,
    ...saved.before.map((b) => `Before, ${b.deck!} had ${b.weights ? 'its own parameters' : 'none of its own'}. To go back: ${goBackCommand(b.weights, b.deck)}`),
  ];
}

function rescheduleLine(r: RescheduleSummary, written: boolean, fitted: boolean): string {
  const moved = r.sooner + r.later;
  const which = fitted ? 'the new parameters' : 'the current parameters';
  const head = written ? `${count(r.cards, 'card')} rescheduled with ${which}` : `Would reschedule ${count(r.cards, 'card')} with ${which}`;
  if (moved === 0) return `${head}: no due date moved.`;
  return `${head}: ${r.sooner.toLocaleString('en')} due sooner, ${r.later.toLocaleString('en')} later, median shift ${formatInterval(r.medianShift)}.`;
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
