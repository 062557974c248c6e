import { Fence, type ScannedLine } from './scan-lines.js';

const TAG_DECK_RE = /(?:^|[ \t])#flashcards\/(\S+)/;

/**
 * The deck a file's cards go to: `deck:` in frontmatter, else a `flashcards/<deck>`
 * entry in frontmatter `tags`, else the first `#flashcards/<deck>` tag in the
 * text (outside code), else the file name without its extension.
 */
export function deckName(frontmatter: Record<string, unknown>, lines: readonly ScannedLine[], fileName: string): string {
  const deck = frontmatter['deck'];
  if ((typeof deck === 'string' || typeof deck === 'number') && String(deck).trim() !== '') return String(deck).trim();
  const tags = frontmatter['tags'];
  const tagList = Array.isArray(tags) ? tags : typeof tags === 'string' ? tags.split(/[\s,]+/) : [];
  for (const tag of tagList) {
    const m = /^#?flashcards\/(.+)$/.exec(String(tag).trim());
    if (m) return m[1]!;
  }
  for (const line of lines) {
    if (line.fence !== Fence.None || !line.masked.includes('#flashcards/')) continue;
    const m = TAG_DECK_RE.exec(line.masked);
    if (m) return m[1]!;
  }
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}
