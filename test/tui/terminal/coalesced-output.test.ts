import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { coalescedOutput } from '../../../src/tui/terminal/coalesced-output.js';

/** A terminal's output, recording each write as it reaches the terminal. */
class FakeStdout extends EventEmitter {
  isTTY = true;
  columns = 80;
  rows = 24;
  written: string[] = [];
  write(text: string | Uint8Array, callback?: () => void): boolean {
    this.written.push(String(text));
    callback?.();
    return true;
  }
}

const make = () => {
  const stdout = new FakeStdout();
  return { stdout, out: coalescedOutput(stdout as unknown as NodeJS.WriteStream) };
};

describe('coalescedOutput', () => {
  it('sends the writes of one task as one write, in order, once the task is over', async () => {
    const { stdout, out } = make();
    out.stream.write('\x1b[?2026h');
    out.stream.write('frame');
    out.stream.write('\x1b[?2026l');
    expect(stdout.written).toEqual([]);
    await Promise.resolve();
    expect(stdout.written).toEqual(['\x1b[?2026hframe\x1b[?2026l']);
    out.stream.write('next');
    await Promise.resolve();
    expect(stdout.written).toEqual(['\x1b[?2026hframe\x1b[?2026l', 'next']);
  });

  it('sends what is pending first when asked, and before a write with a callback or of bytes', async () => {
    const { stdout, out } = make();
    out.stream.write('a');
    out.flush();
    expect(stdout.written).toEqual(['a']);
    out.stream.write('b');
    const called: string[] = [];
    (out.stream.write as (text: string, callback: () => void) => boolean)('', () => called.push('written'));
    expect(stdout.written).toEqual(['a', 'b', '']);
    expect(called).toEqual(['written']);
    out.stream.write('c');
    out.stream.write(Buffer.from('d'));
    expect(stdout.written).toEqual(['a', 'b', '', 'c', 'd']);
    await Promise.resolve();
    expect(stdout.written).toEqual(['a', 'b', '', 'c', 'd']);
  });

  it('is the real stream otherwise: its size, and its events to listeners added through it', () => {
    const { stdout, out } = make();
    expect([out.stream.isTTY, out.stream.columns, out.stream.rows]).toEqual([true, 80, 24]);
    stdout.columns = 100;
    expect(out.stream.columns).toBe(100);
    const seen: number[] = [];
    const onResize = () => seen.push(stdout.columns);
    out.stream.on('resize', onResize);
    stdout.emit('resize');
    out.stream.off('resize', onResize);
    stdout.emit('resize');
    expect(seen).toEqual([100]);
    expect(stdout.listenerCount('resize')).toBe(0);
  });
});
