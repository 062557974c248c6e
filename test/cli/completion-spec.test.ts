import { Command, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { bashScript } from '../../src/cli/completion/bash-script.js';
import { allCommands, completionSpec, shortDescription } from '../../src/cli/completion/completion-spec.js';
import { fishScript } from '../../src/cli/completion/fish-script.js';
import { zshScript } from '../../src/cli/completion/zsh-script.js';
import { createProgram } from '../../src/cli/program.js';

describe('completionSpec', () => {
  it("reads engram's own commands, options and what their values complete to", () => {
    const spec = completionSpec(createProgram('1.2.3'));
    const byPath = new Map(allCommands(spec).map((c) => [c.path.join(' '), c]));
    expect(spec.commands.map((c) => c.name)).toContain('completion');
    expect(spec.commands.map((c) => c.name)).not.toContain('__complete');
    expect(byPath.get('review')!.arguments).toEqual([{ kind: 'deck-or-path', choices: [], variadic: true }]);
    expect(byPath.get('import')!.arguments).toEqual([{ kind: 'path', choices: [], variadic: true }]);
    expect(byPath.get('stats')!.arguments).toEqual([{ kind: 'deck', choices: [], variadic: true }]);
    expect(byPath.get('cards')!.options.map((o) => [o.names, o.value])).toEqual([
      [['--deck'], { kind: 'deck', choices: [] }],
      [['--archived'], null],
      [['--from'], { kind: 'choice', choices: ['cards', 'notes'] }],
      [['--dropped'], null],
      [['--json'], null],
      [['--db'], { kind: 'path', choices: [] }],
      [['-h', '--help'], null],
    ]);
    expect(byPath.get('check')!.options.map((o) => [o.names, o.value])).toEqual([
      [['--mode'], { kind: 'choice', choices: ['auto', 'cards', 'notes'] }],
      [['--quality'], null],
      [['--from'], { kind: 'choice', choices: ['cards', 'notes'] }],
      [['--json'], null],
      [['-h', '--help'], null],
    ]);
    expect(byPath.get('config')!.commands.map((c) => c.path.join(' '))).toEqual(['config get', 'config set', 'config unset']);
    expect(byPath.get('help')!.arguments).toEqual([{ kind: 'command', choices: [], variadic: false }]);
  });

  it('puts a command added to the program into every script, so the scripts never go stale', () => {
    const program = new Command('engram');
    program
      .command('frobnicate')
      .description('frobnicate the decks')
      .argument('[decks...]', 'decks')
      .addOption(new Option('--speed <speed>', 'how fast').choices(['slow', 'fast']));
    const spec = completionSpec(program);
    expect(bashScript(spec)).toContain(`'frobnicate|--speed') set -- 'choice' 'slow' 'fast' ;;`);
    expect(zshScript(spec)).toContain(`'frobnicate:frobnicate the decks'`);
    expect(fishScript(spec)).toContain(`complete -c engram -n '__engram_at frobnicate' -l speed -x -a 'slow fast' -d 'how fast'`);
    expect(fishScript(spec)).toContain(`complete -c engram -n '__engram_at frobnicate' -a '(__engram_decks)'`);
  });
});

describe('shortDescription', () => {
  it('keeps a description up to its first aside, on one line', () => {
    expect(shortDescription('store file (default: $ENGRAM_DB, else\n  $XDG_DATA_HOME/engram/engram.db)')).toBe('store file');
    expect(shortDescription('your progress: today, streak, retention')).toBe('your progress');
    expect(shortDescription('list decks')).toBe('list decks');
  });
});
