import { blankCode } from './blank-code.js';
import { javaTopLevel, type JavaItem } from './java-structure.js';

/**
 * One stretch of the code handed to javac: `length` characters from `at`,
 * copied from the user's block at `from`, or written by engram (null).
 */
export interface CodePiece {
  at: number;
  length: number;
  from: number | null;
}

/**
 * A file to compile: its name, its text, and how many characters engram put
 * before the code on its first line (the default imports), so that a position
 * in the file less `prefix` is a position in the code the pieces describe.
 */
export interface JavaFile {
  name: string;
  text: string;
  prefix: number;
}

/**
 * The files to compile and the class to launch, with where each part of the
 * compiled code came from (`pieces`, in order, covering it) and the class
 * engram wrapped bare statements in (null when it wrapped nothing), or why
 * the snippet cannot run.
 */
export type JavaPlan =
  | { runnable: true; files: JavaFile[]; mainClass: string; pieces: CodePiece[]; wrapper: string | null }
  | { runnable: false; message: string };

/**
 * JShell's default imports: snippets on cards leave their imports out, and
 * these never hide anything the snippet declares itself. Added only when the
 * snippet has neither imports nor a package, i.e. when it is plainly partial.
 */
const DEFAULT_IMPORTS = [
  'java.util.*',
  'java.util.function.*',
  'java.util.stream.*',
  'java.util.concurrent.*',
  'java.util.concurrent.atomic.*',
  'java.util.regex.*',
  'java.io.*',
  'java.math.*',
  'java.net.*',
  'java.nio.file.*',
]
  .map((p) => `import ${p};`)
  .join(' ');

/**
 * Decides how to compile and launch a Java snippet:
 * - the class to launch is the top-level type (class, record, enum, interface)
 *   declaring `public static void main(String[] args)`, found after blanking
 *   comments and literals, so `"class Foo"` in a string or `main(` in a
 *   comment do not count;
 * - javac wants each public top-level type in a file of its name, so a block
 *   with two public classes becomes two files; every file keeps the block's
 *   line numbers (the other types are blanked out), so compiler messages
 *   point at the lines the user sees;
 * - statements with no class around them are wrapped in
 *   `public class Main { public static void main(String[] args) throws Exception {...} }`
 *   (imports hoisted, free-standing methods and fields moved into the class);
 * - declarations without any main are not runnable.
 */
export function planJavaSources(code: string): JavaPlan {
  return plan(code, [{ at: 0, length: code.length, from: 0 }], null);
}

/** The plan for `code`, whose parts came from where `pieces` say; `wrapper` names the class it was wrapped in, if it was. */
function plan(code: string, pieces: CodePiece[], wrapper: string | null): JavaPlan {
  if (!code.trim()) return { runnable: false, message: 'not runnable: the block is empty' };
  const items = javaTopLevel(blankCode(code, 'java'));
  const types = items.filter((i): i is Extract<JavaItem, { kind: 'type' }> => i.kind === 'type');
  const launchable = types.filter((t) => t.hasMain);
  if (launchable.length > 0) return { ...layoutFiles(code, items, launchable.find((t) => t.isPublic) ?? launchable[0]!), pieces, wrapper };
  if (wrapper === null && items.some((i) => i.kind === 'statement')) {
    const wrapped = wrapStatements(code, items);
    return plan(wrapped.text, wrapped.pieces, wrapped.name);
  }
  const declared = items.filter((i) => i.kind === 'type' || i.kind === 'method') as { kind: string; name: string; keyword?: string }[];
  const what = declared.map((d) => (d.kind === 'method' ? `${d.name}()` : `${d.keyword} ${d.name}`)).join(', ');
  return { runnable: false, message: `not runnable: no main method${what ? ` (declares ${what})` : ''}` };
}

function layoutFiles(code: string, items: JavaItem[], main: Extract<JavaItem, { kind: 'type' }>): { runnable: true; files: JavaFile[]; mainClass: string } {
  const pkg = items.find((i) => i.kind === 'package');
  const mainClass = pkg && pkg.kind === 'package' ? `${pkg.name}.${main.name}` : main.name;
  const prefix = items.some((i) => i.kind === 'import' || i.kind === 'package') ? '' : `${DEFAULT_IMPORTS} `;
  const publicTypes = items.filter((i) => i.kind === 'type' && i.isPublic) as Extract<JavaItem, { kind: 'type' }>[];
  if (publicTypes.length === 0) return { runnable: true, files: [{ name: `${main.name}.java`, text: prefix + code, prefix: prefix.length }], mainClass };
  const primary = main.isPublic ? main : publicTypes[0]!;
  // Package and imports go into every file; every other item lives in the primary file only.
  const header = items.filter((i) => i.kind === 'package' || i.kind === 'import');
  const blank = code.replace(/[^\n]/g, ' ');
  const files = publicTypes.map((own) => {
    const text = own === primary ? blankRanges(code, publicTypes.filter((t) => t !== own)) : keepRanges(code, blank, [...header, own]);
    return { name: `${own.name}.java`, text: prefix + text, prefix: prefix.length };
  });
  return { runnable: true, files, mainClass };
}

/** The statements of `code` inside a class with a main: the class's name, the text, and where each part of it came from. */
function wrapStatements(code: string, items: JavaItem[]): { name: string; text: string; pieces: CodePiece[] } {
  const taken = new Set(items.map((i) => ('name' in i ? i.name : '')));
  let name = 'Main';
  for (let n = 2; taken.has(name); n++) name = `Main${n}`;
  const pkg = items.filter((i) => i.kind === 'package');
  const imports = items.filter((i) => i.kind === 'import');
  const members = items.filter((i): i is Extract<JavaItem, { kind: 'method' | 'field' }> => i.kind === 'method' || i.kind === 'field');
  const types = items.filter((i) => i.kind === 'type');
  const oneLine = (i: JavaItem): string => code.slice(i.start, i.end).replace(/\s+/g, ' ');
  // The header shares line 1 with the snippet, so the statements keep their line numbers.
  const header = [...pkg.map(oneLine), ...(imports.length > 0 ? imports.map(oneLine) : pkg.length > 0 ? [] : [DEFAULT_IMPORTS])].join(' ');
  const out = new PieceText();
  out.add(`${header} public class ${name} { public static void main(String[] args) throws Exception { `, null);
  out.add(blankRanges(code, [...pkg, ...imports, ...members, ...types]), 0);
  out.add('\n}\n', null);
  members.forEach((m, k) => {
    if (k > 0) out.add('\n', null);
    // Free-standing methods are called from the static main, so they must be static.
    if (!m.isStatic) out.add('static ', null);
    out.add(code.slice(m.start, m.end), m.start);
  });
  out.add('\n}\n', null);
  types.forEach((t, k) => {
    if (k > 0) out.add('\n', null);
    out.add(code.slice(t.start, t.end), t.start);
  });
  out.add('\n', null);
  return { name, text: out.text, pieces: out.pieces };
}

/** Text built from parts, each noted as a piece: copied from the user's code at an offset, or written by engram. */
class PieceText {
  text = '';
  pieces: CodePiece[] = [];

  add(part: string, from: number | null): void {
    if (part === '') return;
    this.pieces.push({ at: this.text.length, length: part.length, from });
    this.text += part;
  }
}

/** `blank` (all of `code` as spaces and newlines) with the given (non-overlapping) items of `code` put back. */
function keepRanges(code: string, blank: string, ranges: readonly { start: number; end: number }[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    parts.push(blank.slice(at, r.start), code.slice(r.start, r.end));
    at = r.end;
  }
  parts.push(blank.slice(at));
  return parts.join('');
}

/** `code` with the given (non-overlapping) items turned into spaces, newlines kept. */
function blankRanges(code: string, ranges: readonly { start: number; end: number }[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    parts.push(code.slice(at, r.start), code.slice(r.start, r.end).replace(/[^\n]/g, ' '));
    at = r.end;
  }
  parts.push(code.slice(at));
  return parts.join('');
}
