import type { SimulationSpan } from '../app/simulate/simulate-reviews.js';
import { EngramError } from '../model/engram-error.js';

/**
 * `--days` and `--seed` as given (the defaults: 365 days, seed 1). Throws
 * EngramError (`usage`) for days outside 1-3,650 or a seed outside 0-2^32-1,
 * naming the option and what was given.
 */
export function simulationSpan(days = '365', seed = '1'): SimulationSpan {
  return {
    days: whole(days, '--days', 1, 3650, 'study days to simulate'),
    seed: whole(seed, '--seed', 0, 2 ** 32 - 1, 'seed of the simulated recalls'),
  };
}

/**
 * `--retention` as given: the desired retention to simulate, 0.7-0.99 (the
 * range the setting allows). Throws EngramError (`usage`) for anything else.
 */
export function simulationRetention(text: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < 0.7 || n > 0.99) {
    throw new EngramError('usage', `--retention must be a number from 0.7 to 0.99 (the chance to recall a card when it falls due); got "${text}".`);
  }
  return n;
}

function whole(text: string, option: string, min: number, max: number, what: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < min || n > max) {
    throw new EngramError('usage', `${option} must be a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')} (${what}); got "${text}".`);
  }
  return n;
}
