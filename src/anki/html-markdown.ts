import { NodeHtmlMarkdown } from 'node-html-markdown';

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
  const markdown = html.includes('<') || html.includes('&') ? converter.translate(marked) : marked;
  const out = tidy(markdown).replace(TOKEN_RE, (_all, i: string) => {
    const m = found[Number(i)]!;
    const target = `<${mediaDir}/${m.name.replace(/[<>]/g, '')}>`;
    return m.kind === 'image' ? `![](${target})` : `[${m.name.replace(/[[\]]/g, '')}](${target})`;
  });
  media.push(...found);
  return out;
}

/** A field's text without markup, one line (for typed answers and for note type fields used as plain text). */
export function fieldPlainText(html: string): string {
  return decodeEntities(html.replace(/<br\s*\/?>|<\/div>|<\/p>/gi, ' ').replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ')).replace(/\s+/g, ' ').trim();
}
