import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNewEvents } from '../../../src/app/sync/sync-folder.js';
import { eventLine, type SyncEvent } from '../../../src/model/sync-event.js';
import { tempDir } from '../../helpers/temp-dir.js';

const AT = Date.parse('2026-03-02T10:00:00Z');
const answer: SyncEvent = {
  v: 1, id: '01KJPZV28058C0KQD260RQ9N48', device: 'laptop-1', at: AT, kind: 'answer',
  card: 'e78e93a12d5e6dc01d21f3cf9e39b164', rating: 3, durationMs: 4200, session: null, host: 'laptop', before: null, seed: 'e78e93a12d5e6dc01d21f3cf9e39b164',
};
const setting: SyncEvent = { v: 1, id: '01KJPZV28058C0KQD260RQ9N49', device: 'laptop-1', at: AT + 1000, kind: 'setting', name: 'retention', deck: 'Español 🇪🇸', value: 0.85 };

describe('readNewEvents', () => {
  it('reads plain ASCII files and UTF-8 ones alike, from where the last read stopped, to the end of their last complete line', () => {
    const folder = tempDir();
    const dir = join(folder, 'engram-sync', 'laptop-1');
    mkdirSync(dir, { recursive: true });
    const ascii = `${eventLine(answer)}\n`;
    const utf8 = `${eventLine(answer)}\n${eventLine(setting)}\n${eventLine(answer).slice(0, 20)}`;
    writeFileSync(join(dir, '2026-02.jsonl'), ascii);
    writeFileSync(join(dir, '2026-03.jsonl'), utf8);
    const reads = readNewEvents(folder, new Map([[join(dir, '2026-03.jsonl'), Buffer.byteLength(`${eventLine(answer)}\n`)]]));
    expect(reads.map((r) => ({ path: r.path, events: r.events, lines: r.lines, readTo: r.readTo }))).toEqual([
      { path: join(dir, '2026-02.jsonl'), events: [answer], lines: [eventLine(answer)], readTo: ascii.length },
      { path: join(dir, '2026-03.jsonl'), events: [setting], lines: [eventLine(setting)], readTo: Buffer.byteLength(utf8) - 20 },
    ]);
  });
});
