// Parse time of pathological inputs: each must finish in time linear in its size.
import { parseText } from '../dist/parse/parse-source.js';
import { report, timeMs } from './measure.js';
import { PATHOLOGICAL } from './pathological-inputs.js';

/** Runs the parse benchmark and prints its figures. */
export function parseBench() {
  const rows = [];
  const notes = [];
  for (const [name, build] of Object.entries(PATHOLOGICAL)) {
    const text = build();
    let cards = 0;
    const ms = timeMs(() => {
      cards = parseText(text, 'bench.md').cards.length;
    });
    rows.push([`${name} (${(text.length / 1e6).toFixed(1)} MB, ${cards} cards)`, ms, 'ms', '<= 2000 ms', ms <= 2000]);
    // The same input read as notes (import --mode notes): remark's time must stay bounded too.
    const asNotes = timeMs(() => {
      cards = parseText(text, 'bench.md', 'notes').cards.length;
    });
    notes.push([`${name} (${cards} cards)`, asNotes, 'ms', '<= 10000 ms', asNotes <= 10000]);
  }
  report('parse: pathological inputs', rows);
  report('parse: the same inputs read as notes (--mode notes)', notes);
}
