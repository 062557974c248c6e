import type { ElementContent, Root } from 'hast';
import { markdownEngine } from './load-markdown-engine.js';
import { paint } from './render-context.js';
import { segment, type Segment, type SegmentColor, type Style, type StyledLine } from './styled-line.js';

/** How one highlight.js class draws; `color: null` drops the colour inherited from outside. */
interface TokenLook {
  color?: SegmentColor | null;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Comments without colour still need to recede, so they are dimmed instead. */
  dimWithoutColor?: boolean;
}

const TOKEN_LOOKS: Readonly<Record<string, TokenLook>> = {
  keyword: { color: 'magenta' },
  'selector-tag': { color: 'magenta' },
  doctag: { color: 'magenta' },
  string: { color: 'green' },
  regexp: { color: 'green' },
  char: { color: 'green' },
  addition: { color: 'green' },
  'meta-string': { color: 'green' },
  number: { color: 'yellow' },
  literal: { color: 'yellow' },
  symbol: { color: 'yellow' },
  'selector-class': { color: 'yellow' },
  'selector-id': { color: 'yellow' },
  comment: { color: 'gray', dimWithoutColor: true },
  quote: { color: 'gray', dimWithoutColor: true },
  meta: { color: 'gray' },
  title: { color: 'cyan' },
  section: { color: 'cyan', bold: true },
  attr: { color: 'cyan' },
  attribute: { color: 'cyan' },
  property: { color: 'cyan' },
  'template-variable': { color: 'cyan' },
  'selector-attr': { color: 'cyan' },
  'selector-pseudo': { color: 'cyan' },
  bullet: { color: 'cyan' },
  type: { color: 'blue' },
  built_in: { color: 'blue' },
  link: { color: 'blue', underline: true },
  name: { color: 'red' },
  deletion: { color: 'red' },
  emphasis: { italic: true },
  strong: { bold: true },
  // Interpolated code inside a string is code again, not string.
  subst: { color: null },
};

/** highlight.js marks class names (`title class_`) and `this`/`self` (`variable language_`) with a modifier. */
const MODIFIED_LOOKS: Readonly<Record<string, TokenLook>> = {
  'title class_': { color: 'blue' },
  'variable language_': { color: 'magenta' },
};

/**
 * The languages cards are written in, by fence name and alias: the grammars of
 * markdown-engine.ts (test/tui/markdown/highlight-code.test.ts holds the two
 * lists equal). Known here without loading the engine.
 */
export const GRAMMAR_NAMES: ReadonlySet<string> = new Set([
  'bash', 'c', 'cpp', 'csharp', 'css', 'diff', 'go', 'java', 'javascript', 'json', 'kotlin', 'markdown', 'python', 'ruby', 'rust', 'sql', 'typescript', 'xml', 'yaml',
]);
const ALIASES: Readonly<Record<string, string>> = {
  sh: 'bash', shell: 'bash', zsh: 'bash', console: 'bash', h: 'c', 'c++': 'cpp', hpp: 'cpp', cc: 'cpp', cs: 'csharp',
  'c#': 'csharp', patch: 'diff', golang: 'go', js: 'javascript', jsx: 'javascript', mjs: 'javascript', cjs: 'javascript',
  jsonc: 'json', kt: 'kotlin', md: 'markdown', py: 'python', python3: 'python', rb: 'ruby', rs: 'rust', ts: 'typescript',
  tsx: 'typescript', mts: 'typescript', html: 'xml', svg: 'xml', yml: 'yaml',
};

/** The grammar name for a fence's language; null when unknown. */
function grammarFor(lang: string | null | undefined): string | null {
  if (!lang) return null;
  const lower = lang.toLowerCase();
  return GRAMMAR_NAMES.has(lower) ? lower : Object.hasOwn(ALIASES, lower) ? ALIASES[lower]! : null;
}

/** Returns true when `lang` names (or aliases) a language that `highlightCode` can colour. */
export function isKnownLanguage(lang: string | null | undefined): boolean {
  return grammarFor(lang) !== null;
}

/**
 * Returns one styled line per source line of `code`, coloured for `lang`.
 * Unknown or missing languages, and any failure inside the highlighter,
 * give the plain text. Without colour only the non-colour looks remain
 * (comments dimmed, emphasis and strong). Lines are not wrapped.
 */
export function highlightCode(code: string, lang: string | null | undefined, color: boolean): StyledLine[] {
  let tree: Root | undefined;
  const name = grammarFor(lang);
  if (name) {
    try {
      tree = markdownEngine().highlightTree(name, code);
    } catch {
      tree = undefined;
    }
  }
  const pieces: Segment[] = [];
  if (tree) for (const child of tree.children) flatten(child as ElementContent, {}, color, pieces);
  else pieces.push(segment(code));
  return splitLines(pieces);
}

function lookFor(classNames: readonly string[]): TokenLook | undefined {
  const names = classNames.map((name) => name.replace(/^hljs-/, ''));
  const [first, ...modifiers] = names;
  if (first === undefined) return undefined;
  for (const modifier of modifiers) {
    const look = MODIFIED_LOOKS[`${first} ${modifier}`];
    if (look) return look;
  }
  return Object.hasOwn(TOKEN_LOOKS, first) ? TOKEN_LOOKS[first] : undefined;
}

function applyLook(style: Style, look: TokenLook, color: boolean): Style {
  const next: Style = { ...style };
  if (look.color === null) delete next.color;
  else if (look.color) Object.assign(next, paint({ color }, look.color));
  if (look.bold) next.bold = true;
  if (look.italic) next.italic = true;
  if (look.underline) next.underline = true;
  if (look.dimWithoutColor && !color) next.dim = true;
  return next;
}

function flatten(node: ElementContent, style: Style, color: boolean, out: Segment[]): void {
  if (node.type === 'text') {
    out.push(segment(node.value, style));
    return;
  }
  if (node.type !== 'element') return;
  const className = node.properties?.['className'];
  const classes = Array.isArray(className) ? className.map(String) : [];
  const look = lookFor(classes);
  const inner = look ? applyLook(style, look, color) : style;
  for (const child of node.children) flatten(child, inner, color, out);
}

function splitLines(pieces: readonly Segment[]): StyledLine[] {
  const lines: StyledLine[] = [[]];
  for (const piece of pieces) {
    piece.text.split('\n').forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part !== '') lines[lines.length - 1]!.push(segment(part, piece));
    });
  }
  return lines;
}
