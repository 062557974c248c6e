/** A value one CSV cell can hold; null is an empty cell. */
export type CsvValue = string | number | boolean | null;

const NEEDS_QUOTES_RE = /[",\r\n]/;

/**
 * One CSV field as RFC 4180 writes it: quoted (with inner quotes doubled)
 * when it holds a comma, a quote, CR or LF, else as is; null is empty.
 */
export function csvField(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = String(value);
  return NEEDS_QUOTES_RE.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * One CSV record with its line end. Records end in LF, not RFC 4180's CRLF:
 * FSRS tools and spreadsheets read both, and LF keeps `cut`/`awk` output clean.
 */
export function csvLine(values: readonly CsvValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) line += (i === 0 ? '' : ',') + csvField(values[i]!);
  return `${line}\n`;
}
