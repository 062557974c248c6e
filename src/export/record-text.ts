import { csvLine, type CsvValue } from './csv-text.js';

/** How one kind of record is written in every format: its CSV header and cells, and its JSON object. */
export interface RecordLayout<R> {
  header: readonly string[];
  cells(record: R): readonly CsvValue[];
  json(record: R): unknown;
}

/** The formats records are written in. */
export type RecordFormat = 'json' | 'csv' | 'jsonl';

/**
 * The text of `records` in `format`, one piece per record (plus the header or
 * brackets), so a caller can stream any number of them without holding the
 * whole text. See {@link csvText} and {@link jsonText}.
 */
export function recordText<R>(records: Iterable<R>, format: RecordFormat, layout: RecordLayout<R>): Generator<string> {
  return format === 'csv' ? csvText(records, layout.header, (r) => csvLine(layout.cells(r))) : jsonText(records, format, layout.json);
}

/** CSV: the header line, then each record's line (`line` gives it with its line end). */
export function* csvText<R>(records: Iterable<R>, header: readonly string[], line: (record: R) => string): Generator<string> {
  yield csvLine(header);
  for (const r of records) yield line(r);
}

/** JSON lines, one object a line; or a JSON array written as `[`, one object a line joined by `,`, and `]`. */
export function* jsonText<R>(records: Iterable<R>, format: 'json' | 'jsonl', json: (record: R) => unknown): Generator<string> {
  if (format === 'jsonl') {
    for (const r of records) yield `${JSON.stringify(json(r))}\n`;
    return;
  }
  let first = true;
  for (const r of records) {
    yield `${first ? '[\n' : ',\n'}${JSON.stringify(json(r))}`;
    first = false;
  }
  yield first ? '[]\n' : '\n]\n';
}
