import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { ParsedCard } from '../../model/card.js';
import { hashKey, normaliseForKey } from '../card-key.js';
import { cleanCapture } from './clean-capture.js';
import { extractDefinitionBullets } from './definition-bullets.js';
import type { DerivedCard, NoteSyntax } from './derived-card.js';
import { extractEmphasisClozes } from './emphasis-clozes.js';
import { extractOutlineTopics } from './outline-topics.js';
import { extractSectionPoints } from './section-points.js';

type Extractor = (tree: Root, lineOf: (line: number) => number) => DerivedCard[];

/** Extractors of bullet-shaped notes (summaries, outlines), in the order their cards win a tie. */
const BULLET_EXTRACTORS: readonly Extractor[] = [extractDefinitionBullets, extractOutlineTopics];
/** Extractors of prose (chapters, captures). */
const PROSE_EXTRACTORS: readonly Extractor[] = [extractSectionPoints, extractEmphasisClozes];

/**
 * Bullet-shaped notes give cards from their terms and topics only: in a
 * summary the bold words inside definitions and the short sections are the
 * definitions again, worse. Notes are bullet-shaped when their bullets give at
 * least this many cards, and at least as many as their emphasised terms.
 */
const MIN_BULLET_CARDS = 3;

const plainMarkdown = unified().use(remarkParse);
const githubMarkdown = unified().use(remarkParse).use(remarkGfm);
/** A table's delimiter row, strikethrough or a footnote: the GitHub extensions notes may use. */
const GFM_RE = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*\|[ \t:|-]*$|~~|\[\^/m;

/** The mdast of one chunk. The GitHub extensions more than double remark's time: on only where used. */
function parseChunk(text: string): Root {
  return (GFM_RE.test(text) ? githubMarkdown : plainMarkdown).parse(text);
}

/** A chunk ends at the first blank line before a top-level block after this many lines. */
const CHUNK_LINES = 200;
/** ...and at this many lines in any case: some shapes (thousands of setext headings) cost remark time that grows faster than their length. */
const MAX_CHUNK_LINES = 1_000;
/**
 * A chunk also ends at such a blank line once its text holds this many inline
 * markers (see {@link inlineMarkers}), and after any line at four times as many:
 * remark matches emphasis and brackets by walking back over every marker before
 * them in the paragraph, so a paragraph of unmatched markers costs the square
 * of their number (100 KB of `*a_` took minutes). Bounding the markers of a
 * chunk bounds every paragraph; notes hold a few per sentence.
 */
const CHUNK_MARKERS = 500;
const MAX_CHUNK_MARKERS = 4 * CHUNK_MARKERS;
const FENCE_RE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The mdast of `text`, parsed in chunks that end between top-level blocks
 * (outside code fences) and joined into one tree with the real line numbers:
 * remark's time then grows with the length of the text, whatever its shape.
 */
function parseMarkdown(text: string): Root {
  const lines = text.split('\n');
  const root: Root = { type: 'root', children: [] };
  let start = 0;
  let fence: string | null = null;
  let markers = 0;
  const flush = (end: number): void => {
    if (end <= start) return;
    const tree = parseChunk(lines.slice(start, end).join('\n'));
    if (start > 0) shiftLines(tree, start);
    root.children.push(...tree.children);
    start = end;
    markers = 0;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const marker = FENCE_RE.exec(line)?.[1];
    if (marker && (fence === null || (marker[0] === fence[0] && marker.length >= fence.length))) fence = fence === null ? marker : null;
    // Code is not scanned for inline markers, so its markers cost nothing.
    else if (fence === null) markers += inlineMarkers(line);
    const size = i + 1 - start;
    const between = fence === null && line.trim() === '' && i + 1 < lines.length && /^\S/.test(lines[i + 1]!);
    if (((size >= CHUNK_LINES || markers >= CHUNK_MARKERS) && between) || size >= MAX_CHUNK_LINES || markers >= MAX_CHUNK_MARKERS) flush(i + 1);
  }
  flush(lines.length);
  return root;
}

/** Moves every position in `tree` down by `by` lines. */
function shiftLines(tree: Nodes, by: number): void {
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.position) {
      node.position.start.line += by;
      node.position.end.line += by;
    }
    if ('children' in node) stack.push(...(node.children as Nodes[]));
  }
}

/**
 * Lines longer than this are not read for notes: no sentence that long makes
 * a card (answers stay under 600 characters), and remark would spend seconds
 * on a generated or minified line.
 */
export const MAX_NOTE_LINE = 20_000;

/**
 * Lines holding more inline markers than this are not read for notes either:
 * a thousand unmatched markers in one paragraph cost remark seconds (see
 * {@link CHUNK_MARKERS}), and nest emphasis deeper than a tree walk's stack.
 */
export const MAX_NOTE_LINE_MARKERS = 1_000;

/**
 * Leading indentation, quote markers and list markers (`> - > - 1. `) are cut
 * to their last this many characters: remark's work per line grows with the depth of
 * nesting, so a list nested thousands of levels deep would take minutes, and
 * the tree walks (remark's own, then the extractors') would overflow the
 * stack; past this depth the nesting says nothing a card needs.
 */
export const MAX_NOTE_INDENT = 64;

/** The block prefix of a line: indentation, quote markers and list markers nested on it. */
const BLOCK_PREFIX_RE = /^(?:[ \t>]|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))+/;

/**
 * How many of remark's inline markers a line holds: emphasis (`*`, `_`, `~`),
 * brackets of links and images, backticks of code spans and `<` of autolinks
 * and HTML. Linear.
 */
function inlineMarkers(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    // * _ ~ [ ] ` <
    if (c === 42 || c === 95 || c === 126 || c === 91 || c === 93 || c === 96 || c === 60) n++;
  }
  return n;
}

/** `text` as the note extractors read it: over-long or marker-laden lines emptied, deep nesting flattened (line numbers stay). */
function readableForNotes(text: string): string {
  const lines = text.split('\n');
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length > MAX_NOTE_LINE || inlineMarkers(line) > MAX_NOTE_LINE_MARKERS) {
      lines[i] = '';
      changed = true;
      continue;
    }
    const prefix = line.length > MAX_NOTE_INDENT ? BLOCK_PREFIX_RE.exec(line)?.[0] : undefined;
    if (prefix !== undefined && prefix.length > MAX_NOTE_INDENT) {
      // The innermost markers are kept: they make the line what it is (a bullet, a quote).
      lines[i] = prefix.slice(prefix.length - MAX_NOTE_INDENT) + line.slice(prefix.length);
      changed = true;
    }
  }
  return changed ? lines.join('\n') : text;
}

/** What the notes of one file give. */
export interface NoteCards {
  /** Derived cards in file order, each with its identity key. */
  cards: ParsedCard[];
  /** How many cards each extractor made (after duplicates were dropped). */
  counts: Record<NoteSyntax, number>;
}


/**
 * Cards derived from a file of notes (`text` is the whole file, frontmatter
 * included): the text is cleaned of capture noise, parsed once with remark,
 * and the extractors read the tree (those of bullets only, when the notes are
 * bullet-shaped). A derived card is keyed like a written
 * one, on its normalised text (so an edit elsewhere in the notes keeps it,
 * and a typo fix pairs it by similarity); the same card found twice is kept
 * once. Cards cut from one sentence share a sibling group, keyed on the
 * sentence's normalised text (a card alone in its sentence has none, as a
 * written cloze with one gap). Pure; never throws for any input.
 */
export function noteCards(text: string): NoteCards {
  const cleaned = cleanCapture(readableForNotes(text));
  const tree = parseMarkdown(cleaned.text);
  const counts: Record<NoteSyntax, number> = { 'note-definition': 0, 'note-outline': 0, 'note-section': 0, 'note-emphasis': 0 };
  const seen = new Set<string>();
  const cards: ParsedCard[] = [];
  const bullets = BULLET_EXTRACTORS.flatMap((extract) => extract(tree, cleaned.lineOf));
  const prose = PROSE_EXTRACTORS.flatMap((extract) => extract(tree, cleaned.lineOf));
  const clozes = prose.filter((d) => d.syntax === 'note-emphasis').length;
  const bulletShaped = bullets.length >= MIN_BULLET_CARDS && bullets.length >= clozes;
  const kept: { key: string; d: DerivedCard; note: string | null }[] = [];
  const perNote = new Map<string, number>();
  for (const d of bulletShaped ? bullets : bullets.concat(prose)) {
    const key = hashKey(['note', d.syntax, normaliseForKey(d.front), normaliseForKey(d.back)]);
    if (seen.has(key)) continue;
    seen.add(key);
    const note = d.note === undefined ? null : normaliseForKey(d.note);
    if (note !== null) perNote.set(note, (perNote.get(note) ?? 0) + 1);
    kept.push({ key, d, note });
  }
  for (const { key, d, note } of kept) {
    counts[d.syntax]++;
    cards.push({
      key,
      // Cards cut from one sentence give each other away: siblings, never studied the same day.
      sibling: note !== null && perNote.get(note)! > 1 ? hashKey(['sentence', note]) : null,
      kind: d.kind,
      syntax: d.syntax,
      front: d.front,
      back: d.kind === 'cloze' ? filledIn(d.front, d.back) : d.back,
      title: null,
      context: d.context,
      headingPath: d.headingPath,
      line: d.line,
      endLine: d.endLine,
      explicitId: null,
    });
  }
  cards.sort((a, b) => a.line - b.line || a.endLine - b.endLine);
  return { cards, counts };
}

/**
 * The answer side of a derived cloze as engram's clozes have it: the question
 * with each gap filled in, in bold (an extractor gives the hidden term alone).
 */
function filledIn(front: string, term: string): string {
  return front.split(GAP).join(`**${term}**`);
}

const GAP = '**[...]**';
