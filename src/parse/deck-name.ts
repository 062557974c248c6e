import { TAG_DECK_RE } from './deck-tags.js';
import { pathDeckName } from './path-deck-name.js';
import { Fence, type ScannedLine } from './scan-lines.js';

/**
 * The deck a file's cards go to: `deck:` in frontmatter, else a `flashcards/<deck>`
 * entry in frontmatter `tags`, else the first `#flashcards/<deck>` tag in the
 * text (outside code), else the deck `fileName` names ({@link pathDeckName}).
 */
export function deckName(frontmatter: Record<string, unknown>, lines: readonly ScannedLine[], fileName: string): string {
  const deck = frontmatterDeck(frontmatter);
  if (deck !== null) return deck;
  const tags = frontmatter['tags'];
  for (const tag of typeof tags === 'string' ? tags.split(/[\s,]+/) : tagStrings(tags)) {
    const m = /^#?flashcards\/(.+)$/.exec(tag.trim());
    if (m) return m[1]!;
  }
  for (const line of lines) {
    if (line.fence !== Fence.None || !line.masked.includes('#flashcards/')) continue;
    const m = TAG_DECK_RE.exec(line.masked);
    if (m) return m[1]!;
  }
  return pathDeckName(fileName);
}

/**
 * The deck the frontmatter's `deck:` (or hashcards' TOML `name =`, read into
 * `deck`) names for every card of the file, tags or not; null when none.
 */
export function frontmatterDeck(frontmatter: Record<string, unknown>): string | null {
  const deck = frontmatter['deck'];
  if ((typeof deck === 'string' || typeof deck === 'number') && String(deck).trim() !== '') return String(deck).trim();
  return null;
}

/** Entries of a frontmatter tag list read at most: YAML aliases can nest a short list into billions of strings. */
const MAX_TAGS = 1_000;

/**
 * The strings of a frontmatter tag list, those of nested lists
 * (`[[flashcards/a]]`) after the outer ones, up to {@link MAX_TAGS} entries;
 * [] when it is no list.
 */
function tagStrings(tags: unknown): string[] {
  if (!Array.isArray(tags)) return [];
  const out: string[] = [];
  const lists: unknown[][] = [tags];
  let seen = 0;
  for (let k = 0; k < lists.length; k++) {
    for (const entry of lists[k]!) {
      if (++seen > MAX_TAGS) return out;
      if (typeof entry === 'string') out.push(entry);
      else if (Array.isArray(entry)) lists.push(entry);
    }
  }
  return out;
}
