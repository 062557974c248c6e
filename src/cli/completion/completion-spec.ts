import type { Argument, Command, Option } from 'commander';

/**
 * What a word completes to: deck names, files and folders, both, the
 * commands of the program (help's argument), fixed choices, or nothing known.
 */
export type ValueKind = 'deck' | 'path' | 'deck-or-path' | 'command' | 'choice' | 'text';

/** An option as completion sees it. */
export interface OptionSpec {
  /** Its spellings: `-o`, `--output`. */
  names: string[];
  description: string;
  /** What its value completes to; null for a flag that takes none. */
  value: { kind: ValueKind; choices: string[] } | null;
}

/** A positional argument as completion sees it. */
export interface ArgumentSpec {
  kind: ValueKind;
  choices: string[];
  /** It takes every word that follows. */
  variadic: boolean;
}

/** A command (or the program itself) as completion sees it. */
export interface CommandSpec {
  name: string;
  /** The words that name it after the program's name: [] for the program, ['config', 'get'] for `config get`. */
  path: string[];
  description: string;
  options: OptionSpec[];
  arguments: ArgumentSpec[];
  commands: CommandSpec[];
}

/**
 * The completion spec of a commander program: its visible commands (nested),
 * options and arguments, read from the same tree that parses argv, so a new
 * command or option completes without anyone writing it down twice. What a
 * value completes to is read from its name: a deck (`[decks...]`,
 * `--deck <name>`), a path (`<paths...>`, `--db <file>`), either
 * (`[decks-or-paths...]`), or an option's choices.
 */
export function completionSpec(program: Command): CommandSpec {
  return commandSpec(program, []);
}

function commandSpec(command: Command, path: string[]): CommandSpec {
  const help = command.createHelp();
  return {
    name: command.name(),
    path,
    description: command.description(),
    options: help.visibleOptions(command).map(optionSpec),
    arguments: command.registeredArguments.map(argumentSpec),
    commands: help
      .visibleCommands(command)
      .map((c) => (isImplicitHelp(command, c) ? helpSpec(c, [...path, 'help']) : commandSpec(c, [...path, c.name()]))),
  };
}

/** Commander lists `help [command]` as a made-up command of its own, with no arguments registered. */
function isImplicitHelp(parent: Command, c: Command): boolean {
  return c.name() === 'help' && !parent.commands.includes(c);
}

function helpSpec(c: Command, path: string[]): CommandSpec {
  return {
    name: 'help',
    path,
    description: c.description(),
    options: [],
    arguments: [{ kind: 'command', choices: [], variadic: false }],
    commands: [],
  };
}

function optionSpec(o: Option): OptionSpec {
  const names = [o.short, o.long].filter((n): n is string => Boolean(n));
  const takesValue = o.required || o.optional;
  if (!takesValue) return { names, description: o.description, value: null };
  const valueName = /[<[]([^>\]]+)[>\]]/.exec(o.flags)?.[1] ?? '';
  return { names, description: o.description, value: valueOf(`${o.long ?? ''} ${valueName}`, o.argChoices) };
}

function argumentSpec(a: Argument): ArgumentSpec {
  const { kind, choices } = valueOf(a.name(), a.argChoices);
  return { kind, choices, variadic: a.variadic };
}

function valueOf(name: string, choices: readonly string[] | undefined): { kind: ValueKind; choices: string[] } {
  if (choices && choices.length > 0) return { kind: 'choice', choices: [...choices] };
  const deck = /deck/i.test(name);
  const path = /path|file|folder|dir|output/i.test(name);
  return { kind: deck && path ? 'deck-or-path' : deck ? 'deck' : path ? 'path' : 'text', choices: [] };
}

/** Every command of the spec, the program itself first, then depth first. */
export function allCommands(spec: CommandSpec): CommandSpec[] {
  return [spec, ...spec.commands.flatMap(allCommands)];
}

/** The options of a command that take a value, by each of their spellings. */
export function valuedOptions(c: CommandSpec): string[] {
  return c.options.filter((o) => o.value !== null).flatMap((o) => o.names);
}

/**
 * What the `n`th positional argument (0-based) of a command completes to: an
 * argument's kind, the last one's again when it is variadic; null past the last.
 */
export function argumentAt(c: CommandSpec, n: number): ArgumentSpec | null {
  const last = c.arguments[c.arguments.length - 1];
  return c.arguments[n] ?? (last?.variadic ? last : null);
}

/** A description on one line, up to its first aside ('; ', ': ', ' ('): completion lists are narrow. */
export function shortDescription(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const cut = line.search(/[;:] | \(/);
  return cut > 0 ? line.slice(0, cut).trim() : line;
}
