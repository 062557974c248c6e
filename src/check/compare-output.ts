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
 * Whether a predicted program output matches the actual one, how close it is
 * (2 × common lines / (predicted + actual lines), 1 when both are empty), and
 * the line diff to show (actual lines for `same`/`missing`, predicted lines
 * for `extra`).
 * Line endings (\r\n or \n), trailing whitespace on a line and trailing blank
 * lines never count: they are invisible in a terminal and nobody types them.
 * Nor does spacing within a line: lines are compared with runs of spaces and
 * tabs as one space and none at either end (spacingKey), so `1 a` predicts
 * uniq -c's `      1 a`. The screen shows output exactly, spaces kept, but
 * counting the columns of padding (printf widths, uniq -c, ls -l) tests
 * nothing a learner is asked to know, and a wrong verdict for typing what the
 * pane shows would teach them to distrust the check. Spaces that split or join
 * words still count (`a b` is not `ab`), and so do blank lines other than
 * trailing ones. `unordered` compares the lines as multisets, for programs
 * whose output order is not fixed (threads, hash iteration); its diff lists
 * the actual lines in order, then the extra predicted ones.
 */
export function compareOutput(predicted: string, actual: string, options: { unordered: boolean }): { match: boolean; similarity: number; diff: DiffLine[] } {
  const want = outputLines(actual);
  const got = outputLines(predicted);
  const diff = options.unordered ? unorderedDiff(want, got) : orderedDiff(want, got);
  // Lines in common as a share of all lines: a long output off by one line is a near miss.
  const same = diff.filter((d) => d.op === 'same').length;
  const similarity = want.length + got.length === 0 ? 1 : (2 * same) / (want.length + got.length);
  return { match: diff.every((d) => d.op === 'same'), similarity, diff };
}

/** The lines of an output as shown: split on \r\n or \n, right-trimmed, trailing blank lines dropped. */
export function outputLines(text: string): string[] {
  const lines = text.split(/\r?\n/).map((l) => l.trimEnd());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** A line as compareOutput compares it: runs of spaces and tabs as one space, none at the start or end. */
export function spacingKey(line: string): string {
  return line.replace(/[ \t]+/g, ' ').trim();
}

function orderedDiff(want: string[], got: string[]): DiffLine[] {
  return diffSequences(want.map(spacingKey), got.map(spacingKey)).map((s) => ({ op: s.op, text: s.op === 'extra' ? got[s.at]! : want[s.at]! }));
}

function unorderedDiff(want: string[], got: string[]): DiffLine[] {
  const unmatched = new Map<string, number>();
  for (const line of got) unmatched.set(spacingKey(line), (unmatched.get(spacingKey(line)) ?? 0) + 1);
  const matched = new Map<string, number>();
  const diff: DiffLine[] = want.map((text) => {
    const key = spacingKey(text);
    const left = unmatched.get(key) ?? 0;
    if (left === 0) return { op: 'missing', text };
    unmatched.set(key, left - 1);
    matched.set(key, (matched.get(key) ?? 0) + 1);
    return { op: 'same', text };
  });
  // The first copies of a predicted line were the matched ones; later copies are extra.
  for (const text of got) {
    const key = spacingKey(text);
    const m = matched.get(key) ?? 0;
    if (m > 0) matched.set(key, m - 1);
    else diff.push({ op: 'extra', text });
  }
  return diff;
}
