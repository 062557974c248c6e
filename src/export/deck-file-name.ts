const UNSAFE_RE = /[\\:*?"<>|\x00-\x1f]/g;

/**
 * The relative path a deck's markdown is written to in an export folder: a
 * deck `a/b` goes to `a/b.md`; characters that some file systems refuse
 * become `-`, and empty or dot-led parts are prefixed with `_` so none is
 * hidden or climbs out of the folder. Names already in `taken` get " (2)", " (3)" …
 */
export function deckFileName(deck: string, taken: ReadonlySet<string> = new Set()): string {
  const base = deck
    .split('/')
    .map((part) => {
      const safe = part.replace(UNSAFE_RE, '-').trim();
      return safe === '' || safe.startsWith('.') ? `_${safe}` : safe;
    })
    .join('/');
  let name = `${base}.md`;
  for (let n = 2; taken.has(name); n++) name = `${base} (${n}).md`;
  return name;
}
