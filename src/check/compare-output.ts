import { diffSequences } from './sequence-diff.js';

/**
 * One line of an output diff: `same` in both, `missing` from the actual output
 * but not predicted, `extra` predicted but not in the actual output.
 */
export interface DiffLine {
  op: 'same' | 'missing' | 'extra';
  text: string;
}

/**
 * Whether a predicted program output matches the actual one, and the line diff
 * to show (actual lines for `same`/`missing`, predicted lines for `extra`).
 * Line endings (\r\n or \n), trailing whitespace on a line and trailing blank
 * lines never count: they are invisible in a terminal and nobody types them.
 * `unordered` compares the lines as multisets, for programs whose output order
 * is not fixed (threads, hash iteration); its diff lists the actual lines in
 * order, then the extra predicted ones.
 */
export function compareOutput(predicted: string, actual: string, options: { unordered: boolean }): { match: boolean; diff: DiffLine[] } {
  const want = outputLines(actual);
  const got = outputLines(predicted);
  const diff = options.unordered ? unorderedDiff(want, got) : orderedDiff(want, got);
  return { match: diff.every((d) => d.op === 'same'), diff };
}

/** The lines of an output as compared: split on \r\n or \n, right-trimmed, trailing blank lines dropped. */
export function outputLines(text: string): string[] {
  const lines = text.split(/\r?\n/).map((l) => l.trimEnd());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function orderedDiff(want: string[], got: string[]): DiffLine[] {
  return diffSequences(want, got).map((s) => ({ op: s.op, text: s.op === 'extra' ? got[s.at]! : want[s.at]! }));
}

function unorderedDiff(want: string[], got: string[]): DiffLine[] {
  const unmatched = new Map<string, number>();
  for (const line of got) unmatched.set(line, (unmatched.get(line) ?? 0) + 1);
  const matched = new Map<string, number>();
  const diff: DiffLine[] = want.map((text) => {
    const left = unmatched.get(text) ?? 0;
    if (left === 0) return { op: 'missing', text };
    unmatched.set(text, left - 1);
    matched.set(text, (matched.get(text) ?? 0) + 1);
    return { op: 'same', text };
  });
  // The first copies of a predicted line were the matched ones; later copies are extra.
  for (const text of got) {
    const m = matched.get(text) ?? 0;
    if (m > 0) matched.set(text, m - 1);
    else diff.push({ op: 'extra', text });
  }
  return diff;
}
