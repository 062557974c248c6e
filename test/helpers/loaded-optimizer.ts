import { loadOptimizer, type FsrsOptimizer, type OptimizerChoice } from '../../src/schedule/optimize/fsrs-optimizer.js';

/** The study clock the optimizer tests build their items on: UTC, rollover at 4 am. */
export const UTC = { rolloverHour: 4, timeZone: 'UTC' };

/**
 * The optimizer `choice` asks for; throws with the loader's reason when it
 * cannot load (a test of the optimizer must fail then, not pass on nothing)
 * and when it loaded another build than the one asked for.
 */
export async function loadedOptimizer(choice: OptimizerChoice = 'auto'): Promise<FsrsOptimizer> {
  const load = await loadOptimizer(choice);
  if (!load.ok) throw new Error(load.reason);
  if (choice !== 'auto' && load.backend !== choice) throw new Error(`asked for the ${choice} optimizer, loaded ${load.backend}`);
  return load.optimizer;
}
