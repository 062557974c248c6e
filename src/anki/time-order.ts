/**
 * The numbers 0..n-1 of the times `at` in time order, those of one time in
 * the order given: what sorting by `at[x] - at[y] || x - y` gives. An Anki
 * review log's times (its row ids) and an import's answer times are whole
 * milliseconds: then each number's key, its time less the earliest and then
 * the number itself in the low bits, goes into a 64-bit unsigned integer
 * (two 32-bit halves) and the keys are put in order by the engine's own
 * numeric sort, which calls no comparison function 20 million times for a
 * million answers (~100 ms here against ~450 ms). Times that are not whole
 * numbers, or too far apart for the key, are sorted by comparison.
 */
export function timeOrder(at: Float64Array): Uint32Array {
  const n = at.length;
  const order = new Uint32Array(n);
  let min = Infinity;
  let max = -Infinity;
  let whole = true;
  for (let i = 0; i < n; i++) {
    const t = at[i]!;
    if (t < min) min = t;
    if (t > max) max = t;
    if (!Number.isInteger(t)) whole = false;
  }
  // Bits for the number, and for the time past the earliest: the key's low and high parts.
  const rowBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  const lowTimeBits = 32 - rowBits;
  if (!whole || n < 2 || rowBits > 31 || max - min >= 2 ** (64 - rowBits) || !LITTLE_ENDIAN) {
    for (let i = 0; i < n; i++) order[i] = i;
    return order.sort((a, b) => at[a]! - at[b]! || a - b);
  }
  const keys = new BigUint64Array(n);
  const halves = new Uint32Array(keys.buffer);
  const lowTimes = 2 ** lowTimeBits;
  for (let i = 0; i < n; i++) {
    const d = at[i]! - min;
    halves[2 * i] = (d % lowTimes) * 2 ** rowBits + i;
    halves[2 * i + 1] = Math.floor(d / lowTimes);
  }
  keys.sort();
  const rowMask = 2 ** rowBits - 1;
  for (let i = 0; i < n; i++) order[i] = halves[2 * i]! & rowMask;
  return order;
}

/** Whether this machine puts a number's low byte first (every machine Node runs on does), which the keys' halves need. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
