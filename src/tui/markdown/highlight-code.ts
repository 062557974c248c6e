import type { ElementContent, Root } from 'hast';
import type { LanguageFn } from 'highlight.js';
import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import cpp from 'highlight.js/lib/languages/cpp';
import csharp from 'highlight.js/lib/languages/csharp';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import go from 'highlight.js/lib/languages/go';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import kotlin from 'highlight.js/lib/languages/kotlin';
import markdown from 'highlight.js/lib/languages/markdown';
import python from 'highlight.js/lib/languages/python';
import ruby from 'highlight.js/lib/languages/ruby';
import rust from 'highlight.js/lib/languages/rust';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import { createLowlight } from 'lowlight';
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
 * The languages cards are written in, by fence name and alias. Each grammar is
 * registered the first time a card uses it: registering them all up front
 * costs the first card on screen ~20 ms.
 */
const GRAMMARS: Readonly<Record<string, LanguageFn>> = {
  bash, c, cpp, csharp, css, diff, go, java, javascript, json, kotlin, markdown, python, ruby, rust, sql, typescript, xml, yaml,
};
const ALIASES: Readonly<Record<string, string>> = {
  sh: 'bash', shell: 'bash', zsh: 'bash', console: 'bash', h: 'c', 'c++': 'cpp', hpp: 'cpp', cc: 'cpp', cs: 'csharp',
  'c#': 'csharp', patch: 'diff', golang: 'go', js: 'javascript', jsx: 'javascript', mjs: 'javascript', cjs: 'javascript',
  jsonc: 'json', kt: 'kotlin', md: 'markdown', py: 'python', python3: 'python', rb: 'ruby', rs: 'rust', ts: 'typescript',
  tsx: 'typescript', mts: 'typescript', html: 'xml', svg: 'xml', yml: 'yaml',
};

const lowlight = createLowlight();

/** The grammar name for a fence's language, registered on first use; null when unknown. */
function grammarFor(lang: string | null | undefined): string | null {
  if (!lang) return null;
  const lower = lang.toLowerCase();
  const name = Object.hasOwn(GRAMMARS, lower) ? lower : ALIASES[lower];
  if (!name) return null;
  if (!lowlight.registered(name)) lowlight.register(name, GRAMMARS[name]!);
  return name;
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
      tree = lowlight.highlight(name, code);
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
