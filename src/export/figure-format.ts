/**
 * How stats figures are written, in the terminal (`engram stats`) and on the
 * exported page alike, so the two never disagree on a number's words.
 */

/** A count with thousands separated: "12,345". */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** A rate (0-1) as a percentage with one decimal, or "—" when there is none. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** Time spent: "45s", "12m 30s", "3h 05m". */
export function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  const m = Math.round(ms / 60_000);
  return `${count(Math.floor(m / 60))}h ${String(m % 60).padStart(2, '0')}m`;
}
