import type { QuizFlags } from './quiz-flags.js';
import { shellWord } from './shell-words.js';

/** What a quiz was run with: the deck names as given, its checked options and the seed it was drawn with. */
export interface QuizRun extends Omit<QuizFlags, 'seed'> {
  decks: readonly string[];
  seed: number;
  /** The --db given, as typed (null when the store came from ENGRAM_DB or the default place). */
  db: string | null;
}

/**
 * The command that asks the same quiz again, as shell words quoted for a POSIX
 * shell (joined with spaces, one command line): the decks as they were named,
 * then --mode, --count and --seed always (a default may change, the printed
 * command must not), --schedule and --db when they were given. Deck names
 * come after `--` when one starts with `-`, so none is read as an option.
 */
export function quizAgainWords(run: QuizRun): string[] {
  const options = ['--mode', run.mode, '--count', String(run.count), '--seed', String(run.seed)];
  if (run.schedule) options.push('--schedule');
  if (run.db !== null) options.push('--db', run.db);
  const args = run.decks.some((d) => d.startsWith('-')) ? [...options, '--', ...run.decks] : [...run.decks, ...options];
  return ['engram', 'quiz', ...args].map(shellWord);
}
