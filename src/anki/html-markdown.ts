import { NodeHtmlMarkdown } from 'node-html-markdown';
import { editorMarkupMarkdown } from './editor-html-markdown.js';

/**
 * Anki field HTML to the markdown engram shows, by node-html-markdown (a
 * parser and converter in one, no DOM to load: fast enough for 50,000 notes,
 * where turndown needs a DOM implementation per field).
 */
const converter = new NodeHtmlMarkdown({ bulletMarker: '-', codeBlockStyle: 'fenced', maxConsecutiveNewlines: 2, useInlineLinks: true });

/** A media file a field refers to: an image (`<img src>`) or a sound (`[sound:…]`). */
export interface FieldMedia {
  name: string;
  kind: 'image' | 'sound';
}

const IMG_RE = /<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>/gi;
const SOUND_RE = /\[sound:([^\]]+)\]/g;
/** Tokens that stand for media while the converter runs: letters and digits, which it never escapes. */
const TOKEN_RE = /ENGRAMMEDIA(\d+)X/g;
const HEADING_RE = /^#{1,6}\s+(.*?)\s*#*\s*$/;
/** Lines engram would read as the start of another card or a card's parts: escaped so that they stay text. */
const CARD_LINE_RE = /^(Q|A|C):|^\?\??$|^(-{3,}|\+{3,})$/;

/** One line per line; blank runs become one line break (a card's answer ends at a blank line); no headings (they would move the card). */
function tidy(markdown: string): string {
  const lines: string[] = [];
  let fence = false;
  for (const raw of markdown.split('\n')) {
    const line = raw.replace(/\s+$/, '');
    if (/^(```|~~~)/.test(line)) fence = !fence;
    if (!fence && line === '') continue;
    const heading = fence ? null : HEADING_RE.exec(line);
    if (heading) lines.push(`**${heading[1]}**`);
    else if (!fence && CARD_LINE_RE.test(line)) lines.push(`\\${line}`);
    else lines.push(line);
  }
  return lines.join('\n').trim();
}

function decodeEntities(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/**
 * A field's HTML as markdown: media references become links into `mediaDir`
 * (`![](<media/a b.jpg>)`, `[a.mp3](<media/a.mp3>)`), which `o` opens; the
 * names met are pushed to `media`.
 */
export function fieldMarkdown(html: string, mediaDir: string, media: FieldMedia[]): string {
  const found: FieldMedia[] = [];
  const token = (m: FieldMedia): string => `ENGRAMMEDIA${found.push(m) - 1}X`;
  const marked = html
    .replace(IMG_RE, (_all, a?: string, b?: string, c?: string) => token({ name: decodeEntities(a ?? b ?? c ?? ''), kind: 'image' }))
    .replace(SOUND_RE, (_all, name: string) => token({ name: decodeEntities(name), kind: 'sound' }));
  // The two readers of engram's own give the converter's very output for the kinds most fields are, in a fraction of its time.
  const markdown = html.includes('<') || html.includes('&') ? (plainMarkupMarkdown(marked) ?? editorMarkupMarkdown(marked) ?? convertedMarkdown(marked)) : marked;
  const out = tidy(markdown).replace(TOKEN_RE, (_all, i: string) => {
    const m = found[Number(i)]!;
    const target = `<${mediaDir}/${m.name.replace(/[<>]/g, '')}>`;
    return m.kind === 'image' ? `![](${target})` : `[${m.name.replace(/[[\]]/g, '')}](${target})`;
  });
  media.push(...found);
  return out;
}

/** HTML as node-html-markdown converts it with engram's options. */
export function convertedMarkdown(html: string): string {
  return converter.translate(html);
}

/** A tag of the few that plainMarkupMarkdown reads, or a run of text between them (none of `<>&`, nor markdown's escaped characters, nor whitespace other than the space). */
const PLAIN_PART_RE = /<(\/?)([bi])>|<br>|(?:[^<>&\\`*_~[\]\s]| )+|([^])/g;
/** The converter's own escapes (node-html-markdown's lineStartEscape), applied to each text as it applies them. */
const LINE_START_ESCAPE_RE = /^(\s*?)((?:\+\s)|(?:[=>-])|(?:#{1,6}\s))|(?:(\d+)(\.\s))/gm;
/** What LINE_START_ESCAPE_RE can match begins with one of these. */
const MAY_ESCAPE_RE = /[+=>#-]|\d\.\s/;
const NEWLINE_RUNS_RE = /(?:\r?\n\s*)+((?:\r?\n\s*){2})/g;

/**
 * What node-html-markdown makes of `html`, character for character, when
 * the field is the plain kind most of a collection's are: text with `<b>`,
 * `<i>` (neither inside the other, each around text) and `<br>`, none of
 * the characters markdown escapes, no entity; null for anything else, which
 * the converter reads. Such a field needs no HTML parser: converting 100,000
 * of them took the converter 3.5 s. Each step below is the converter's own
 * (its visitor's text processing, tagSurround, spaceIfRepeatingChar, and the
 * final newline and space trimming), and a test holds the two equal over
 * many generated fields.
 */
export function plainMarkupMarkdown(html: string): string | null {
  let out = '';
  // The tag open (its delimiter) and the text in it so far.
  let open: string | null = null;
  let inner: string | null = null;
  for (const m of html.matchAll(PLAIN_PART_RE)) {
    if (m[3] !== undefined) return null;
    const part = m[0];
    if (m[2] !== undefined) {
      const delimiter = m[2] === 'b' ? '**' : '_';
      if (m[1] === '') {
        if (open !== null) return null;
        open = delimiter;
        inner = null;
        continue;
      }
      // A closing tag: around one text that is more than spaces (an empty or blank one the converter drops).
      if (open !== delimiter || inner === null || inner.trim() === '') return null;
      const core = inner.trim();
      const surrounded = (inner.startsWith(' ') ? ' ' : '') + open + core + open + (inner.endsWith(' ') ? ' ' : '');
      if (out.endsWith(surrounded[0]!)) out += ' ';
      out += surrounded;
      open = null;
      inner = null;
    } else if (part === '<br>') {
      if (open !== null) return null;
      out += '  \n';
    } else if (open !== null) {
      // One text a tag: two would be two text nodes, each processed on its own.
      if (inner !== null) return null;
      inner = processedText(part);
    } else if (part.trim() === '') {
      // A text of spaces alone: one space, unless the markdown is empty or ends in whitespace.
      if (out !== '' && !/\s$/.test(out)) out += ' ';
    } else out += processedText(part);
  }
  if (open !== null) return null;
  out = out.replace(NEWLINE_RUNS_RE, '$1').replace(/^\n+|\n+$/g, '');
  return out.endsWith(' ') && !out.endsWith('  ') ? out.trimEnd() : out;
}

/** A text node as the converter's visitor writes it: spaces collapsed, line starts escaped, trailing spaces kept only when the text ends in one. */
function processedText(text: string): string {
  // The text holds no whitespace but spaces (see PLAIN_PART_RE), and the escapes need one of their characters.
  let out = text.includes('  ') ? text.replace(/\s+/g, ' ') : text;
  if (MAY_ESCAPE_RE.test(out)) out = out.replace(LINE_START_ESCAPE_RE, '$1$3\\$2$4');
  return text.endsWith(' ') ? out : out.replace(/ +$/, '');
}

/** A field's text without markup, one line (for typed answers and for note type fields used as plain text). */
export function fieldPlainText(html: string): string {
  return decodeEntities(html.replace(/<br\s*\/?>|<\/div>|<\/p>/gi, ' ').replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ')).replace(/\s+/g, ' ').trim();
}
