import { describe, expect, it } from 'vitest';
import { eventLine, type SyncEvent } from '../../src/model/sync-event.js';
import { eventFileName, readEventLines } from '../../src/sync/read-events.js';

const answer: SyncEvent = {
  v: 1, id: '01KJPZV28058C0KQD260RQ9N48', device: 'laptop-1', at: Date.parse('2026-03-02T10:00:00Z'), kind: 'answer',
  card: 'e78e93a12d5e6dc01d21f3cf9e39b164', rating: 3, durationMs: 4200, session: 's1', host: 'laptop', before: null, seed: 'e78e93a12d5e6dc01d21f3cf9e39b164',
};
const undo: SyncEvent = { v: 1, id: '01KJPZV28058C0KQD260RQ9N49', device: 'laptop-1', at: answer.at + 1000, kind: 'undo', card: answer.card, target: answer.id };

describe('event lines', () => {
  it('are written head first (v, id, device, at, kind), then what happened', () => {
    expect(eventLine(undo)).toBe(
      '{"v":1,"id":"01KJPZV28058C0KQD260RQ9N49","device":"laptop-1","at":1772445601000,"kind":"undo","card":"e78e93a12d5e6dc01d21f3cf9e39b164","target":"01KJPZV28058C0KQD260RQ9N48"}',
    );
  });

  it('read back every complete line, and count the bytes of complete lines only (a torn last line waits)', () => {
    const text = `${eventLine(answer)}\n${eventLine(undo)}\n${eventLine(answer).slice(0, 30)}`;
    const read = readEventLines(text);
    expect(read.events).toEqual([answer, undo]);
    expect(read.completeBytes).toBe(eventLine(answer).length + eventLine(undo).length + 2);
    expect(read.problems).toEqual([]);
    expect(read.newer).toBeNull();
  });

  it('skip blank lines, and report lines that are no events by line number, reading on', () => {
    const text = ['', 'not json', '[1]', JSON.stringify({ ...answer, rating: 7 }), JSON.stringify({ ...answer, kind: 'teleport' }), JSON.stringify({ ...undo, target: 'x' }), eventLine(answer), ''].join('\n');
    const read = readEventLines(text);
    expect(read.events).toEqual([answer]);
    expect(read.problems).toEqual([
      { line: 2, message: 'not JSON' },
      { line: 3, message: 'not an object' },
      { line: 4, message: 'an answer without a rating 1-4' },
      { line: 5, message: 'unknown kind "teleport"' },
      { line: 6, message: 'an undo without "target"' },
    ]);
  });

  it("take lines with surrounding spaces or a CRLF end as trimmed, and check every line's device, not only the first's", () => {
    const other = { ...undo, id: '01KJPZV28058C0KQD260RQ9N4A', device: 'desk-2' } as SyncEvent;
    const text = [`  ${eventLine(answer)}\r`, JSON.stringify({ ...undo, device: 'Laptop 1' }), `\u00a0${eventLine(undo)}\t`, eventLine(other), JSON.stringify({ ...undo, device: 'laptop-1!' }), ''].join('\n');
    const read = readEventLines(text);
    expect(read.events).toEqual([answer, undo, other]);
    expect(read.lines).toEqual([eventLine(answer), eventLine(undo), eventLine(other)]);
    expect(read.problems).toEqual([
      { line: 2, message: 'no device "device"' },
      { line: 5, message: 'no device "device"' },
    ]);
    expect(read.completeBytes).toBe(Buffer.byteLength(text));
  });

  it('name the first line of a newer format, for the caller to refuse the file', () => {
    const read = readEventLines(`${eventLine(answer)}\n${JSON.stringify({ ...undo, v: 3 })}\n${JSON.stringify({ ...undo, v: 2 })}\n`);
    expect(read.newer).toEqual({ line: 2, version: 3 });
    expect(read.events).toEqual([answer]);
  });

  it('go to one file a month, by the UTC month of the event', () => {
    expect(eventFileName(Date.parse('2026-03-31T23:59:59Z'))).toBe('2026-03.jsonl');
    expect(eventFileName(Date.parse('2026-04-01T00:00:00Z'))).toBe('2026-04.jsonl');
  });
});
