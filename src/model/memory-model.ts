/**
 * A memory model engram schedules with: its name as FSRS names its
 * versions, how many parameters it takes, and the setting that holds its
 * fitted parameters. Each model keeps its parameters under a setting of its
 * own, so switching a deck to another model and back loses nothing.
 */
export interface MemoryModel {
  name: string;
  parameterCount: number;
  /** The setting (global and per deck) that holds this model's parameters. */
  parameterSetting: 'weights';
}

/** FSRS-6 (ts-fsrs 5): 21 parameters, the 21st the shape of the forgetting curve. */
export const FSRS_6: MemoryModel = Object.freeze({ name: 'FSRS-6', parameterCount: 21, parameterSetting: 'weights' });

/** Every model this engram knows, oldest first. A later model (FSRS-7) is added here with a parameter setting of its own. */
export const MEMORY_MODELS: readonly MemoryModel[] = Object.freeze([FSRS_6]);

/** The model of a store's deck and of the settings until one is chosen. */
export const DEFAULT_MODEL = FSRS_6;

/** The model named `name` (any case: "fsrs-6" is FSRS-6), or null when this engram does not know it. */
export function memoryModel(name: string): MemoryModel | null {
  const wanted = name.trim().toUpperCase();
  return MEMORY_MODELS.find((m) => m.name.toUpperCase() === wanted) ?? null;
}

/**
 * Why engram cannot schedule with the model `name`, in words: what it knows
 * instead and what to do, with `context` when given (where the name was found).
 */
export function unknownModel(name: string, context?: string): string {
  const known = MEMORY_MODELS.map((m) => `${m.name} (${m.parameterCount} parameters)`).join(', ');
  const head = `unknown memory model "${name}"${context ? ` (${context})` : ''}`;
  return `${head}: this engram knows ${known}. A newer engram may know it: upgrade engram.`;
}
