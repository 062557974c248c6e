import { limitSentence, type LimitReached } from '../../app/review/today-limits.js';
import { shellWord } from './optimize-report.js';

/**
 * What `engram review` and `engram due` say when daily limits keep cards
 * waiting: which limits, and both ways out, as commands to type — study more
 * today (`review` with the same decks and `--more`), or raise the limit.
 * `reviewArgs` are the decks or paths the command was given (and its --db).
 * @returns no lines when no limit holds cards back
 */
export function limitLines(limits: readonly LimitReached[], reviewArgs: readonly string[]): string[] {
  if (limits.length === 0) return [];
  const flags = limits.map((l) => `${l.kind === 'new' ? '--more' : '--more-reviews'} ${l.suggested}`);
  const raise = limits.map((l) => `engram config set ${l.kind === 'new' ? 'new-per-day' : 'reviews-per-day'} N${l.deck === null ? '' : ` --deck ${shellWord(l.deck)}`}`);
  return [
    ...limits.map(limitSentence),
    `  Study more today: ${['engram review', ...reviewArgs.map(shellWord), ...flags].join(' ')}`,
    `  Or raise the limit${limits.length > 1 ? 's' : ''}: ${raise.join('; ')}`,
  ];
}
