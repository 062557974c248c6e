const LONGEST = 240;

/**
 * The line of a compiler's output worth showing first: its first error
 * (`line 3: error: ';' expected` as javac's output is told for Java,
 * `main.c:2:5: error: ...`,
 * `./main.go:4:2: undefined: x`), with javac's `symbol:` detail when it has
 * one; else its first non-empty line. '' when the output is empty.
 */
export function firstCompilerError(output: string): string {
  const lines = output.split('\n').map((l) => l.trimEnd());
  // Go prints `# command-line-arguments` above its errors.
  const useful = lines.filter((l) => l.trim() && !l.startsWith('#'));
  const at = useful.findIndex((l) => /\berror\b/i.test(l) || /^\S+:\d+(?::\d+)?: /.test(l));
  if (at < 0) return clip(useful[0]?.trim() ?? '');
  let line = useful[at]!.trim();
  const symbol = useful.slice(at + 1, at + 4).find((l) => /^\s*symbol:/.test(l));
  if (symbol) line += ` (${symbol.trim().replace(/\s+/g, ' ')})`;
  return clip(line);
}

function clip(line: string): string {
  return line.length > LONGEST ? `${line.slice(0, LONGEST - 1)}…` : line;
}
