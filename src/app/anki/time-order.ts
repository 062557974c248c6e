/** Bits of the time a pass of the radix sort orders by: 2,048 counts stay in the processor's nearest cache. */
const DIGIT_BITS = 11;

/**
 * The numbers 0..n-1 of the times `at` in time order, those of one time in
 * their own order: what sorting by `at[x] - at[y] || x - y` gives. Times that
 * are whole milliseconds within 2^44 ms of each other (any review log) are
 * put in order by a radix sort, 11 bits of the time past the earliest a pass,
 * which keeps ties in order by itself; other times are sorted by comparison.
 */
export function timeOrder(at: Float64Array): Uint32Array {
  const n = at.length;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let min = Infinity;
  let max = -Infinity;
  let whole = true;
  for (let i = 0; i < n; i++) {
    const t = at[i]!;
    if (t < min) min = t;
    if (t > max) max = t;
    if (!Number.isInteger(t)) whole = false;
  }
  if (n < 2) return order;
  if (!whole || max - min >= 2 ** 44) return order.sort((x, y) => at[x]! - at[y]! || x - y);
  // The time past the earliest in two words, moved along with the numbers: each pass reads them in order.
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const d = at[i]! - min;
    lo[i] = d % 2 ** 32;
    hi[i] = Math.floor(d / 2 ** 32);
  }
  let nextOrder = new Uint32Array(n);
  let nextLo = new Uint32Array(n);
  let nextHi = new Uint32Array(n);
  const size = 1 << DIGIT_BITS;
  const mask = size - 1;
  const starts = new Uint32Array(size);
  for (let shift = 0; shift < 44 && (max - min) / 2 ** shift >= 1; shift += DIGIT_BITS) {
    // The digit of the 44-bit time at `shift`, across the two words.
    const digit = shift < 32 ? (i: number): number => ((lo[i]! >>> shift) | (shift > 21 ? hi[i]! << (32 - shift) : 0)) & mask : (i: number): number => (hi[i]! >>> (shift - 32)) & mask;
    starts.fill(0);
    for (let i = 0; i < n; i++) starts[digit(i)]!++;
    let sum = 0;
    for (let d = 0; d < size; d++) {
      const c = starts[d]!;
      starts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const to = starts[digit(i)]!++;
      nextOrder[to] = order[i]!;
      nextLo[to] = lo[i]!;
      nextHi[to] = hi[i]!;
    }
    [order, nextOrder] = [nextOrder, order];
    [lo, nextLo] = [nextLo, lo];
    [hi, nextHi] = [nextHi, hi];
  }
  return order;
}
