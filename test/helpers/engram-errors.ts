import { expect } from 'vitest';
import { EngramError } from '../../src/model/engram-error.js';

/** The EngramError `run` throws; fails the test when it throws something else or nothing. */
export function thrownError(run: () => unknown): EngramError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(EngramError);
    return err as EngramError;
  }
  throw new Error('expected an EngramError, none was thrown');
}

/** The EngramError `pending` rejects with; fails the test when it rejects with something else or resolves. */
export async function rejectedError(pending: Promise<unknown>): Promise<EngramError> {
  try {
    await pending;
  } catch (err) {
    expect(err).toBeInstanceOf(EngramError);
    return err as EngramError;
  }
  throw new Error('expected an EngramError, the promise resolved');
}
