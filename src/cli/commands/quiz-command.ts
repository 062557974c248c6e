import type { Command } from 'commander';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { EngramError } from '../../model/engram-error.js';
import { dbOption } from '../common-options.js';
import { configPath, currentTime, storePath, toolEnvironment } from '../environment.js';
import { DEFAULT_COUNT, QUIZ_MODES, quizFlags } from '../quiz-flags.js';

/** `engram quiz [decks...]` */
export function registerQuiz(program: Command): void {
  program
    .command('quiz')
    .description('a scored quiz over your cards, due or not (moves no due dates unless --schedule)')
    .argument('[decks...]', 'decks to quiz (default: every deck)')
    .option('--count <n>', `how many questions (default: ${DEFAULT_COUNT}, fewer when the decks have fewer cards)`)
    .option('--mode <mode>', `${QUIZ_MODES.join(', ')}: which kind of questions (default: mixed)`)
    .option('--schedule', 'also record each answer as a review, moving its due date as engram review would')
    .option('--seed <n>', 'draw the questions with this seed: the same seed asks the same quiz again')
    .addOption(dbOption())
    .addHelpText(
      'after',
      '\nKeys: 1-4 pick an option; type an answer and press enter; a prediction ends with an empty line or ctrl-d;' +
        '\nspace shows a recalled answer, then y / n; enter goes on; q quits (answers so far are saved).',
    )
    .action(async (names: string[], raw: { count?: string; mode?: string; seed?: string; schedule?: boolean; db?: string }) => {
      // Usage first: a mistyped option is told even without a terminal.
      const flags = quizFlags(raw);
      // The screen (Ink, React) is a chunk of its own in the bundle: it loads while the store is read.
      const tui = import('../../tui/quiz/run-quiz.js');
      tui.catch(() => undefined);
      const { openCommandStore } = await import('../command-store.js');
      const { prepareQuiz } = await import('../../app/quiz/prepare-quiz.js');
      const store = openCommandStore(storePath(raw.db), { create: false, now: currentTime() });
      try {
        const quiz = prepareQuiz(store, {
          names,
          ...flags,
          configPath: configPath(),
          toolEnv: toolEnvironment(),
          now: currentTime,
          sessionId: randomUUID(),
          device: hostname(),
          // An unknown deck is told even without a terminal; the cards are not loaded without one.
          beforeLoading: () => {
            if (!process.stdin.isTTY || !process.stdout.isTTY) {
              throw new EngramError('usage', 'engram quiz needs a terminal (stdin and stdout must be a TTY). To list cards, run engram cards.');
            }
          },
        });
        const { runQuiz } = await tui;
        const { processEnd } = await import('../process-end.js');
        const { quizAgainWords } = await import('../quiz-again.js');
        const again = quizAgainWords({ ...flags, decks: names, seed: quiz.seed, db: raw.db ?? null });
        const result = await runQuiz({ items: quiz.items, actions: quiz.actions, again, color: !process.env['NO_COLOR'], stdin: process.stdin, stdout: process.stdout, processEnd: processEnd() });
        if (result.lines.length > 0) process.stdout.write(`${result.lines.join('\n')}\n`);
      } finally {
        store.close();
      }
    });
}
