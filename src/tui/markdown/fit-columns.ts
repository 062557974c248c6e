/**
 * Columns are not squeezed below this many cells (or their natural width
 * when that is smaller); below it cell text turns into a letter per line.
 */
export const MIN_COLUMN_WIDTH = 3;

/**
 * Returns column widths whose sum is at most `available`: the natural
 * widths when they fit, otherwise the widest columns shrunk to a common cap
 * (water-filling), with the cells left over handed back left to right.
 * Returns undefined when even `MIN_COLUMN_WIDTH` per column does not fit.
 */
export function fitColumns(natural: readonly number[], available: number): number[] | undefined {
  const total = natural.reduce((sum, w) => sum + w, 0);
  if (total <= available) return [...natural];
  const floor = natural.reduce((sum, w) => sum + Math.min(w, MIN_COLUMN_WIDTH), 0);
  if (floor > available) return undefined;
  const capped = (cap: number): number => natural.reduce((sum, w) => sum + Math.min(w, cap), 0);
  // The largest cap that fits; capped() grows with cap, so binary search finds it.
  let low = MIN_COLUMN_WIDTH;
  let high = Math.max(...natural);
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (capped(mid) <= available) low = mid;
    else high = mid - 1;
  }
  const widths = natural.map((w) => Math.min(w, low));
  let spare = available - capped(low);
  for (let i = 0; i < widths.length && spare > 0; i++) {
    if (natural[i]! > widths[i]!) {
      widths[i]! += 1;
      spare--;
    }
  }
  return widths;
}
