import { valuedOptions, type CommandSpec, type ValueKind } from './completion-spec.js';

/** A word in single quotes for bash and zsh. */
export function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** What a value of `kind` completes to, as the words the helper functions take: `choice a b`, `deck`. */
export function valueWords(kind: ValueKind, choices: readonly string[]): string {
  return [kind, ...choices].map(shellQuote).join(' ');
}

/**
 * The functions bash and zsh scripts share, written from `commands`' tables:
 * whether an option takes a value, and what an option's value or a positional
 * argument completes to (each calls the script's own `_engram_complete`).
 */
export function valueFunctions(commands: readonly CommandSpec[]): string {
  const key = (c: CommandSpec, word: string): string => shellQuote(`${c.path.join(' ')}${word}`);
  const valued = commands
    .filter((c) => valuedOptions(c).length > 0)
    .map((c) => `    ${valuedOptions(c).map((n) => key(c, `|${n}`)).join('|')}) return 0 ;;`);
  const values = commands.flatMap((c) =>
    c.options.flatMap((o) => (o.value ? [`    ${o.names.map((n) => key(c, `|${n}`)).join('|')}) set -- ${valueWords(o.value.kind, o.value.choices)} ;;`] : [])),
  );
  const argumentCases = commands.flatMap((c) =>
    c.arguments.map((a, n) => {
      // A variadic argument is the last: it takes every later position too.
      const pattern = a.variadic ? `${key(c, ' ')}*` : key(c, ` ${n}`);
      return `    ${pattern}) set -- ${valueWords(a.kind, a.choices)} ;;`;
    }),
  );
  return `# Whether option $2 of command $1 takes a value.
_engram_takes_value() {
  case "$1|$2" in
${valued.join('\n')}
  esac
  return 1
}

# Completes the value of option $2 of command $1.
_engram_option_value() {
  case "$1|$2" in
${values.join('\n')}
    *) set -- text ;;
  esac
  _engram_complete "$@"
}

# Completes positional argument $2 (0-based) of command $1.
_engram_argument() {
  case "$1 $2" in
${argumentCases.join('\n')}
    *) set -- text ;;
  esac
  _engram_complete "$@"
}
`;
}
