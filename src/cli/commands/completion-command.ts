import { Argument, type Command } from 'commander';
import { dbOption } from '../common-options.js';
import { storePath } from '../environment.js';

const SHELLS = ['bash', 'zsh', 'fish'] as const;

const INSTALL = `
Install (a saved script knows the commands of this engram: save it again after an upgrade):
  bash  engram completion bash > ~/.local/share/bash-completion/completions/engram
        (bash-completion loads it; without that package, add to ~/.bashrc:
         eval "$(engram completion bash)")
  zsh   mkdir -p ~/.zfunc && engram completion zsh > ~/.zfunc/_engram
        and in ~/.zshrc, before compinit: fpath=(~/.zfunc $fpath)
  fish  engram completion fish > ~/.config/fish/completions/engram.fish
Deck names are read from the store each time (ENGRAM_DB, or the --db on the line).`;

/** `engram completion bash|zsh|fish`, and the hidden `engram __complete decks` its scripts call. */
export function registerCompletion(program: Command): void {
  program
    .command('completion')
    .description('print a shell completion script: commands, options and deck names')
    .addArgument(new Argument('<shell>', 'the shell to complete in').choices(SHELLS))
    .addHelpText('after', INSTALL)
    .action(async (shell: (typeof SHELLS)[number]) => {
      const { completionScript } = await import('../completion/completion-script.js');
      process.stdout.write(completionScript(program, shell));
    });

  // Called by the scripts on a tab press: lists what a word can be, one a line, fast
  // (no Ink, no store migration or backup), and nothing at all rather than an error.
  program
    .command('__complete', { hidden: true })
    .argument('<what>', 'decks')
    .addOption(dbOption())
    .action(async (what: string, opts: { db?: string }) => {
      if (what !== 'decks') return;
      const { deckCompletions } = await import('../../app/cards/deck-completions.js');
      const names = deckCompletions(storePath(opts.db));
      if (names.length > 0) process.stdout.write(`${names.join('\n')}\n`);
    });
}
