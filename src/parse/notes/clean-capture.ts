/**
 * Cleaning of notes before any extractor sees them: web captures of markdown
 * pages carry page chrome ("mirror of <url> / synced … / N lines / N KiB /
 * Markdown"), a gutter of `|` and `||` lines after every source line, site
 * frontmatter, citation markers (`[[73](/en/ch9#Gray1989)]`), anchors and a
 * references section, none of which belongs on a card. One pass over the
 * lines, so linear; text without any of these comes back unchanged.
 */

/** The cleaned text and how to find its lines in the original. */
export interface CleanedCapture {
  /** The text to parse, with `\n` line ends where the original had them. */
  text: string;
  /**
   * The 1-based line of the original text a 1-based line of the cleaned text
   * came from (lines out of range are clamped); the identity when nothing was removed.
   */
  lineOf: (cleanedLine: number) => number;
  /** Original lines minus cleaned lines: how many lines cleaning took out. */
  removed: number;
  /** The `title` of a frontmatter block the cleaning removed, or null. */
  title: string | null;
}

const GUTTER_RE = /^\s*\|\|?\s*$/;
// Chrome of a captured page; one strong line (mirror of, N lines, a size) must be among them.
const STRONG_CHROME_RE = /^\s*(?:mirror of\b.*|[\d,]+ lines?|[\d.,]+ ?(?:B|bytes|KiB|MiB|KB|MB))\s*$/i;
const WEAK_CHROME_RE = /^\s*(?:https?:\/\/\S+|synced\b.*|markdown|text|plain text|raw|)\s*$/i;
const FENCE_RE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING_RE = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/;
const BACK_MATTER_RE = /^(?:references|footnotes|notes and references|bibliography|endnotes|citations)$/i;
const CAPTION_HEADING_RE = /^ {0,3}#{1,6}[ \t]+((?:figure|fig\.|table|listing|example)[ \t]+[\dA-Z]+(?:[-.]\d+)*[.:].*?)[ \t#]*$/i;
const ANCHOR_RE = /<a\s+(?:id|name)=(?:"[^"]*"|'[^']*'|[^\s>]*)\s*>\s*<\/a>/gi;
// [[1](/en/ch9#Cavage2013)], [[1](…), [2](…)] and [[18](…), Table 3]: a bracket around numbered links.
const CITATION_RE = /[ \t]?\[\[\d+\]\([^()\s]*\)(?:,\s*\[\d+\]\([^()\s]*\))*(?:,[^[\]()\n]{1,40})?\]/g;
// A citation still open at the end of a line: its other items are on the next lines.
const OPEN_CITATION_RE = /\[\[\d+\]\([^()\s]*\)(?:,\s*\[\d+\]\([^()\s]*\))*,?\s*$/;
/** A citation list longer than this many lines is left as it is, which keeps joining linear. */
const MAX_CITATION_LINES = 8;

/** LaTeX inline math in `\\( … \\)` on one line. */
const INLINE_MATH_RE = /\\\(\s*(.+?)\s*\\\)/g;

/**
 * Cleans a note for the extractors: drops capture chrome at the top, gutter
 * lines (`|`, `||`; a run standing for a blank line becomes one), a
 * frontmatter block (`---` or `+++`) at the top, citation markers (also when
 * split over lines, which joins those lines), `<a id>` anchors, and
 * References/Footnotes sections up to the next heading of the same or a
 * higher level; figure-caption headings (`###### Figure 9-1. …`) become plain
 * paragraphs so they stay as context but head no section.
 * Returns the cleaned text, the map of its lines back to the original, how
 * many lines went and the frontmatter title; never throws.
 */
export function cleanCapture(text: string): CleanedCapture {
  const lines = text.split('\n');
  const out: string[] = [];
  const origin: number[] = [];
  const emit = (value: string, index: number): void => {
    out.push(value);
    origin.push(index + 1);
  };

  let i = skipChrome(lines);
  const gutter = hasGutter(lines, i);
  // Frontmatter may sit behind gutter lines.
  let first = i;
  while (gutter && first < lines.length && GUTTER_RE.test(lines[first]!)) first++;
  const front = frontmatter(lines, first, gutter);
  let title: string | null = null;
  if (front) {
    title = front.title;
    i = front.end;
  }

  let fence: string | null = null;
  let skipDepth = 0; // inside a back-matter section of this heading depth; 0 = not
  let gutterRun = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (gutter && GUTTER_RE.test(line)) {
      // `|` then `||` follow every source line; a second pair is a blank source line.
      if (line.trim() === '|' && ++gutterRun === 2 && skipDepth === 0) emit('', i);
      continue;
    }
    gutterRun = 0;

    const fenceMatch = FENCE_RE.exec(line);
    if (fence !== null) {
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length) fence = null;
      if (skipDepth === 0) emit(line, i);
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1]!;
      if (skipDepth === 0) emit(line, i);
      continue;
    }

    const heading = HEADING_RE.exec(line);
    if (heading) {
      const depth = heading[1]!.length;
      if (skipDepth > 0 && depth > skipDepth) continue;
      skipDepth = 0;
      if (BACK_MATTER_RE.test(heading[2]!.trim())) {
        skipDepth = depth;
        continue;
      }
      const caption = CAPTION_HEADING_RE.exec(line);
      if (caption) {
        if (out.length > 0 && out[out.length - 1]!.trim() !== '') emit('', i);
        emit(caption[1]!, i);
        emit('', i);
        continue;
      }
    }
    if (skipDepth > 0) continue;

    let value = line;
    const at = i;
    if (value.includes('[[')) {
      // Join the lines a citation list runs over, then drop the whole marker.
      let joined = 0;
      while (OPEN_CITATION_RE.test(value) && joined < MAX_CITATION_LINES && i + 1 < lines.length) {
        let next = i + 1;
        while (gutter && next < lines.length && GUTTER_RE.test(lines[next]!)) next++;
        if (next >= lines.length || !/^\s*\[\d+\]\(/.test(lines[next]!)) break;
        value = `${value.replace(/\s+$/, '')} ${lines[next]!.trimStart()}`;
        i = next;
        joined++;
      }
      value = outsideCode(value, (part) => part.replace(CITATION_RE, ''));
    }
    if (value.includes('<a')) value = outsideCode(value, (part) => part.replace(ANCHOR_RE, ''));
    // LaTeX inline math, `\( t_x \)`: markdown reads the escapes as bare brackets ("( t_x )"), so a card
    // would show stray brackets around the formula. As a code span it reads as written, and the sentence
    // splitter passes over it ("time r. However" is not taken for an initial).
    if (value.includes('\\(')) value = outsideCode(value, (part) => part.replace(INLINE_MATH_RE, '`$1`'));
    emit(value, at);
  }

  const lineOf = (cleanedLine: number): number => {
    if (origin.length === 0) return 1;
    const at = Math.min(Math.max(Math.trunc(cleanedLine), 1), origin.length);
    return origin[at - 1]!;
  };
  return { text: out.join('\n'), lineOf, removed: lines.length - out.length, title };
}

const CAPTION_RE = /^(?:figure|fig\.|table|listing|example)[ \t]+[\dA-Z]+(?:[-.]\d+)*[.:]/i;

/**
 * Whether a paragraph's text is a figure or table caption ("Figure 9-1. …"),
 * which the extractors keep as context and never turn into a card.
 */
export function isFigureCaption(text: string): boolean {
  return CAPTION_RE.test(text.trim());
}

/** Rewrites the parts of a line outside `code spans` (split at backticks, so a span must close on its line). */
function outsideCode(line: string, rewrite: (part: string) => string): string {
  if (!line.includes('`')) return rewrite(line);
  return line
    .split(/(`+[^`]*`+)/)
    .map((part, index) => (index % 2 === 0 ? rewrite(part) : part))
    .join('');
}

/** The index of the first line after capture chrome at the top; 0 when there is none. */
function skipChrome(lines: readonly string[]): number {
  let i = 0;
  let strong = 0;
  while (i < lines.length && (STRONG_CHROME_RE.test(lines[i]!) || WEAK_CHROME_RE.test(lines[i]!))) {
    if (STRONG_CHROME_RE.test(lines[i]!)) strong++;
    i++;
  }
  // A note that merely starts with a url or a blank line keeps it.
  return strong > 0 && i >= 2 ? i : 0;
}

/** Whether the lines from `from` carry a capture gutter: a `|` line directly followed by a `||` line. */
function hasGutter(lines: readonly string[], from: number): boolean {
  for (let i = from; i + 1 < lines.length; i++) {
    if (lines[i]!.trim() === '|' && lines[i + 1]!.trim() === '||') return true;
  }
  return false;
}

/** A `---`/`+++` block starting at line `from`: the index after it and its title; null when there is none. */
function frontmatter(lines: readonly string[], from: number, gutter: boolean): { end: number; title: string | null } | null {
  const open = lines[from]?.trim();
  if (open !== '---' && open !== '+++') return null;
  let title: string | null = null;
  for (let i = from + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (gutter && GUTTER_RE.test(line)) continue;
    if (line.trim() === open) return { end: i + 1, title };
    const match = /^title\s*[:=]\s*(.*?)\s*$/.exec(line);
    if (match && title === null) title = unquote(match[1]!) || null;
    // A frontmatter block holds keys; prose means the `---` was a thematic break.
    if (line.trim() !== '' && !/^[\w-]+\s*[:=]|^\s+\S|^\s*-\s|^#/.test(line)) return null;
  }
  return null;
}

function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return quoted ? quoted[2]! : value;
}
