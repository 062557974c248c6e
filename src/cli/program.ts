import { Command } from 'commander';
import { registerCards } from './commands/cards.js';
import { registerCheck } from './commands/check.js';
import { registerDecks } from './commands/decks.js';
import { registerImport } from './commands/import.js';

/** The engram command line, with every command registered. */
export function createProgram(version: string): Command {
  const program = new Command('engram')
    .description('Flashcards and quizzes from plain markdown, in the terminal, scheduled with FSRS.')
    .version(version)
    .showHelpAfterError('(run engram --help for usage)');
  registerImport(program);
  registerCheck(program);
  registerDecks(program);
  registerCards(program);
  return program;
}
