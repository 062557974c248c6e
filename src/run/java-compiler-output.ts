import type { CodePiece, JavaFile } from './java-sources.js';

/** A javac diagnostic's first line: `Main.java:3: error: ';' expected`. */
const DIAGNOSTIC = /^(.+?\.java):(\d+): (error|warning): (.*)$/;
/** The line under javac's copy of the source line, pointing at the column. */
const CARET = /^[ \t]*\^[ \t]*$/;

/** What javac compiled and from what: the files, where their parts came from, and the user's code. */
export interface JavaCompileSources {
  files: readonly JavaFile[];
  pieces: readonly CodePiece[];
  /** The class engram wrapped bare statements in, or null. */
  wrapper: string | null;
  /** The block as the user wrote it. */
  code: string;
}

/**
 * javac's output told in terms of the user's block rather than the files
 * engram wrote: each `File.java:N: error: …` becomes `line L: error: …` with
 * L the block's own line, and the copy of the source line javac prints under
 * it (which, for bare statements, is engram's wrapper: default imports,
 * `public class Main { public static void main…`) becomes the user's line,
 * the caret under the same character of it. An error in code engram added
 * (an unclosed brace reaching the wrapper's end) points at the block's end.
 * `location: class Main` lines naming the wrapper class are left out. Other
 * lines ("1 error", `symbol:` details) stay as they are.
 */
export function javaCompilerOutput(output: string, sources: JavaCompileSources): string {
  const lines = output.split('\n');
  const wrapper = sources.wrapper;
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = DIAGNOSTIC.exec(line);
    const file = m ? sources.files.find((f) => f.name === m[1] || f.name === m[1]!.split(/[\\/]/).pop()) : undefined;
    if (!m || !file) {
      if (wrapper && new RegExp(`^\\s*location: class ${wrapper}$`).test(line.trimEnd())) continue;
      out.push(line);
      continue;
    }
    const hasSource = i + 2 < lines.length && CARET.test(lines[i + 2]!);
    const column = hasSource ? lines[i + 2]!.indexOf('^') : 0;
    const at = userPosition(file, Number(m[2]), column, sources);
    out.push(`line ${at.line}: ${m[3]}: ${m[4]}`);
    if (hasSource) {
      const userLine = sources.code.split('\n')[at.line - 1] ?? '';
      out.push(userLine, caretUnder(userLine, at.column));
      i += 2;
    }
  }
  return out.join('\n');
}

/** The block's line and column (1-based line, 0-based column) of `column` on line `line` of `file`. */
function userPosition(file: JavaFile, line: number, column: number, sources: JavaCompileSources): { line: number; column: number } {
  const lineStart = nthLineStart(file.text, line);
  const inCode = lineStart + column - file.prefix;
  const piece = sources.pieces.find((p) => p.from !== null && inCode >= p.at && inCode < p.at + p.length);
  if (piece && piece.from !== null) return lineAndColumn(sources.code, piece.from + inCode - piece.at);
  // In engram's own text: a default import, the wrapper's braces. What javac found
  // there (a brace left open) belongs to the end of the user's code.
  return lineAndColumn(sources.code, sources.code.trimEnd().length);
}

function nthLineStart(text: string, line: number): number {
  let at = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf('\n', at);
    if (next < 0) return text.length;
    at = next + 1;
  }
  return at;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: before.length - lineStart };
}

/** A caret under character `column` of `line`, tabs copied so it lines up as the line does. */
function caretUnder(line: string, column: number): string {
  return `${line.slice(0, column).replace(/[^\t]/g, ' ')}^`;
}
