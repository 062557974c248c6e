import { allCommands, shortDescription, valuedOptions, type CommandSpec, type OptionSpec, type ValueKind } from './completion-spec.js';

/** A word in single quotes for fish. */
function fishQuote(word: string): string {
  return `'${word.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

/** The flags of `complete` that give a value of `kind`. */
function valueFlags(kind: ValueKind, choices: readonly string[]): string {
  switch (kind) {
    case 'choice':
      return `-a ${fishQuote(choices.join(' '))}`;
    case 'deck':
      return `-a '(__engram_decks)'`;
    case 'deck-or-path':
      return `-F -a '(__engram_decks)'`;
    case 'path':
      return '-F';
    case 'command':
      return `-a '(__engram_commands "")'`;
    case 'text':
      return '';
  }
}

function optionLine(c: CommandSpec, o: OptionSpec): string {
  const names = o.names.map((n) => (n.startsWith('--') ? `-l ${n.slice(2)}` : `-s ${n.slice(1)}`)).join(' ');
  // -r: the option takes a value; -x: one that is no file (fish offers files for -r alone).
  const files = o.value?.kind === 'path' || o.value?.kind === 'deck-or-path';
  const value = o.value ? ` ${files ? '-r' : '-x'} ${valueFlags(o.value.kind, o.value.choices)}`.trimEnd() : '';
  return `complete -c engram -n ${fishQuote(`__engram_at ${c.path.join(' ')}`.trim())} ${names}${value} -d ${fishQuote(shortDescription(o.description))}`;
}

/**
 * The fish completion script of `spec` (see completionSpec): commands and
 * options with their descriptions as `complete` rules, deck names asked of
 * `engram __complete decks` when needed (with the --db on the line).
 */
export function fishScript(spec: CommandSpec): string {
  const commands = allCommands(spec);
  const subcommands = commands
    .filter((c) => c.commands.length > 0)
    .map((c) => `        case ${fishQuote(c.path.join(' '))}\n            printf '%s\\n' ${c.commands.map((s) => fishQuote(s.name)).join(' ')}`);
  const valued = commands
    .filter((c) => valuedOptions(c).length > 0)
    .map((c) => `        case ${valuedOptions(c).map((n) => fishQuote(`${c.path.join(' ')}|${n}`)).join(' ')}\n            return 0`);
  const rules: string[] = [];
  for (const c of commands) {
    const at = fishQuote(`__engram_at ${c.path.join(' ')}`.trim());
    for (const s of c.commands) rules.push(`complete -c engram -n ${at} -a ${fishQuote(s.name)} -d ${fishQuote(shortDescription(s.description))}`);
    for (const o of c.options) rules.push(optionLine(c, o));
    // Fish offers positional words whatever their position: each kind the command's arguments take.
    const kinds = new Set(c.arguments.map((a) => valueFlags(a.kind, a.choices)).filter((f) => f !== ''));
    for (const flags of kinds) rules.push(`complete -c engram -n ${at} ${flags}`);
  }
  return `# engram completion for fish, made by \`engram completion fish\` from engram's own commands.
# Load it in this shell:   engram completion fish | source
# or for every new shell:  engram completion fish > ~/.config/fish/completions/engram.fish

# The subcommands of a command ('' is engram itself), one a line.
function __engram_commands --argument-names cmd
    switch "$cmd"
${subcommands.join('\n')}
    end
end

# Whether option $2 of command $1 takes a value.
function __engram_takes_value --argument-names cmd option
    switch "$cmd|$option"
${valued.join('\n')}
    end
    return 1
end

# The command on the line so far: its words after engram, options and their values left out.
function __engram_command
    set -l cmd ''
    set -l want ''
    for w in (commandline -opc)[2..-1]
        if test -n "$want"
            set want ''
            continue
        end
        switch $w
            case '--*=*'
            case '-*'
                __engram_takes_value "$cmd" $w; and set want $w
            case '*'
                if contains -- $w (__engram_commands "$cmd")
                    set cmd (string trim -- "$cmd $w")
                end
        end
    end
    echo $cmd
end

# Whether the command on the line is $argv ('' for engram itself).
function __engram_at
    set -l cmd (__engram_command)
    test "$cmd" = "$argv"
end

# The decks of the store (with the --db on the line), and the folders above them.
function __engram_decks
    set -l words (commandline -opc)
    set -l db
    for i in (seq (count $words))
        if test "$words[$i]" = --db; and test $i -lt (count $words)
            set db $words[(math $i + 1)]
        else if string match -q -- '--db=*' $words[$i]
            set db (string replace -- '--db=' '' $words[$i])
        end
    end
    if test -n "$db"
        command engram __complete decks --db $db 2>/dev/null
    else
        command engram __complete decks 2>/dev/null
    end
end

# No file names unless a rule below asks for them.
complete -c engram -f
${rules.join('\n')}
`;
}
