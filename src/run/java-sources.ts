import { blankCode } from './blank-code.js';
import { javaTopLevel, type JavaItem } from './java-structure.js';

/** The files to compile and the class to launch, or why the snippet cannot run. */
export type JavaPlan =
  | { runnable: true; files: { name: string; text: string }[]; mainClass: string }
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
  return plan(code, true);
}

function plan(code: string, mayWrap: boolean): JavaPlan {
  if (!code.trim()) return { runnable: false, message: 'not runnable: the block is empty' };
  const items = javaTopLevel(blankCode(code, 'java'));
  const types = items.filter((i): i is Extract<JavaItem, { kind: 'type' }> => i.kind === 'type');
  const launchable = types.filter((t) => t.hasMain);
  if (launchable.length > 0) return layoutFiles(code, items, launchable.find((t) => t.isPublic) ?? launchable[0]!);
  if (mayWrap && items.some((i) => i.kind === 'statement')) return plan(wrapStatements(code, items), false);
  const declared = items.filter((i) => i.kind === 'type' || i.kind === 'method') as { kind: string; name: string; keyword?: string }[];
  const what = declared.map((d) => (d.kind === 'method' ? `${d.name}()` : `${d.keyword} ${d.name}`)).join(', ');
  return { runnable: false, message: `not runnable: no main method${what ? ` (declares ${what})` : ''}` };
}

function layoutFiles(code: string, items: JavaItem[], main: Extract<JavaItem, { kind: 'type' }>): JavaPlan {
  const pkg = items.find((i) => i.kind === 'package');
  const mainClass = pkg && pkg.kind === 'package' ? `${pkg.name}.${main.name}` : main.name;
  const prefix = items.some((i) => i.kind === 'import' || i.kind === 'package') ? '' : `${DEFAULT_IMPORTS} `;
  const publicTypes = items.filter((i) => i.kind === 'type' && i.isPublic) as Extract<JavaItem, { kind: 'type' }>[];
  if (publicTypes.length === 0) return { runnable: true, files: [{ name: `${main.name}.java`, text: prefix + code }], mainClass };
  const primary = main.isPublic ? main : publicTypes[0]!;
  // Package and imports go into every file; every other item lives in the primary file only.
  const header = items.filter((i) => i.kind === 'package' || i.kind === 'import');
  const blank = code.replace(/[^\n]/g, ' ');
  const files = publicTypes.map((own) => {
    const text = own === primary ? blankRanges(code, publicTypes.filter((t) => t !== own)) : keepRanges(code, blank, [...header, own]);
    return { name: `${own.name}.java`, text: prefix + text };
  });
  return { runnable: true, files, mainClass };
}

function wrapStatements(code: string, items: JavaItem[]): string {
  const taken = new Set(items.map((i) => ('name' in i ? i.name : '')));
  let name = 'Main';
  for (let n = 2; taken.has(name); n++) name = `Main${n}`;
  const pkg = items.filter((i) => i.kind === 'package');
  const imports = items.filter((i) => i.kind === 'import');
  const members = items.filter((i): i is Extract<JavaItem, { kind: 'method' | 'field' }> => i.kind === 'method' || i.kind === 'field');
  const types = items.filter((i) => i.kind === 'type');
  const text = (i: JavaItem): string => code.slice(i.start, i.end);
  const oneLine = (i: JavaItem): string => text(i).replace(/\s+/g, ' ');
  // The header shares line 1 with the snippet, so the statements keep their line numbers.
  const header = [...pkg.map(oneLine), ...(imports.length > 0 ? imports.map(oneLine) : pkg.length > 0 ? [] : [DEFAULT_IMPORTS])].join(' ');
  const body = blankRanges(code, [...pkg, ...imports, ...members, ...types]);
  // Free-standing methods are called from the static main, so they must be static.
  const memberText = members.map((m) => (m.isStatic ? text(m) : `static ${text(m)}`));
  return (
    `${header} public class ${name} { public static void main(String[] args) throws Exception { ${body}\n}\n` +
    `${memberText.join('\n')}\n}\n${types.map(text).join('\n')}\n`
  );
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
