// Small helpers shared by the benchmarks: timing and printing figures.

/** Wall time of `fn` in ms. */
export function timeMs(fn) {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** Median of a list of numbers. */
export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Prints a titled block of figures: [label, value, unit, target?, met?].
 * A figure with a target says whether it met it.
 */
export function report(title, rows) {
  console.log(`\n${title}`);
  for (const [label, value, unit, target, met] of rows) {
    const shown = unit === 'x' ? value.toFixed(1) : Math.round(value).toLocaleString('en');
    const verdict = target === undefined ? '' : `  target ${target}: ${met ? 'met' : 'MISSED'}`;
    console.log(`  ${label.padEnd(56)} ${shown.padStart(9)} ${unit}${verdict}`);
  }
}
