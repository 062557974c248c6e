/**
 * A fast reader of the markdown notes are mostly made of, giving the very
 * mdast remark (micromark) gives for it, positions included, about ten times
 * sooner: paragraphs, ATX headings and lists (bullets and numbers, nested by
 * spaces or tabs, lazy lines, loose or tight), and inside them text,
 * emphasis, code spans, links and images with a plain destination. Anything
 * else (quotes, code blocks, HTML, tables, thematic breaks, setext headings,
 * backslashes, entities, link titles, empty items, ...) is not read here:
 * {@link fastMarkdown} returns null and the caller asks remark. So every tree
 * is remark's; test/parse/notes/fast-markdown.test.ts compares the two on
 * every shape this reads and many it does not.
 */
import type { Code, Heading, Image, Link, List, ListItem, Paragraph, PhrasingContent, RootContent, Text } from 'mdast';

type Point = NonNullable<Paragraph['position']>['start'];

/** Thrown (and caught in fastMarkdown) when the text holds something this reader leaves to remark. */
const FALLBACK = Symbol('fallback');

function fallback(): never {
  throw FALLBACK;
}

/**
 * The top-level blocks of `lines[from..to)` as remark reads them, with
 * positions as if the text were `lines.join('\n')` (line 1 = lines[0], offsets
 * from its start, `offset` being where lines[from] starts); or null when the
 * lines hold anything this reader leaves to remark. Never throws.
 */
export function fastMarkdown(lines: readonly string[], from: number, to: number, offset: number): RootContent[] | null {
  try {
    return new BlockReader(lines, from, offset).read(to);
  } catch (error) {
    if (error === FALLBACK) return null;
    throw error;
  }
}

/** An open list item: its node, its list, and the virtual column its content starts at. */
interface OpenItem {
  item: ListItem;
  list: List;
  contentCol: number;
}

/** Where a line of a paragraph or heading is, for positions. */
interface SourceLine {
  /** 1-based line. */
  line: number;
  /** Offset of the line's first character. */
  lineOffset: number;
  /** Index in the line of the first character of its content. */
  start: number;
  /** Index in the line after the last non-blank character. */
  end: number;
  /** The line's length (the line ending, if any, is at this index). */
  length: number;
  /** Two or more spaces (no tab) end the line: a hard break when another line follows. */
  hardBreak: boolean;
}

/** A fenced code block being read. */
interface OpenFence {
  node: Code;
  /** ` or ~, and how many opened it. */
  char: number;
  size: number;
  /** Columns of indentation before the opening fence, taken off each line of code. */
  indent: number;
  /** How many items were open around it. */
  depth: number;
  lines: string[];
}

/** A paragraph being read: its source lines. */
interface OpenParagraph {
  node: Paragraph;
  lines: SourceLine[];
  text: string[];
}

const TAB = 9;
const SPACE = 32;
const TILDE = 126;

class BlockReader {
  private readonly root: RootContent[] = [];
  private readonly stack: OpenItem[] = [];
  private paragraph: OpenParagraph | null = null;
  private fence: OpenFence | null = null;
  /** A blank line came after the last content, not yet followed by more. */
  private blank = false;
  private lineIndex = 0;
  private lineOffset: number;
  // The cursor in the current line: character index, virtual column (tabs to multiples of 4), and spaces left of a tab half used.
  private pos = 0;
  private col = 0;
  private partial = 0;

  constructor(
    private readonly lines: readonly string[],
    private readonly from: number,
    offset: number,
  ) {
    this.lineOffset = offset;
  }

  read(to: number): RootContent[] {
    for (let i = this.from; i < to; i++) {
      const text = this.lines[i]!;
      this.lineIndex = i;
      this.readLine(text);
      this.lineOffset += text.length + 1;
    }
    // A fence still open at the end: remark's reading of its last lines is left to remark.
    if (this.fence !== null) fallback();
    this.closeParagraph();
    return this.root;
  }

  private readLine(text: string): void {
    this.pos = 0;
    this.col = 0;
    this.partial = 0;
    // NUL, CR and a byte-order mark are read by remark's own rules.
    if (text.includes('\0') || text.includes('\r') || text.includes('\uFEFF')) fallback();
    const blank = isBlank(text);
    let matched = 0;
    if (blank) matched = this.stack.length;
    else {
      while (matched < this.stack.length && this.advanceTo(text, this.stack[matched]!.contentCol)) matched++;
    }
    if (this.fence !== null) {
      // Code goes on only inside every item it opened in; an item that ends first is left to remark.
      if (matched < this.fence.depth) fallback();
      this.fenceLine(text);
      return;
    }
    if (blank) {
      this.closeParagraph();
      if (this.stack.length > 0 || this.root.length > 0) this.blank = true;
      return;
    }
    const indent = this.indentWidth(text);
    const at = this.pos + this.indentChars(text);
    if (matched < this.stack.length) {
      // Not every open item goes on: a new item or heading closes them, else the line continues the open paragraph lazily.
      if (indent < 4 && (listMarker(text, at) !== null || isHeading(text, at))) {
        this.closeItems(matched);
        this.startBlocks(text);
        return;
      }
      if (this.paragraph !== null) {
        if (indent < 4) this.checkParagraphLine(text, at);
        this.continueParagraph(text, at);
        return;
      }
      this.closeItems(matched);
    }
    this.startBlocks(text);
  }

  /**
   * Moves the cursor over indentation up to virtual column `target`; false
   * (cursor unmoved) when the line is indented less.
   */
  private advanceTo(text: string, target: number): boolean {
    let pos = this.pos;
    let col = this.col;
    let partial = this.partial;
    while (col < target) {
      if (partial > 0) {
        const use = Math.min(partial, target - col);
        partial -= use;
        col += use;
        continue;
      }
      const c = text.charCodeAt(pos);
      if (c === SPACE) {
        pos++;
        col++;
      } else if (c === TAB) {
        const width = 4 - (col % 4);
        pos++;
        partial = width;
      } else return false;
    }
    this.pos = pos;
    this.col = col;
    this.partial = partial;
    return true;
  }

  /** Virtual width of the indentation at the cursor. */
  private indentWidth(text: string): number {
    let col = this.col + this.partial;
    for (let pos = this.pos; pos < text.length; pos++) {
      const c = text.charCodeAt(pos);
      if (c === SPACE) col++;
      else if (c === TAB) col += 4 - (col % 4);
      else break;
    }
    return col - this.col;
  }

  /** Characters of indentation at the cursor. */
  private indentChars(text: string): number {
    let pos = this.pos;
    while (pos < text.length && (text.charCodeAt(pos) === SPACE || text.charCodeAt(pos) === TAB)) pos++;
    return pos - this.pos;
  }

  /** The blocks a line starts in the innermost open item (or at the top): items, then a heading or paragraph text. */
  private startBlocks(text: string): void {
    for (;;) {
      const indent = this.indentWidth(text);
      const at = this.pos + this.indentChars(text);
      if (indent >= 4) {
        // Indented code, unless it continues a paragraph.
        if (this.paragraph === null) fallback();
        this.continueParagraph(text, at);
        return;
      }
      const fence = fenceAt(text, at);
      if (fence !== null) {
        this.openFence(text, at, indent, fence);
        return;
      }
      const marker = listMarker(text, at);
      if (marker !== null) {
        if (this.paragraph !== null) {
          // An item may break into a paragraph only when it has text, and a numbered one only from 1.
          if (marker.ordered && marker.start !== 1) fallback();
        }
        this.startItem(text, at, marker);
        continue;
      }
      if (isHeading(text, at)) {
        this.heading(text, at);
        return;
      }
      if (this.paragraph !== null) {
        this.checkParagraphLine(text, at);
        this.continueParagraph(text, at);
        return;
      }
      this.checkParagraphLine(text, at);
      this.openParagraph(text, at);
      return;
    }
  }

  /** Lines this reader does not read: thematic breaks, setext underlines, quotes, fences, HTML. */
  private checkParagraphLine(text: string, at: number): void {
    const c = text.charCodeAt(at);
    // > quote, < html, ``` and ~~~ fences
    if (c === 62 || c === 60) fallback();
    if ((c === 96 || c === 126) && text.charCodeAt(at + 1) === c && text.charCodeAt(at + 2) === c) fallback();
    // A line of only - * _ = + and blanks is a break, an underline or an empty item.
    if (c === 45 || c === 42 || c === 95 || c === 61 || c === 43) {
      let only = true;
      for (let i = at; i < text.length && only; i++) {
        const d = text.charCodeAt(i);
        only = d === 45 || d === 42 || d === 95 || d === 61 || d === 43 || d === SPACE || d === TAB;
      }
      if (only) fallback();
    }
  }

  private startItem(text: string, at: number, marker: Marker): void {
    const markerCol = this.col + this.indentWidth(text);
    // The whitespace after the marker: 1-4 spaces; a tab, five spaces or nothing after it is left to remark.
    let after = at + marker.width;
    let spaces = 0;
    while (after < text.length && text.charCodeAt(after) === SPACE) {
      after++;
      spaces++;
    }
    if (spaces === 0 || spaces > 4 || after >= text.length || text.charCodeAt(after) === TAB) fallback();
    if (isBlank(text.slice(after))) fallback();
    const contentCol = markerCol + marker.width + spaces;
    const container = this.container();
    const last = container[container.length - 1];
    const point = this.point(at);
    this.closeParagraph();
    let list: List;
    // A list goes on while it is the last block of its container.
    if (last !== undefined && last.type === 'list' && sameList(last, marker)) {
      list = last;
      if (this.blank) list.spread = true;
    } else {
      if (this.blank && this.stack.length > 0) this.stack[this.stack.length - 1]!.item.spread = true;
      list = {
        type: 'list',
        ordered: marker.ordered,
        start: marker.ordered ? marker.start : null,
        spread: false,
        children: [],
        position: { start: point, end: point },
      };
      listChars.set(list, marker.char);
      container.push(list);
    }
    this.blank = false;
    const item: ListItem = { type: 'listItem', spread: false, checked: null, children: [], position: { start: { ...point }, end: point } };
    list.children.push(item);
    this.stack.push({ item, list, contentCol });
    this.pos = after;
    this.col = contentCol;
    this.partial = 0;
  }

  private openFence(text: string, at: number, indent: number, size: number): void {
    const char = text.charCodeAt(at);
    let i = at + size;
    while (i < text.length && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
    const infoFrom = i;
    while (i < text.length && text.charCodeAt(i) !== SPACE && text.charCodeAt(i) !== TAB) i++;
    const lang = text.slice(infoFrom, i);
    while (i < text.length && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
    const meta = text.slice(i);
    const info = text.slice(infoFrom);
    // Escapes and references in the info string, and a backtick after backticks (no fence then), are left to remark.
    if (info.includes('\\') || info.includes('&') || (char === BACKTICK && info.includes('`'))) fallback();
    // A tab in the fence's indentation would leave part of it on every line.
    if (this.partial > 0 || text.slice(this.pos, at).includes('\t')) fallback();
    this.closeParagraph();
    this.noteBlock();
    const node: Code = {
      type: 'code',
      lang: lang === '' ? null : lang,
      meta: meta === '' ? null : meta,
      value: '',
      position: { start: this.point(at), end: this.point(text.length) },
    };
    this.container().push(node);
    this.extendItems(node.position!.end);
    this.fence = { node, char, size, indent, depth: this.stack.length, lines: [] };
  }

  /** A line inside a fenced code block: the closing fence, or a line of code without the fence's indentation. */
  private fenceLine(text: string): void {
    const fence = this.fence!;
    if (this.partial > 0) fallback();
    const indent = this.indentWidth(text);
    const at = this.pos + this.indentChars(text);
    if (indent < 4 && fenceAt(text, at) !== null && text.charCodeAt(at) === fence.char) {
      let end = at;
      while (text.charCodeAt(end) === fence.char) end++;
      if (end - at >= fence.size && isBlank(text.slice(end))) {
        fence.node.value = fence.lines.join('\n');
        fence.node.position!.end = this.point(text.length);
        this.extendItems(fence.node.position!.end);
        this.fence = null;
        return;
      }
    }
    // The fence's own indentation is taken off each line, as far as the line has it.
    let from = this.pos;
    let taken = 0;
    while (taken < fence.indent && from < text.length && text.charCodeAt(from) === SPACE) {
      from++;
      taken++;
    }
    if (taken < fence.indent && text.charCodeAt(from) === TAB) fallback();
    if (isBlank(text) && text.length > 0) fallback(); // blanks on a blank line of code: left to remark
    fence.lines.push(text.slice(from));
    if (!isBlank(text)) {
      fence.node.position!.end = this.point(text.length);
      this.extendItems(fence.node.position!.end);
    }
  }

  private heading(text: string, at: number): void {
    let depth = 0;
    while (text.charCodeAt(at + depth) === 35) depth++;
    let start = at + depth;
    while (start < text.length && (text.charCodeAt(start) === SPACE || text.charCodeAt(start) === TAB)) start++;
    let end = text.length;
    while (end > start && (text.charCodeAt(end - 1) === SPACE || text.charCodeAt(end - 1) === TAB)) end--;
    // A closing run of # preceded by a blank ends the heading's text.
    let hashes = end;
    while (hashes > start && text.charCodeAt(hashes - 1) === 35) hashes--;
    if (hashes < end && (hashes === start || text.charCodeAt(hashes - 1) === SPACE || text.charCodeAt(hashes - 1) === TAB)) {
      end = hashes;
      while (end > start && (text.charCodeAt(end - 1) === SPACE || text.charCodeAt(end - 1) === TAB)) end--;
    }
    if (end <= start) fallback();
    this.closeParagraph();
    this.noteBlock();
    const source: SourceLine = { line: this.lineIndex + 1, lineOffset: this.lineOffset, start, end, length: text.length, hardBreak: false };
    const node: Heading = {
      type: 'heading',
      depth: depth as Heading['depth'],
      children: inlineNodes(text.slice(start, end), [source]),
      position: { start: this.point(at), end: this.point(text.length) },
    };
    this.container().push(node);
    this.extendItems(node.position!.end);
  }

  private openParagraph(text: string, at: number): void {
    this.noteBlock();
    const node: Paragraph = { type: 'paragraph', children: [], position: { start: this.point(at), end: this.point(text.length) } };
    this.container().push(node);
    this.paragraph = { node, lines: [], text: [] };
    this.addParagraphLine(text, at);
  }

  private continueParagraph(text: string, at: number): void {
    this.addParagraphLine(text, at);
  }

  private addParagraphLine(text: string, at: number): void {
    const p = this.paragraph!;
    let end = text.length;
    while (end > at && (text.charCodeAt(end - 1) === SPACE || text.charCodeAt(end - 1) === TAB)) end--;
    const trailing = text.slice(end);
    const hardBreak = trailing.length >= 2 && !trailing.includes('\t');
    p.lines.push({ line: this.lineIndex + 1, lineOffset: this.lineOffset, start: at, end, length: text.length, hardBreak });
    p.text.push(text);
    p.node.position!.end = this.point(text.length);
    this.extendItems(p.node.position!.end);
  }

  private closeParagraph(): void {
    const p = this.paragraph;
    if (p === null) return;
    this.paragraph = null;
    const content = p.text.map((text, i) => text.slice(p.lines[i]!.start, p.lines[i]!.end)).join('\n');
    p.node.children = inlineNodes(content, p.lines);
  }

  /** A new block in the innermost container after a blank line makes its item loose. */
  private noteBlock(): void {
    if (this.blank && this.stack.length > 0) this.stack[this.stack.length - 1]!.item.spread = true;
    this.blank = false;
  }

  /** Items (and their lists) open around the current block end where it ends. */
  private extendItems(end: Point): void {
    for (const open of this.stack) {
      open.item.position!.end = { ...end };
      open.list.position!.end = { ...end };
    }
  }

  private closeItems(keep: number): void {
    this.closeParagraph();
    this.stack.length = keep;
  }

  /** The children of the innermost open item, or the top level. */
  private container(): RootContent[] {
    const open = this.stack[this.stack.length - 1];
    return open === undefined ? this.root : (open.item.children as RootContent[]);
  }

  private point(index: number): Point {
    return { line: this.lineIndex + 1, column: index + 1, offset: this.lineOffset + index };
  }
}

interface Marker {
  ordered: boolean;
  /** The bullet or the delimiter (`.` or `)`). */
  char: string;
  start: number;
  width: number;
}

/** The list marker at `at` (a bullet or 1-9 digits and `.`/`)`, then a blank or the end), or null. */
function listMarker(text: string, at: number): Marker | null {
  const c = text.charCodeAt(at);
  if (c === 45 || c === 42 || c === 43) {
    const next = text.charCodeAt(at + 1);
    if (next === SPACE || next === TAB || at + 1 >= text.length) return { ordered: false, char: text[at]!, start: 0, width: 1 };
    return null;
  }
  let end = at;
  while (end < text.length && end - at < 10 && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
  if (end === at || end - at > 9) return null;
  const d = text.charCodeAt(end);
  if (d !== 46 && d !== 41) return null;
  const next = text.charCodeAt(end + 1);
  if (next !== SPACE && next !== TAB && end + 1 < text.length) return null;
  return { ordered: true, char: text[end]!, start: Number.parseInt(text.slice(at, end), 10), width: end + 1 - at };
}

/** The bullet or delimiter each list was opened with: a different one starts a new list. */
const listChars = new WeakMap<List, string>();

function sameList(list: List, marker: Marker): boolean {
  return list.ordered === marker.ordered && listChars.get(list) === marker.char;
}

/** The size of the code fence (three or more ` or ~) at `at`, or null. */
function fenceAt(text: string, at: number): number | null {
  const c = text.charCodeAt(at);
  if (c !== BACKTICK && c !== TILDE) return null;
  let end = at;
  while (text.charCodeAt(end) === c) end++;
  return end - at >= 3 ? end - at : null;
}

function isHeading(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== 35) return false;
  let depth = 0;
  while (text.charCodeAt(at + depth) === 35) depth++;
  if (depth > 6) return false;
  const next = text.charCodeAt(at + depth);
  return next === SPACE || next === TAB || at + depth >= text.length;
}

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== TAB) return false;
  }
  return true;
}


/** A run of a paragraph's text while its inline markup is read. */
type Piece =
  | { kind: 'text'; from: number; to: number; escape?: true }
  | { kind: 'delim'; char: number; from: number; to: number; open: boolean; close: boolean }
  | { kind: 'bracket'; image: boolean; from: number; to: number; inactive: boolean; balanced: boolean }
  | { kind: 'node'; node: PhrasingContent };

const NEWLINE = 10;
const BACKTICK = 96;
const STAR = 42;
const UNDERSCORE = 95;
const BANG = 33;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const ENTITY_RE = /&(?:#\d|#[xX][\da-fA-F]|[A-Za-z][A-Za-z\d]*;)/;
const HTML_START_RE = /<(?:[A-Za-z/!?]|$)/m;
const BACKSLASH = 92;
/** ASCII punctuation: what a backslash escapes. */
const ESCAPABLE_RE = /[!-/:-@[-`{-~]/;

/**
 * The inline nodes of a paragraph's or heading's `content` (its lines'
 * text without indentation or trailing blanks, joined by `\n`), positioned
 * on `lines`. Backslashes, `<` (autolinks, HTML) and character references
 * are left to remark.
 */
function inlineNodes(content: string, lines: readonly SourceLine[]): PhrasingContent[] {
  if (content.includes('&') && ENTITY_RE.test(content)) fallback();
  // `<` opens an autolink or HTML only before a letter, `/`, `!` or `?`; remark reads those.
  if (content.includes('<') && HTML_START_RE.test(content)) fallback();
  return new InlineReader(content, lines).read();
}

class InlineReader {
  private readonly pieces: Piece[] = [];
  /** Index in `content` where each line's text starts. */
  private readonly starts: number[] = [];

  constructor(
    private readonly content: string,
    private readonly lines: readonly SourceLine[],
  ) {
    let at = 0;
    for (const line of lines) {
      this.starts.push(at);
      at += line.end - line.start + 1;
    }
  }

  read(): PhrasingContent[] {
    const content = this.content;
    const n = content.length;
    let i = 0;
    let textFrom = 0;
    const flushText = (to: number): void => {
      if (to > textFrom) this.pieces.push({ kind: 'text', from: textFrom, to });
    };
    let lineNo = 0;
    while (i < n) {
      const c = content.charCodeAt(i);
      if (c === NEWLINE) {
        const line = this.lines[lineNo]!;
        lineNo++;
        if (line.hardBreak) {
          flushText(i);
          this.pieces.push({
            kind: 'node',
            node: {
              type: 'break',
              position: {
                start: this.at(line, line.end),
                end: { line: line.line + 1, column: 1, offset: line.lineOffset + line.length + 1 },
              },
            },
          });
          textFrom = i + 1;
        }
        i++;
      } else if (c === BACKSLASH) {
        const next = content.charCodeAt(i + 1);
        if (next === NEWLINE) fallback(); // a hard break
        if (i + 1 < n && ESCAPABLE_RE.test(content[i + 1]!)) {
          // The escaped character is text, its backslash only a place.
          flushText(i);
          this.pieces.push({ kind: 'text', from: i, to: i + 2, escape: true });
          i += 2;
          textFrom = i;
        } else i++;
      } else if (c === BACKTICK) {
        let j = i;
        while (j < n && content.charCodeAt(j) === BACKTICK) j++;
        const size = j - i;
        const close = closingRun(content, j, size);
        if (close < 0) {
          // No closing run: the backticks are text (remark then places a later line ending differently).
          if (content.indexOf('\n', j) >= 0) fallback();
          i = j;
          continue;
        }
        flushText(i);
        let value = content.slice(j, close);
        if (value.includes('\n')) fallback();
        if (value.length >= 2 && value.charCodeAt(0) === SPACE && value.charCodeAt(value.length - 1) === SPACE && value.trim() !== '') {
          value = value.slice(1, -1);
        }
        this.pieces.push({ kind: 'node', node: { type: 'inlineCode', value, position: { start: this.start(i), end: this.end(close + size) } } });
        i = close + size;
        textFrom = i;
      } else if (c === STAR || c === UNDERSCORE) {
        let j = i;
        while (j < n && content.charCodeAt(j) === c) j++;
        flushText(i);
        const before = classify(i === 0 ? null : content.charCodeAt(i - 1));
        const after = classify(j >= n ? null : content.charCodeAt(j));
        const open = !after || (after === 2 && before !== undefined);
        const close = !before || (before === 2 && after !== undefined);
        this.pieces.push({
          kind: 'delim',
          char: c,
          from: i,
          to: j,
          open: c === STAR ? open : open && (before !== undefined || !close),
          close: c === STAR ? close : close && (after !== undefined || !open),
        });
        i = j;
        textFrom = i;
      } else if (c === OPEN_BRACKET || (c === BANG && content.charCodeAt(i + 1) === OPEN_BRACKET)) {
        flushText(i);
        const image = c === BANG;
        const to = i + (image ? 2 : 1);
        this.pieces.push({ kind: 'bracket', image, from: i, to, inactive: false, balanced: false });
        i = to;
        textFrom = i;
      } else if (c === CLOSE_BRACKET) {
        const end = this.closeBracket(i, flushText);
        if (end < 0) {
          i++; // a literal ]
        } else {
          i = end;
          textFrom = i;
        }
      } else i++;
    }
    flushText(n);
    this.emphasis(0);
    return this.nodes(this.pieces);
  }

  /**
   * A `]` at `i`: a link or image when an open bracket waits and `(destination)`
   * follows; returns the index after it, or -1 when the `]` is text.
   */
  private closeBracket(i: number, flushText: (to: number) => void): number {
    let o = this.pieces.length - 1;
    while (o >= 0) {
      const piece = this.pieces[o]!;
      if (piece.kind === 'bracket' && !piece.balanced) break;
      o--;
    }
    if (o < 0) return -1;
    const opener = this.pieces[o] as Extract<Piece, { kind: 'bracket' }>;
    if (opener.inactive) {
      opener.balanced = true;
      return -1;
    }
    const content = this.content;
    // remark tries `[text][ref]` across lines and then places a later line ending differently.
    if (content.charCodeAt(i + 1) === OPEN_BRACKET && content.indexOf('\n', i) >= 0) fallback();
    if (content.charCodeAt(i + 1) !== OPEN_PAREN) {
      // No definitions here (their chunks go to remark), so [text] and [text][ref] are text.
      opener.balanced = true;
      return -1;
    }
    const resource = parseResource(content, i + 1);
    if (resource === null) fallback();
    if (content.slice(opener.to, i).includes('\n')) fallback();
    flushText(i);
    this.emphasis(o + 1);
    const children = this.nodes(this.pieces.slice(o + 1));
    const position = { start: this.start(opener.from), end: this.end(resource.end) };
    let node: Link | Image;
    if (opener.image) {
      node = { type: 'image', title: null, url: resource.url, alt: toText(children), position };
    } else {
      node = { type: 'link', title: null, url: resource.url, children, position };
      // Links hold no links: every bracket before this one can no longer open one.
      for (let k = 0; k < o; k++) {
        const piece = this.pieces[k]!;
        if (piece.kind === 'bracket' && !piece.image) piece.inactive = true;
      }
    }
    this.pieces.length = o;
    this.pieces.push({ kind: 'node', node });
    return resource.end;
  }

  /** Pairs emphasis markers from piece `bottom` on, as micromark does (its rule of three included). */
  private emphasis(bottom: number): void {
    const pieces = this.pieces;
    for (let c = bottom; c < pieces.length; c++) {
      const closer = pieces[c]!;
      if (closer.kind !== 'delim' || !closer.close) continue;
      for (let o = c - 1; o >= bottom; o--) {
        const opener = pieces[o]!;
        if (opener.kind !== 'delim' || !opener.open || opener.char !== closer.char) continue;
        const openSize = opener.to - opener.from;
        const closeSize = closer.to - closer.from;
        if ((opener.close || closer.open) && closeSize % 3 && !((openSize + closeSize) % 3)) continue;
        const use = openSize > 1 && closeSize > 1 ? 2 : 1;
        const children = this.nodes(pieces.slice(o + 1, c));
        const node = {
          type: use > 1 ? 'strong' : 'emphasis',
          children,
          position: { start: this.start(opener.to - use), end: this.end(closer.from + use) },
        } as PhrasingContent;
        opener.to -= use;
        closer.from += use;
        const keepOpener = opener.to > opener.from ? 1 : 0;
        const replacement: Piece[] = [{ kind: 'node', node }];
        if (keepOpener === 0) pieces.splice(o, c - o, ...replacement);
        else pieces.splice(o + 1, c - o - 1, ...replacement);
        // The closer now sits right after the new node; look at what is left of it again.
        c = o + keepOpener + 1;
        if (closer.to <= closer.from) {
          pieces.splice(c, 1);
          c--;
        } else c--;
        break;
      }
    }
  }

  /** Pieces as mdast nodes: runs of text-like pieces become one text node. */
  private nodes(pieces: readonly Piece[]): PhrasingContent[] {
    const out: PhrasingContent[] = [];
    let from = -1;
    let to = -1;
    let value = '';
    const flush = (): void => {
      if (from < 0) return;
      const text: Text = { type: 'text', value, position: { start: this.start(from), end: this.end(to) } };
      out.push(text);
      from = -1;
      value = '';
    };
    for (const piece of pieces) {
      if (piece.kind === 'node') {
        flush();
        out.push(piece.node);
      } else {
        if (piece.to <= piece.from) continue;
        if (from < 0) from = piece.from;
        to = piece.to;
        value += piece.kind === 'text' && piece.escape ? this.content[piece.from + 1] : this.content.slice(piece.from, piece.to);
      }
    }
    flush();
    return out;
  }

  /** The point of content index `i` as a start (a line ending starts where it is, after any trailing blanks). */
  private start(i: number): Point {
    const k = this.lineAt(i);
    const line = this.lines[k]!;
    const index = line.start + (i - this.starts[k]!);
    return this.at(line, index >= line.end && k < this.lines.length - 1 ? line.length : index);
  }

  /** The point just after content index `i - 1` (after a line ending: the start of the next line). */
  private end(i: number): Point {
    const k = this.lineAt(i - 1);
    const line = this.lines[k]!;
    const index = line.start + (i - this.starts[k]!);
    if (index > line.end) return { line: line.line + 1, column: 1, offset: line.lineOffset + line.length + 1 };
    return this.at(line, index);
  }

  private at(line: SourceLine, index: number): Point {
    return { line: line.line, column: index + 1, offset: line.lineOffset + index };
  }

  private lineAt(i: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** The start of a run of exactly `size` backticks from `from` on, or -1. */
function closingRun(content: string, from: number, size: number): number {
  let i = content.indexOf('`', from);
  while (i >= 0) {
    let j = i;
    while (j < content.length && content.charCodeAt(j) === BACKTICK) j++;
    if (j - i === size) return i;
    i = content.indexOf('`', j);
  }
  return -1;
}

/**
 * `(destination)` at `at` with a plain destination (no blanks, balanced
 * parentheses) and no title: its url and the index after `)`; null for any
 * other shape (remark then reads the text).
 */
function parseResource(content: string, at: number): { url: string; end: number } | null {
  let i = at + 1;
  while (content.charCodeAt(i) === SPACE || content.charCodeAt(i) === TAB) i++;
  const from = i;
  let depth = 0;
  for (; i < content.length; i++) {
    const c = content.charCodeAt(i);
    if (c === OPEN_PAREN) {
      if (++depth > 8) return null;
    } else if (c === CLOSE_PAREN) {
      if (depth === 0) break;
      depth--;
    } else if (c <= SPACE || c === 127) break;
    else if (c === BACKSLASH) return null;
  }
  if (depth !== 0) return null;
  const to = i;
  while (content.charCodeAt(i) === SPACE || content.charCodeAt(i) === TAB) i++;
  if (content.charCodeAt(i) !== CLOSE_PAREN) return null;
  return { url: content.slice(from, to), end: i + 1 };
}

// What micromark counts as Unicode whitespace and punctuation (symbols included), one UTF-16 unit at a time as it reads.
const WHITESPACE_RE = /\s/;
const PUNCTUATION_RE = /\p{P}|\p{S}/u;

/** micromark's classes of the character around an emphasis run: 1 blank or edge, 2 punctuation, else none. */
function classify(code: number | null): 1 | 2 | undefined {
  if (code === null || code === SPACE || code === TAB || code === NEWLINE) return 1;
  const char = String.fromCharCode(code);
  if (WHITESPACE_RE.test(char)) return 1;
  if (PUNCTUATION_RE.test(char)) return 2;
  return undefined;
}

/** The plain text of nodes, as an image's alt (remark's toString). */
function toText(nodes: readonly PhrasingContent[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'inlineCode') out += node.value;
    else if (node.type === 'image') out += node.alt ?? '';
    else if ('children' in node) out += toText(node.children as PhrasingContent[]);
  }
  return out;
}
