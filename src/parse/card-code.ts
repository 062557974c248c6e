import type { CodeBlock } from '../model/code-block.js';

/** A stretch of one card side: prose lines, or one fenced code block. */
export type SideSegment =
  | { kind: 'prose'; text: string }
  | { kind: 'code'; lang: string; attributes: string[]; code: string };

/** Up to 3 spaces, then a run of 3+ backticks or tildes, then the info string. */
const OPEN_RE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const CLOSE_RE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const WORD_SEP_RE = /[\s,]+/;

/**
 * The fenced code blocks of a card, question side first, each with its side,
 * position, language and attributes (lower-cased) and its text without the
 * fences or a trailing newline. Never throws.
 */
export function codeBlocksOf(card: { front: string; back: string }): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  for (const side of ['front', 'back'] as const) {
    for (const s of splitFenced(card[side])) {
      if (s.kind === 'code') blocks.push({ side, index: blocks.length, lang: s.lang, attributes: s.attributes, code: s.code });
    }
  }
  return blocks;
}

/**
 * One side's markdown cut into prose and fenced blocks, in order. Follows
 * CommonMark, as the review screen's renderer does: a fence inside a longer
 * or different fence is text, and a fence that never closes runs to the end
 * of the side. One pass over the lines.
 */
export function splitFenced(markdown: string): SideSegment[] {
  const lines = markdown.split(/\r?\n/);
  const segments: SideSegment[] = [];
  let prose: string[] = [];
  const flushProse = () => {
    if (prose.length > 0) segments.push({ kind: 'prose', text: prose.join('\n') });
    prose = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN_RE.exec(lines[i]!);
    // A backtick fence's info string cannot hold a backtick: ```a``` is inline code.
    if (!open || (open[2]![0] === '`' && open[3]!.includes('`'))) {
      prose.push(lines[i]!);
      continue;
    }
    flushProse();
    const indent = open[1]!.length;
    const fence = open[2]!;
    const body: string[] = [];
    for (i++; i < lines.length; i++) {
      const close = CLOSE_RE.exec(lines[i]!);
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length) break;
      body.push(dedent(lines[i]!, indent));
    }
    segments.push({ kind: 'code', ...readInfo(open[3]!), code: body.join('\n').replace(/\n+$/, '') });
  }
  flushProse();
  return segments;
}

/**
 * Language and attributes of an info string: its first word and the rest,
 * lower-cased, split on spaces or commas. Pandoc's `{.lang .attr}` form is not
 * read: such a block has no language.
 */
function readInfo(info: string): { lang: string; attributes: string[] } {
  const trimmed = info.trim();
  if (trimmed === '' || trimmed.startsWith('{')) return { lang: '', attributes: [] };
  const [lang, ...attributes] = trimmed.toLowerCase().split(WORD_SEP_RE).filter((w) => w !== '');
  return { lang: lang ?? '', attributes };
}

/** The line without up to `indent` leading spaces, as CommonMark strips a fence's own indent from its lines. */
function dedent(line: string, indent: number): string {
  let k = 0;
  while (k < indent && line[k] === ' ') k++;
  return line.slice(k);
}
