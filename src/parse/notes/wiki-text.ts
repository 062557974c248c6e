/**
 * Wiki markup of outliners (Logseq, Obsidian) turned into reading text:
 * `[[link|alias]]` shows the alias, `[[link]]` the link, `![[embed]]` goes
 * (or shows as a path), `#tag` and `#[[tag]]` tokens go. Every pattern is a
 * single pass without nested quantifiers, so the work is linear in the text.
 */

/** How embeds are shown; every field is optional. */
export interface WikiTextOptions {
  /** 'drop' (default) removes `![[embed]]`; 'path' shows it as `[embed: name]`. */
  embeds?: 'drop' | 'path';
}

// A tag starts with a letter so `C#`, `#1` and `# heading` stay; a tag
// that ends a sentence keeps the sentence's full stop.
const TAG = /(^|[\s(])#(?:\[\[[^\[\]\n]*\]\]|[\p{L}_][\p{L}\p{N}_\-/]*(?:\.[\p{L}\p{N}_\-/]+)*)/gu;
const EMBED = /!\[\[([^\[\]\n]*)\]\]/g;
const LINK = /\[\[([^\[\]\n]*)\]\]/g;

/**
 * The text with wiki links shown as their alias or name, embeds dropped (or
 * shown as a path) and tags removed, whitespace left by removals collapsed
 * to one space. Returns text only; never throws.
 */
export function wikiText(text: string, options: WikiTextOptions = {}): string {
  if (!text.includes('[[') && !text.includes('#')) return text;
  const withoutEmbeds = text.replace(EMBED, (_whole, target: string) =>
    options.embeds === 'path' ? `[embed: ${target.split('|')[0]!.trim()}]` : '',
  );
  // The space before a tag goes with it, so "a #tag b" reads "a b".
  const withoutTags = withoutEmbeds.replace(TAG, (_whole, before: string) => (before === '(' ? before : ''));
  const linked = withoutTags.replace(LINK, (_whole, inner: string) => linkText(inner));
  if (linked === text) return text;
  // An embed between words leaves two spaces; a single space is what was meant.
  return linked.replace(/[ \t]{2,}/g, ' ');
}

/** `link|alias` shows the alias; `link#heading` shows the link. */
function linkText(inner: string): string {
  const bar = inner.indexOf('|');
  if (bar >= 0) {
    const alias = inner.slice(bar + 1).trim();
    if (alias !== '') return alias;
    return inner.slice(0, bar).trim();
  }
  return inner.trim();
}
