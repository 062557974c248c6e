import type { Evaluation } from '../../schedule/optimize/fsrs-optimizer.js';
import { formatTable } from './format-table.js';

/** Parameters as the user reads and types them: four decimals, like Anki shows them. */
export function roundWeights(weights: readonly number[]): number[] {
  return weights.map((w) => Math.round(w * 10_000) / 10_000);
}

/** A table of log loss and RMSE(bins) per set of parameters, lower is better. */
export function evaluationTable(rows: readonly { label: string; evaluation: Evaluation }[], width: number): string[] {
  const right = 'right' as const;
  return formatTable(
    [{ header: 'parameters', min: 12 }, { header: 'log loss', align: right }, { header: 'RMSE (bins)', align: right }],
    rows.map((r) => [r.label, r.evaluation.logLoss.toFixed(4), `${(r.evaluation.rmseBins * 100).toFixed(2)}%`]),
    width,
  );
}

/** The numbers on as few lines as fit in `width`, each line indented by `indent`. */
export function weightLines(weights: readonly number[], width: number, indent = '  '): string[] {
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
export function goBackCommand(previous: readonly number[] | null, deck: string | null): string {
  const where = deck === null ? '' : ` --deck ${shellWord(deck)}`;
  return previous === null ? `engram config unset weights${where}` : `engram config set weights ${previous.join(' ')}${where}`;
}

/** Prose broken into lines of at most `width` characters at spaces (a longer word keeps a line of its own). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines;
}
