/**
 * What sits at the top level of a Java snippet, found on its blanked text
 * (see blankCode): offsets are those of the original code.
 */
export type JavaItem =
  | { kind: 'package'; start: number; end: number; name: string }
  | { kind: 'import'; start: number; end: number }
  | { kind: 'type'; start: number; end: number; name: string; keyword: string; isPublic: boolean; hasMain: boolean }
  | { kind: 'method'; start: number; end: number; name: string; isStatic: boolean }
  | { kind: 'field'; start: number; end: number; isStatic: boolean }
  | { kind: 'statement'; start: number; end: number };

const ANNOTATIONS = String.raw`(?:@(?!interface\b)[\w$.]+(?:\s*\([^()]*\))?\s*)*`;
const TYPE_DECL = new RegExp(
  String.raw`${ANNOTATIONS}((?:(?:public|protected|private|abstract|static|final|sealed|non-sealed|strictfp)\s+)*)(class|interface|enum|record|@\s*interface)\s+([\w$]+)`,
  'y',
);
const METHOD_DECL = new RegExp(
  String.raw`${ANNOTATIONS}((?:(?:public|protected|private|abstract|static|final|synchronized|native|strictfp|default)\s+)*)` +
    String.raw`(?:<[^;{}()]*>\s*)?([\w$.]+)(?:\s*<[^;{}()]*>)?(?:\s*\[\s*\])*\s+([\w$]+)\s*\([^;{}]*\)\s*(?:throws\s+[\w$.,\s<>]+?)?\s*\{`,
  'y',
);
const FIELD_DECL = /((?:(?:public|protected|private|static|final|volatile|transient)\s+)+)(?!class\b|interface\b|enum\b|record\b)[\w$]/y;
const HEADER_END = /[{;}]/g;
const IMPORT = /import\s+(?:static\s+)?[\w$.*\s]+;/y;
const PACKAGE = /package\s+([\w$.\s]+);/y;
/** Words that may look like `Type name(` at the start of a statement. */
const NOT_A_TYPE = new Set(['return', 'new', 'else', 'throw', 'case', 'yield', 'assert', 'do']);
const NOT_A_NAME = new Set(['if', 'for', 'while', 'switch', 'catch', 'synchronized', 'try', 'return']);
/**
 * `public static void main(String[] args)` and its legal spellings: modifiers
 * in any order, `final`, `String... a`, `String a[]`. Whether `public` and
 * `static` are both there is checked after matching.
 */
const MAIN_METHOD =
  /(?<![\w$])((?:(?:public|static|final|synchronized|strictfp)\s+|@[\w$.]+\s+)*)void\s+main\s*\(\s*(?:final\s+)?(?:java\.lang\.)?String\s*(?:\[\s*\]\s*[\w$]+|\.\.\.\s*[\w$]+|[\w$]+\s*\[\s*\])\s*\)/g;

/**
 * Splits blanked Java text into its top-level items: package, imports, type
 * declarations (with whether each declares a `main` the launcher accepts),
 * and, for fragments, free-standing methods, fields and statements.
 */
export function javaTopLevel(blanked: string): JavaItem[] {
  const depth = braceDepths(blanked);
  const items: JavaItem[] = [];
  let at = 0;
  let statementStart = -1;
  const endStatement = (end: number): void => {
    if (statementStart >= 0 && blanked.slice(statementStart, end).trim()) items.push({ kind: 'statement', start: statementStart, end });
    statementStart = -1;
  };
  while (at < blanked.length) {
    at = skipSpace(blanked, at);
    if (at >= blanked.length) break;
    const item = declarationAt(blanked, at, depth);
    if (item) {
      endStatement(at);
      items.push(item);
      at = item.end;
      continue;
    }
    if (statementStart < 0) statementStart = at;
    // A statement runs to the next `;` or `}` back at the top level; a declaration can only start after one.
    at = nextBoundary(blanked, at, depth);
    endStatement(at);
  }
  endStatement(blanked.length);
  return items;
}

function declarationAt(text: string, at: number, depth: Int32Array): JavaItem | null {
  for (const [re, kind] of [[PACKAGE, 'package'], [IMPORT, 'import']] as const) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (m) return kind === 'package' ? { kind, start: at, end: re.lastIndex, name: m[1]!.replace(/\s+/g, '') } : { kind, start: at, end: re.lastIndex };
  }
  TYPE_DECL.lastIndex = at;
  const type = TYPE_DECL.exec(text);
  if (type) {
    // The body opens before any `;` or `}`: otherwise this is not a declaration (and the search stays short).
    HEADER_END.lastIndex = TYPE_DECL.lastIndex;
    const open = HEADER_END.exec(text)?.index ?? -1;
    if (open < 0 || text[open] !== '{') return null;
    const end = matchingBrace(text, open, depth);
    const keyword = type[2]!.replace(/\s+/g, '');
    return {
      kind: 'type',
      start: at,
      end,
      name: type[3]!,
      keyword,
      isPublic: /\bpublic\b/.test(type[1]!),
      hasMain: declaresMain(text, open, end, depth, keyword === 'interface'),
    };
  }
  METHOD_DECL.lastIndex = at;
  const method = METHOD_DECL.exec(text);
  if (method && !NOT_A_TYPE.has(method[2]!) && !NOT_A_NAME.has(method[3]!)) {
    const open = METHOD_DECL.lastIndex - 1;
    return { kind: 'method', start: at, end: matchingBrace(text, open, depth), name: method[3]!, isStatic: /\bstatic\b/.test(method[1]!) };
  }
  FIELD_DECL.lastIndex = at;
  const field = FIELD_DECL.exec(text);
  // `final int x = 1;` alone is a local variable; with `static` or an access modifier it can only be a member.
  if (field && /\b(?:public|protected|private|static)\b/.test(field[1]!)) return { kind: 'field', start: at, end: nextBoundary(text, at, depth), isStatic: /\bstatic\b/.test(field[1]!) };
  return null;
}

/** Whether the type whose body opens at `open` declares main directly (not in a nested type). */
function declaresMain(text: string, open: number, end: number, depth: Int32Array, isInterface: boolean): boolean {
  const body = text.slice(open, end);
  const bodyDepth = depth[open]! + 1;
  for (const m of body.matchAll(MAIN_METHOD)) {
    const at = open + m.index;
    const modifiers = m[1]!;
    // Interface methods are public without saying so.
    if (depth[at] === bodyDepth && /\bstatic\b/.test(modifiers) && (isInterface || /\bpublic\b/.test(modifiers))) return true;
  }
  return false;
}

/** Brace depth before each character of blanked text. */
function braceDepths(text: string): Int32Array {
  const depth = new Int32Array(text.length + 1);
  let d = 0;
  for (let i = 0; i < text.length; i++) {
    depth[i] = d;
    if (text[i] === '{') d++;
    else if (text[i] === '}') d = Math.max(0, d - 1);
  }
  depth[text.length] = d;
  return depth;
}

/** Index just past the `}` closing the `{` at `open` (the end of the text when unbalanced). */
function matchingBrace(text: string, open: number, depth: Int32Array): number {
  const level = depth[open]!;
  for (let i = open + 1; i < text.length; i++) if (text[i] === '}' && depth[i] === level + 1) return i + 1;
  return text.length;
}

/** Index just past the next `;` outside parentheses or `}` that returns to the depth at `from`. */
function nextBoundary(text: string, from: number, depth: Int32Array): number {
  const level = depth[from]!;
  let parens = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '(') parens++;
    else if (c === ')') parens = Math.max(0, parens - 1);
    else if (c === ';' && parens === 0 && depth[i] === level) return i + 1;
    else if (c === '}' && depth[i] === level + 1) return i + 1;
  }
  return text.length;
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && /\s/.test(text[at]!)) at++;
  return at;
}
