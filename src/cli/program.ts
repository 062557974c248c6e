import { Command } from 'commander';
import { registerCardStateCommands } from './commands/card-state-commands.js';
import { registerCards } from './commands/cards-command.js';
import { registerCheck } from './commands/check-command.js';
import { registerCompletion } from './commands/completion-command.js';
import { registerConfig } from './commands/config-command.js';
import { registerDecks } from './commands/decks-command.js';
import { registerDoctor } from './commands/doctor-command.js';
import { registerBackup } from './commands/backup-commands.js';
import { registerDue } from './commands/due-command.js';
import { registerImport } from './commands/import-command.js';
import { registerQuiz } from './commands/quiz-command.js';
import { registerReview } from './commands/review-command.js';
import { registerExport } from './commands/export-command.js';
import { registerOptimize } from './commands/optimize-command.js';
import { registerRun } from './commands/run-command.js';
import { registerSimulate } from './commands/simulate-command.js';
import { registerStats } from './commands/stats-command.js';
import { registerSync } from './commands/sync-command.js';
import { registerTrust } from './commands/trust-commands.js';
import { EXIT_CODES_HELP } from './exit-codes.js';

/** The engram command line, with every command registered. */
export function createProgram(version: string): Command {
  const program = new Command('engram')
    .description('Flashcards and quizzes from plain markdown, in the terminal, scheduled with FSRS.')
    .version(version)
    .showHelpAfterError('(run engram --help for usage)')
    .addHelpText('after', EXIT_CODES_HELP)
    // Commander's own usage errors (unknown option, bad choice, missing argument) then reach main, which gives them the usage code.
    .exitOverride();
  registerReview(program);
  registerQuiz(program);
  registerImport(program);
  registerCheck(program);
  registerDue(program);
  registerDecks(program);
  registerCards(program);
  registerCardStateCommands(program);
  registerConfig(program);
  registerDoctor(program);
  registerSync(program);
  registerBackup(program);
  registerTrust(program);
  registerRun(program);
  registerStats(program);
  registerExport(program);
  registerOptimize(program);
  registerSimulate(program);
  registerCompletion(program);
  return program;
}
