import { allCommands, shortDescription, type CommandSpec } from './completion-spec.js';
import { shellQuote, valueFunctions } from './value-functions.js';

/** `name:description` for _describe, a colon in the name escaped. */
function described(name: string, description: string): string {
  return shellQuote(`${name.replace(/:/g, '\\:')}:${shortDescription(description)}`);
}

/**
 * The zsh completion script of `spec` (see completionSpec): commands and
 * options with their descriptions from the tables written into it, deck
 * names asked of `engram __complete decks` when needed (with the --db on the
 * line), paths by zsh's own _files. It can be sourced after compinit or
 * autoloaded as _engram from $fpath.
 */
export function zshScript(spec: CommandSpec): string {
  const commands = allCommands(spec);
  const key = (c: CommandSpec): string => shellQuote(c.path.join(' '));
  const subcommands = commands
    .filter((c) => c.commands.length > 0)
    .map((c) => `    ${key(c)}) reply=(${c.commands.map((s) => described(s.name, s.description)).join(' ')}) ;;`);
  const options = commands.map((c) => `    ${key(c)}) reply=(${c.options.flatMap((o) => o.names.map((n) => described(n, o.description))).join(' ')}) ;;`);
  return `#compdef engram
# engram completion for zsh, made by \`engram completion zsh\` from engram's own commands.
# Load it in this shell (after compinit):  source <(engram completion zsh)
# or for every new shell:                  engram completion zsh > ~/.zfunc/_engram
#                                          (with fpath=(~/.zfunc $fpath) before compinit in ~/.zshrc)

# The subcommands of a command ('' is engram itself), as name:description in $reply.
_engram_commands() {
  case $1 in
${subcommands.join('\n')}
    *) reply=() ;;
  esac
}

# The options of a command, as name:description in $reply.
_engram_options() {
  case $1 in
${options.join('\n')}
    *) reply=() ;;
  esac
}

${valueFunctions(commands)}
# The decks of the store (with the --db on the line), and the folders above them.
_engram_decks() {
  local -a decks expl
  decks=(\${(f)"$(command engram __complete decks \${_engram_db:+--db "$_engram_db"} 2>/dev/null)"})
  _wanted decks expl 'deck' compadd -a decks
}

# Completes the current word as a value of a kind: choice (the words after it), deck,
# deck-or-path, command, path, or text (nothing to offer).
_engram_complete() {
  local kind=$1 expl
  shift
  # Named, not $argv: _wanted runs compadd with positional parameters of its own.
  local -a choices=("$@")
  case $kind in
    choice) _wanted values expl 'value' compadd -a choices ;;
    command) _engram_commands ''; _describe -t commands 'engram command' reply ;;
    deck) _engram_decks ;;
    deck-or-path) _engram_decks; _files ;;
    path) _files ;;
    *) return 1 ;;
  esac
}

_engram() {
  local cmd= want= w i n=0 word=\${words[CURRENT]}
  local -a reply
  _engram_db=
  for ((i = 2; i < CURRENT; i++)); do
    w=\${words[i]}
    if [[ -n $want ]]; then
      [[ $want == --db ]] && _engram_db=\${(Q)w}
      want=
      continue
    fi
    case $w in
      --*=*) [[ $w == --db=* ]] && _engram_db=\${(Q)w#--db=} ;;
      -*) _engram_takes_value "$cmd" "$w" && want=$w ;;
      *)
        _engram_commands "$cmd"
        if (( \${\${(@)reply%%:*}[(Ie)$w]} )); then
          cmd=\${cmd:+$cmd }$w
          n=0
        else
          n=$((n + 1))
        fi
        ;;
    esac
  done
  if [[ -n $want ]]; then
    _engram_option_value "$cmd" "$want"
  elif [[ $word == --*=* ]]; then
    local option=\${word%%=*}
    compset -P '*='
    _engram_option_value "$cmd" "$option"
  elif [[ $word == -* ]]; then
    _engram_options "$cmd"
    _describe -t options 'option' reply
  else
    _engram_commands "$cmd"
    if (( $#reply )); then
      _describe -t commands 'command' reply
    else
      _engram_argument "$cmd" "$n"
    fi
  fi
}

if [[ \${zsh_eval_context[-1]} == loadautofunc ]]; then
  _engram "$@"
else
  compdef _engram engram
fi
`;
}
