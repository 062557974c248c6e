import { describe, expect, it, vi } from 'vitest';

// A worker that starts and then fails (it threw, or its thread ended without an answer).
vi.mock('../../src/store/waited-worker.js', () => ({
  startWaitedWorker: () => ({
    wait: () => {
      throw new Error('the worker ended without an answer');
    },
  }),
}));

const { startAnswerIds } = await import('../../src/store/anki-answer-ids.js');

describe('startAnswerIds when its worker fails', () => {
  it('gives no ids (the caller makes them itself) instead of failing the import', () => {
    const one = new Float64Array([Date.UTC(2026, 2, 2, 10)]);
    const log = { id: one, cardId: new Float64Array([1]), ease: one, ivl: one, time: one, type: one };
    expect(startAnswerIds(log, new Map([[1, 'key']])).take()).toBeNull();
  });
});
