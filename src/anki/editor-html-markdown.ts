/**
 * The HTML Anki's editor writes (text, `&nbsp;` and the entities of `<>&"'`,
 * `<div>` lines, `<b>`, `<i>`, `<u>`, `<span style>`, `<br>`, headings,
 * lists) as node-html-markdown converts it, without its parser: a small
 * reader builds the same tree node-html-parser would for such a field, and a
 * walk of it does what the converter's visitor does (its text processing,
 * appendResult's trailing-whitespace count, appendNewlines, tagSurround, the
 * removal of blank `<b>`/`<i>`/`<li>`, list items' numbers and indents, the
 * final newline fixing). Anything else (other tags or entities, comments, a
 * stray `<`, tags the parser would mend) gives null and is left to the
 * converter, three to ten times slower on these fields in this machine's runs. A test holds
 * the two equal over many generated fields of these shapes and others.
 */

interface Element {
  tag: string;
  children: Node[];
  preserve: boolean;
}
/** A text node: its text, entities decoded. */
interface Text {
  text: string;
}
type Node = Element | Text;

/** A tag of those read (lowercase, attributes double-quoted and holding none of `<>"`), an entity of those read, or a run of text. */
const PART_RE = /<(\/?)(b|i|u|em|strong|span|div|br|h[1-6]|ul|ol|li)((?:\s+[a-z][-a-z]*="[^"<>]*")*)\s*(\/?)>|&(nbsp|amp|lt|gt|quot|#39);|[^<&]+|([^])/g;
const ENTITY: Record<string, string> = { nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
const DELIMITER: Record<string, string> = { b: '**', strong: '**', i: '_', em: '_' };
/** Tags the converter writes with two line breaks around (its block elements); headings also get their `#`s. */
const BLOCK = new Set(['div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Tags whose translator is a function, which the converter keeps even when empty. */
const KEPT_EMPTY = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li']);
/** What the converter's visitor carries down into a list: its kind, the last item's number, the nesting. */
interface ListMeta {
  listKind: 'UL' | 'OL';
  listItemNumber: number;
  indentLevel: number;
}
/** The converter's list item postprocess (engram keeps its indent of two spaces). */
const ITEM_LINE_BREAK_RE = /([^\r\n])(?:\r?\n)+(?!\s*[-*+]|\s*\d+\.|\s*\|)/g;
const ITEM_TRAILING_SPACE_RE = /(\S+?)[^\S\r\n]+$/gm;

/** The converter's own escapes and text replacement, in its order (node-html-markdown's defaultOptions and textReplace). */
const GLOBAL_ESCAPE_RE = /[\\`*_~[\]]/gm;
const LINE_START_ESCAPE_RE = /^(\s*?)((?:\+\s)|(?:[=>-])|(?:#{1,6}\s))|(?:(\d+)(\.\s))/gm;
const DOCTYPE_RE = /^<!DOCTYPE.*>/gim;
/** Where the replacements above can match: whitespace other than single spaces, an escaped character, a line start escape's characters. */
const COLLAPSIBLE_RE = /[^\S ]| {2}/;
const ESCAPED_RE = /[\\`*_~[\]]/;
const MAY_ESCAPE_LINE_RE = /[+=>#-]|\d\.\s/;
const NEWLINE_RUNS_RE = /(?:\r?\n\s*)+((?:\r?\n\s*){2})/g;
const NESTED_RE: Record<string, RegExp> = { '**': /([^\\])\*\*/gm, _: /([^\\])_/gm };

/** The field's tree as node-html-parser builds it, or null when the field holds anything the reader does not take. */
function parsed(html: string): Element | null {
  const root: Element = { tag: '', children: [], preserve: false };
  const stack: Element[] = [root];
  let text = '';
  const flush = (): void => {
    if (text === '') return;
    stack[stack.length - 1]!.children.push({ text });
    text = '';
  };
  for (const m of html.matchAll(PART_RE)) {
    if (m[6] !== undefined) return null;
    const tag = m[2];
    if (tag === undefined) {
      text += m[5] === undefined ? m[0] : ENTITY[m[5]]!;
      continue;
    }
    flush();
    const top = stack[stack.length - 1]!;
    if (tag === 'br') {
      if (m[1] === '/') return null;
      top.children.push({ tag, children: [], preserve: true });
    } else if (m[1] === '/') {
      // The parser mends a close that is not the open element's; such fields are the converter's.
      if (top.tag !== tag || m[3] !== '' || m[4] === '/') return null;
      stack.pop();
    } else {
      // A self-closed element, or an open that the parser would take as closing the one before (a <b> by a <div>, a heading by the same heading).
      if (m[4] === '/' || (top.tag === 'b' && tag === 'div') || (top.tag === tag && (tag[0] === 'h' || tag === 'li'))) return null;
      const element: Element = { tag, children: [], preserve: false };
      top.children.push(element);
      stack.push(element);
    }
  }
  flush();
  return stack.length === 1 ? root : null;
}

/** The converter's optimizeTree: text and `<br>` are kept, an element when something in it is (a heading or list even when empty). */
function markPreserved(node: Node): boolean {
  if (!('tag' in node)) return true;
  if (node.tag === 'br') return true;
  if (node.children.length === 0) return (node.preserve = KEPT_EMPTY.has(node.tag));
  let keep = false;
  for (const child of node.children) if (markPreserved(child)) keep = true;
  return (node.preserve = keep);
}

/** The converter's visitor over the tree, with its result and that result's trailing whitespace. */
class Walk {
  out = '';
  whitespace = 0;
  newLines = 0;

  append(s: string, startPos?: number, spaceIfRepeatingChar?: boolean): void {
    if (!s && startPos === undefined) return;
    if (startPos !== undefined) this.out = this.out.slice(0, startPos);
    this.out += (spaceIfRepeatingChar && this.out.slice(-1) === s[0] ? ' ' : '') + s;
    // getTrailingWhitespaceInfo: the whitespace among the last ten characters, from the end.
    let whitespace = 0;
    let newLines = 0;
    const min = Math.max(this.out.length - 10, 0);
    for (let i = this.out.length - 1; i >= min; --i) {
      const c = this.out.charCodeAt(i);
      if (c === 10 || c === 13) ++newLines;
      else if (c !== 32 && (c < 128 || !/\s/.test(this.out[i]!))) break;
      ++whitespace;
    }
    this.whitespace = whitespace;
    this.newLines = newLines;
  }

  newlines(count: number): void {
    this.append('\n'.repeat(Math.max(0, count - this.newLines)));
  }

  visit(node: Node, list?: ListMeta): void {
    if (!('tag' in node)) return this.text(node);
    if (!node.preserve && node.tag !== 'br') return;
    const tag = node.tag;
    if (tag === 'br') return this.append('  \n');
    const delimiter = DELIMITER[tag];
    if (delimiter !== undefined) {
      const startPos = this.out.length;
      for (const child of node.children) this.visit(child, list);
      const content = this.out.slice(startPos);
      if (!/\S/.test(content)) return this.append('', startPos);
      return this.append(tagSurround(content, delimiter), startPos, true);
    }
    if (BLOCK.has(tag)) {
      this.newlines(2);
      if (tag[0] === 'h') this.append(`${'#'.repeat(Number(tag[1]))} `);
      for (const child of node.children) this.visit(child, list);
      return this.newlines(2);
    }
    if (tag === 'ul' || tag === 'ol') {
      // The list's own metadata is made before its translator is asked, so its listKind is always set: one line break around.
      const inner: ListMeta = { listKind: tag === 'ul' ? 'UL' : 'OL', listItemNumber: 0, indentLevel: (list?.indentLevel ?? -1) + 1 };
      this.newlines(1);
      for (const child of node.children) this.visit(child, inner);
      return this.newlines(1);
    }
    if (tag === 'li') {
      // The number goes up on the list's metadata itself, shared by its items (and taken back for an item that is removed).
      if (list?.listKind === 'OL') list.listItemNumber = (list.listItemNumber ?? 0) + 1;
      const level = list?.indentLevel ?? 0;
      const startPosOuter = this.out.length;
      this.newlines(1);
      this.append('  '.repeat(level) + (list?.listKind === 'OL' ? `${list.listItemNumber}. ` : '- '));
      const startPos = this.out.length;
      for (const child of node.children) this.visit(child, list);
      const content = this.out.slice(startPos);
      if (!/\S/.test(content)) {
        if (list?.listItemNumber) --list.listItemNumber;
        return this.append('', startPosOuter);
      }
      this.append(content.trim().replace(ITEM_LINE_BREAK_RE, `$1  \n${'  '.repeat(level)}`).replace(ITEM_TRAILING_SPACE_RE, '$1  '), startPos);
      return this.newlines(1);
    }
    // The root, <u> and <span>: the converter has no translator for them and writes their children.
    for (const child of node.children) this.visit(child, list);
  }

  text(node: Text): void {
    const source = node.text;
    // isWhitespace (the source is only whitespace and &nbsp;): the entities read other than &nbsp; stand for other characters.
    if (!/\S/.test(source)) {
      if (this.out.length > 0 && this.whitespace === 0) this.append(' ');
      return;
    }
    // processText's replacements, each tried only where it can match (most texts need none).
    let out = source;
    if (COLLAPSIBLE_RE.test(out)) out = out.replace(/\s+/g, ' ');
    if (ESCAPED_RE.test(out)) out = out.replace(GLOBAL_ESCAPE_RE, '\\$&');
    if (MAY_ESCAPE_LINE_RE.test(out)) out = out.replace(LINE_START_ESCAPE_RE, '$1$3\\$2$4');
    if (out.includes('<!')) out = out.replace(DOCTYPE_RE, '');
    if (out) {
      if (source.charCodeAt(0) === 10) out = out.replace(/^ /, '');
      if (!/\s$/.test(source)) out = out.replace(/ +$/, '');
    }
    this.append(out);
  }
}

/** node-html-markdown's tagSurround: the delimiter around each line's text, spaces moved outside it, the delimiter inside removed. */
function tagSurround(content: string, delimiter: string): string {
  if (content.includes(delimiter)) content = content.replace(NESTED_RE[delimiter]!, '$1');
  let res = '';
  // splitSpecial: lines with their own line ends (only \n and \r\n can occur here).
  const lines = content.split(/(\r?\n)/);
  for (let k = 0; k < lines.length; k += 2) {
    const text = lines[k]!;
    const newLineChar = lines[k + 1] ?? '';
    if (text === '' && newLineChar === '') continue;
    let start = 0;
    while (start < text.length && !/\S/.test(text[start]!)) start++;
    if (start === text.length) {
      res += text + newLineChar;
      continue;
    }
    let end = text.length - 1;
    while (end > start && !/\S/.test(text[end]!)) end--;
    const leading = start > 0 ? text[start - 1]! : '';
    const trailing = end < text.length - 1 ? text[end + 1]! : '';
    res += leading + delimiter + text.slice(start, end + 1) + delimiter + trailing + newLineChar;
  }
  return res;
}

/**
 * What node-html-markdown makes of `html` (with engram's options), character
 * for character, when the field is made of the markup Anki's editor writes;
 * null for anything else.
 */
export function editorMarkupMarkdown(html: string): string | null {
  const root = parsed(html);
  if (root === null) return null;
  markPreserved(root);
  const walk = new Walk();
  walk.visit(root);
  const out = walk.out.replace(NEWLINE_RUNS_RE, '$1').replace(/^\n+|\n+$/g, '');
  return out.endsWith(' ') && !out.endsWith('  ') ? out.trimEnd() : out;
}
