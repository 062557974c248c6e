import type { Command } from 'commander';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { EngramError } from '../../model/engram-error.js';
import { dbOption } from '../common-options.js';
import { configPath, currentTime, storePath } from '../environment.js';
import { DEFAULT_COUNT, QUIZ_MODES, quizOptions, seedFromClock } from '../quiz-flags.js';

/**
 * The quiz screen, an entry of its own in the bundle (dist/bundle/run-quiz.js,
 * next to this chunk), loaded only when a quiz starts. The path is kept out of
 * the bundler's sight for that.
 */
const TUI_ENTRY = './run-quiz.js';

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
      const options = quizOptions(raw);
      const tui = import(TUI_ENTRY) as Promise<typeof import('../../tui/quiz/run-quiz.js')>;
      tui.catch(() => undefined);
      const { openCommandStore } = await import('../command-store.js');
      const { resolveQuizDecks } = await import('../../app/quiz/quiz-decks.js');
      const store = openCommandStore(storePath(raw.db), { create: false, now: currentTime() });
      // The quiz's result (and with --schedule every answer) is written: say so now, not at the end.
      if (store.readOnly) {
        store.close();
        throw (await import('../../store/store-errors.js')).readOnlyError(store.path);
      }
      try {
        const decks = resolveQuizDecks(store, names);
        if (!process.stdin.isTTY || !process.stdout.isTTY) {
          throw new EngramError('usage', 'engram quiz needs a terminal (stdin and stdout must be a TTY). To list cards, run engram cards.');
        }
        const { loadSettings, schedulerSet } = await import('../../app/settings/study-settings.js');
        const { codeRunner, userRegistry } = await import('../../app/run/code-runner.js');
        const { planQuiz } = await import('../../app/quiz/quiz-session.js');
        const { quizCards } = await import('../../store/quiz-cards.js');
        const { quizService } = await import('../../app/quiz/quiz-service.js');

        const loaded = loadSettings(configPath());
        const code = codeRunner(loaded, userRegistry(loaded));
        const seed = options.seed ?? seedFromClock(currentTime());
        const cards = quizCards(store, decks);
        const where = decks.length ? decks.join(', ') : 'any deck';
        if (cards.length === 0) throw new EngramError('failed', `no cards to quiz in ${where} (suspended cards are left out).`);
        const items = planQuiz(cards, { mode: options.mode, count: options.count, seed, typedAnswers: code.rules.typedAnswers, runnable: code.rules.runnable });
        if (items.length === 0) throw new EngramError('failed', noItems(options.mode, where));
        // A locked store must not freeze the screen for long: an answer that cannot be saved within 2 s says so.
        store.db.pragma('busy_timeout = 2000');
        const { runQuiz } = await tui;
        const result = await runQuiz({
          items,
          seed,
          color: !process.env['NO_COLOR'],
          actions: quizService({
            store,
            schedulers: options.schedule ? schedulerSet(loaded) : null,
            now: currentTime,
            sessionId: randomUUID(),
            device: hostname(),
            mode: options.mode,
            decks,
            runBlock: (block, hooks) => code.run(block, hooks),
          }),
        });
        if (result.lines.length > 0) process.stdout.write(`${result.lines.join('\n')}\n`);
      } finally {
        store.close();
      }
    });
}

/** Why a mode found nothing to ask, and what would. */
function noItems(mode: string, where: string): string {
  switch (mode) {
    case 'predict':
      return `no card in ${where} asks to predict the output of code engram can run. Try --mode mixed.`;
    case 'choice':
      return `no card in ${where} can be asked as multiple choice: that needs short one-line answers and at least 3 other answers in the same deck. Try --mode mixed.`;
    default:
      return `no card in ${where} can be asked in ${mode} mode. Try --mode mixed.`;
  }
}
