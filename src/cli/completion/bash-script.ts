import { allCommands, type CommandSpec } from './completion-spec.js';
import { shellQuote, valueFunctions } from './value-functions.js';

/**
 * The bash completion script of `spec` (see completionSpec): commands and
 * options from the tables written into it, deck names asked of
 * `engram __complete decks` when needed (with the --db on the line). Works in
 * bash 3.2 (macOS) and later; paths fall back to bash's own file completion.
 */
export function bashScript(spec: CommandSpec): string {
  const commands = allCommands(spec);
  const subcommands = commands
    .filter((c) => c.commands.length > 0)
    .map((c) => `    ${shellQuote(c.path.join(' '))}) echo ${shellQuote(c.commands.map((s) => s.name).join(' '))} ;;`);
  const options = commands.map((c) => `    ${shellQuote(c.path.join(' '))}) echo ${shellQuote(c.options.flatMap((o) => o.names).join(' '))} ;;`);
  return `# engram completion for bash, made by \`engram completion bash\` from engram's own commands.
# Load it in this shell:   eval "$(engram completion bash)"
# or for every new shell:  engram completion bash > ~/.local/share/bash-completion/completions/engram

# The subcommands of a command ('' is engram itself).
_engram_commands() {
  case $1 in
${subcommands.join('\n')}
  esac
}

# The options of a command.
_engram_options() {
  case $1 in
${options.join('\n')}
  esac
}

${valueFunctions(commands)}
# Adds the lines read that start with the word being completed, quoted for the shell.
_engram_add_matching() {
  local line
  while IFS= read -r line; do
    [[ -n $line && $line == "$_engram_word"* ]] && COMPREPLY+=("$(printf '%q' "$line")")
  done
}

# Completes the current word as a value of a kind: choice (the words after it), deck,
# deck-or-path, command, path or text (both left to bash's own file completion).
_engram_complete() {
  local kind=$1
  shift
  case $kind in
    # Fed by < <(...), not a pipe: a pipe would fill COMPREPLY in a subshell.
    choice) _engram_add_matching < <(printf '%s\\n' "$@") ;;
    command) _engram_add_matching < <(_engram_commands '' | tr ' ' '\\n') ;;
    deck|deck-or-path)
      _engram_add_matching < <(command engram __complete decks \${_engram_db:+--db "$_engram_db"} 2>/dev/null)
      if [[ $kind == deck-or-path ]]; then
        local f
        while IFS= read -r f; do
          [[ -d $f ]] && f+=/
          COMPREPLY+=("$(printf '%q' "$f")")
        done < <(compgen -f -- "$_engram_word")
        # A folder completes without a space after it, so its files can follow (bash 4 and later).
        [[ \${#COMPREPLY[@]} -eq 1 && \${COMPREPLY[0]} == */ ]] && compopt -o nospace 2>/dev/null
      else
        compopt +o default 2>/dev/null # deck names only, not file names (bash 4 and later)
      fi
      ;;
  esac
}

_engram() {
  local word=\${COMP_WORDS[COMP_CWORD]} cmd= want= w i n=0
  _engram_db=
  COMPREPLY=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    w=\${COMP_WORDS[i]}
    if [[ -n $want ]]; then
      [[ $w == = ]] && continue # bash splits --db=file at the =
      [[ $want == --db ]] && _engram_db=$w
      want=
      continue
    fi
    case $w in
      -*) _engram_takes_value "$cmd" "$w" && want=$w ;;
      *)
        if [[ " $(_engram_commands "$cmd") " == *" $w "* ]]; then
          cmd=\${cmd:+$cmd }$w
          n=0
        else
          n=$((n + 1))
        fi
        ;;
    esac
  done
  [[ $word == = ]] && word=
  # Typed escapes and an opening quote are not part of the names compared with.
  word=\${word//\\\\/}
  _engram_word=\${word#[\\"\\']}
  if [[ -n $want ]]; then
    _engram_option_value "$cmd" "$want"
  elif [[ $word == -* ]]; then
    COMPREPLY=($(compgen -W "$(_engram_options "$cmd")" -- "$word"))
  elif [[ -n $(_engram_commands "$cmd") ]]; then
    COMPREPLY=($(compgen -W "$(_engram_commands "$cmd")" -- "$word"))
  else
    _engram_argument "$cmd" "$n"
  fi
  return 0
}

complete -o default -F _engram engram
`;
}
