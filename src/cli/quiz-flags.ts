import { EngramError } from '../model/engram-error.js';
import type { QuizMode } from '../app/quiz/quiz-session.js';

/** Quiz modes as `--mode` takes them. */
export const QUIZ_MODES: readonly QuizMode[] = ['mixed', 'typed', 'choice', 'predict'];

/** How many questions a quiz asks when --count is not given. */
export const DEFAULT_COUNT = 10;

/** `engram quiz`'s options, checked. */
export interface QuizFlags {
  mode: QuizMode;
  count: number;
  /** The seed given with --seed, or null to take one from the clock. */
  seed: number | null;
  schedule: boolean;
}

/**
 * The options as commander hands them over, checked before anything else runs.
 * @returns the mode (default mixed), count (default DEFAULT_COUNT), seed and --schedule
 * @throws EngramError 'usage' for a mode that is not one of QUIZ_MODES, a
 * count that is not a whole number from 1 to 1000, or a seed that is not a
 * whole number from 0 to 2^32 - 1
 */
export function quizFlags(raw: { mode?: string; count?: string; seed?: string; schedule?: boolean }): QuizFlags {
  const mode = raw.mode ?? 'mixed';
  if (!(QUIZ_MODES as readonly string[]).includes(mode)) {
    throw new EngramError('usage', `--mode "${mode}" is not a quiz mode; use one of ${QUIZ_MODES.join(', ')}.`);
  }
  const count = raw.count === undefined ? DEFAULT_COUNT : wholeNumber(raw.count);
  if (count === null || count < 1 || count > 1000) {
    throw new EngramError('usage', `--count "${raw.count}" is not a number of questions; use a whole number from 1 to 1000.`);
  }
  const seed = raw.seed === undefined ? null : wholeNumber(raw.seed);
  if (raw.seed !== undefined && (seed === null || seed > 0xffffffff)) {
    throw new EngramError('usage', `--seed "${raw.seed}" is not a seed; use a whole number from 0 to 4294967295.`);
  }
  return { mode: mode as QuizMode, count, seed, schedule: raw.schedule === true };
}

function wholeNumber(text: string): number | null {
  return /^\d{1,10}$/.test(text.trim()) ? Number(text.trim()) : null;
}
