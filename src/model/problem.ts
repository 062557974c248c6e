/** How bad a problem is: an `error` lost or guessed content, a `warning` did not. */
export type Severity = 'error' | 'warning';

/**
 * Something wrong in the user's input, reported as `file:line: severity: message fix`.
 * `line` is 1-based in the original file; 0 means the file as a whole.
 */
export interface Problem {
  line: number;
  severity: Severity;
  /** What is wrong, as one sentence. */
  message: string;
  /** What the user can do about it, as one sentence. */
  fix: string;
  /**
   * A name for the kind of problem, for those a user may choose to accept
   * without editing the file: `duplicate`, a card repeated from another file
   * (the `duplicates` setting); `near-miss`, a mark that looks nearly like a
   * card's gap (`===x===`, `{{1::x}}`), which alone does not make a file of
   * notes a card file.
   */
  code?: 'duplicate' | 'near-miss';
}

/** A problem tied to the file it was found in. */
export interface FileProblem extends Problem {
  path: string;
}

/** Formats a problem the way compilers do, so editors can jump to it. */
export function formatProblem(p: FileProblem): string {
  const where = p.line > 0 ? `${p.path}:${p.line}` : p.path;
  return `${where}: ${p.severity}: ${p.message} ${p.fix}`.trimEnd();
}
