/**
 * One step of a diff of an expected sequence against a given one: `same` and
 * `missing` point into the expected sequence, `extra` into the given one.
 */
export type SequenceStep = { op: 'same' | 'missing'; at: number } | { op: 'extra'; at: number };

/**
 * Largest table the exact diff fills (about 16 MB of Uint32). Past it the
 * middle is compared position by position, so a runaway program's output or
 * a pasted essay can never freeze the quiz.
 */
export const MAX_DIFF_CELLS = 4_000_000;

/**
 * The steps turning `expected` into `given` with as many `same` steps as
 * possible (longest common subsequence), in order; where a stretch differs,
 * its `missing` steps come before its `extra` ones. Linear in time and memory
 * once the inputs (after their common start and end) outgrow MAX_DIFF_CELLS.
 */
export function diffSequences(expected: readonly string[], given: readonly string[]): SequenceStep[] {
  let head = 0;
  while (head < expected.length && head < given.length && expected[head] === given[head]) head++;
  let tail = 0;
  while (
    tail < expected.length - head &&
    tail < given.length - head &&
    expected[expected.length - 1 - tail] === given[given.length - 1 - tail]
  ) {
    tail++;
  }
  const steps: SequenceStep[] = [];
  for (let k = 0; k < head; k++) steps.push({ op: 'same', at: k });
  const n = expected.length - head - tail;
  const m = given.length - head - tail;
  if ((n + 1) * (m + 1) > MAX_DIFF_CELLS) positionalMiddle(n, m, head, expected, given, steps);
  else lcsMiddle(n, m, head, expected, given, steps);
  for (let k = tail; k > 0; k--) steps.push({ op: 'same', at: expected.length - k });
  return steps;
}

/** The number of `same` steps in `steps`: the length of the common subsequence found. */
export function sameCount(steps: readonly SequenceStep[]): number {
  let same = 0;
  for (const s of steps) if (s.op === 'same') same++;
  return same;
}

function lcsMiddle(n: number, m: number, off: number, a: readonly string[], b: readonly string[], out: SequenceStep[]): void {
  const w = m + 1;
  // lcs[i * w + j]: common subsequence length of a[off + i..] and b[off + j..].
  const lcs = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] = a[off + i] === b[off + j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[off + i] === b[off + j]) {
      out.push({ op: 'same', at: off + i++ });
      j++;
    } else if (j >= m || (i < n && lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!)) {
      out.push({ op: 'missing', at: off + i++ });
    } else {
      out.push({ op: 'extra', at: off + j++ });
    }
  }
}

function positionalMiddle(n: number, m: number, off: number, a: readonly string[], b: readonly string[], out: SequenceStep[]): void {
  for (let k = 0; k < Math.max(n, m); k++) {
    if (k < n && k < m && a[off + k] === b[off + k]) {
      out.push({ op: 'same', at: off + k });
      continue;
    }
    if (k < n) out.push({ op: 'missing', at: off + k });
    if (k < m) out.push({ op: 'extra', at: off + k });
  }
}
