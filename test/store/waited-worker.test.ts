import { describe, expect, it } from 'vitest';
import { startWaitedWorker } from '../../src/store/waited-worker.js';

describe('startWaitedWorker', () => {
  it('gives back what the work returned, its buffers handed over, with better-sqlite3 at hand in the worker', () => {
    const work = `(data, Database) => {
      const db = new Database(':memory:');
      const sum = db.prepare('SELECT ? + ?').pluck().get(data.a, data.b);
      db.close();
      const numbers = new Float64Array([sum, data.a]);
      return { value: { sum, numbers }, transfer: [numbers.buffer] };
    }`;
    const worker = startWaitedWorker<{ sum: number; numbers: Float64Array }>(work, { a: 2, b: 40 });
    expect(worker).not.toBeNull();
    const value = worker!.wait();
    expect(value?.sum).toBe(42);
    expect(Array.from(value!.numbers)).toEqual([42, 2]);
  });

  it('throws what the work threw, with its code', () => {
    const work = `(data) => { throw Object.assign(new Error('no such table: ' + data.table), { code: 'SQLITE_ERROR' }); }`;
    const worker = startWaitedWorker(work, { table: 'revlog' });
    let thrown: (Error & { code?: string }) | null = null;
    try {
      worker!.wait();
    } catch (err) {
      thrown = err as Error & { code?: string };
    }
    expect(thrown?.message).toBe('no such table: revlog');
    expect(thrown?.code).toBe('SQLITE_ERROR');
  });

  it('reports a worker that ended its thread without an answer instead of waiting for ever', () => {
    const worker = startWaitedWorker(`() => process.exit(3)`, {});
    expect(() => worker!.wait()).toThrow('the worker ended without an answer');
  });

  it('reports an answer that cannot be handed over (a function) as an error', () => {
    const worker = startWaitedWorker(`() => ({ value: { make: () => 1 } })`, {});
    expect(() => worker!.wait()).toThrow(/^the worker could not hand its answer over: /);
  });
});
