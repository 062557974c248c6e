import { afterEach, describe, expect, it, vi } from 'vitest';
import { processEnd } from '../../src/cli/process-end.js';

afterEach(() => {
  vi.restoreAllMocks();
});

/** The listener just added for `event` (called directly: emitting on the test's own process would reach the runner's too). */
const lastListener = (event: string) => process.listeners(event as NodeJS.Signals).at(-1) as (signal: string) => void;

describe('processEnd', () => {
  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    it(`on ${signal} tells the screen, then exits with ${code}`, () => {
      const order: string[] = [];
      vi.spyOn(process, 'exit').mockImplementation(((c: number) => {
        order.push(`exit ${c}`);
      }) as never);
      const unwatch = processEnd().watch(
        () => order.push('exit event'),
        () => order.push('signal'),
      );
      try {
        lastListener(signal)(signal);
      } finally {
        unwatch();
      }
      expect(order).toEqual(['signal', `exit ${code}`]);
    });
  }

  it('hands the screen the exit event, and stops listening when asked', () => {
    const counts = () => ['exit', 'SIGTERM', 'SIGHUP'].map((e) => process.listenerCount(e));
    const before = counts();
    const onExit = (): void => undefined;
    const unwatch = processEnd().watch(onExit, () => undefined);
    expect(counts()).toEqual(before.map((n) => n + 1));
    expect(process.listeners('exit').at(-1)).toBe(onExit);
    unwatch();
    expect(counts()).toEqual(before);
  });
});
