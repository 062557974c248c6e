/**
 * Command lines to print for the user to run again, quoted for a POSIX shell
 * (sh, bash, zsh). A dozen lines, so no dependency: shell-quote escapes with
 * backslashes and double quotes (harder to read back), and shell-escape or
 * shlex would each add a package for the same single-quote rule.
 */

/** Words no POSIX shell changes: letters, digits and `_ . , / : @ % + = -`, not starting with `=` (zsh expands `=cmd`). */
const PLAIN_RE = /^(?!=)[\p{L}\p{N}_.,/:@%+=-]+$/u;

/**
 * `word` as one shell word: as it is when plain (see PLAIN_RE), else in
 * single quotes, each `'` in it written `'\''` (close, escaped quote, reopen).
 * The empty word is `''`.
 */
export function shellWord(word: string): string {
  return PLAIN_RE.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The words joined into one command line, each quoted by {@link shellWord}. */
export function shellLine(words: readonly string[]): string {
  return words.map(shellWord).join(' ');
}
