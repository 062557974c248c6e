import { csvLine } from './csv-text.js';

/**
 * The figures of a stats report as `[dotted path, value]` pairs, depth first in
 * the report's own order (`retention.true.young`, `forecast.3.due`); nulls stay
 * null, empty arrays and objects give no pair.
 */
export function flattenReport(report: unknown, prefix = ''): [string, string | number | boolean | null][] {
  if (report === null || typeof report !== 'object') return [[prefix, report as string | number | boolean | null]];
  const out: [string, string | number | boolean | null][] = [];
  const entries = Array.isArray(report) ? report.map((v, i) => [String(i), v] as const) : Object.entries(report as object);
  for (const [key, value] of entries) {
    for (const pair of flattenReport(value, prefix ? `${prefix}.${key}` : key)) out.push(pair);
  }
  return out;
}

/**
 * A stats report as text: JSON as `engram stats --json` prints it; CSV as
 * `figure,value` rows of {@link flattenReport}; JSON lines with one line per
 * top-level section (`{"<section>": …}`).
 */
export function statsText(report: unknown, format: 'json' | 'csv' | 'jsonl'): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'csv') return csvLine(['figure', 'value']) + flattenReport(report).map(([k, v]) => csvLine([k, v])).join('');
  const sections = report !== null && typeof report === 'object' && !Array.isArray(report) ? Object.entries(report) : [['report', report] as const];
  return sections.map(([k, v]) => `${JSON.stringify({ [k]: v })}\n`).join('');
}
