/**
 * Where a cloze card's gaps are in its answer side. A cloze is stored as a
 * front with `**[...]**` (or `**[hint]**`) for each gap and a back that is the
 * same text with each gap filled in as `**text**` (src/parse/scan-cards.ts,
 * src/parse/notes/emphasis-clozes.ts), so the back is the whole sentence and
 * each gap's text sits between a known pair of `**`.
 */

/** One gap of a cloze, as found in the card's back. */
export interface ClozeGap {
  /** The hidden text, as written (markdown). */
  text: string;
  /** Half-open offsets of `text` in the back (inside its `**`). */
  from: number;
  to: number;
}

const GAP_RE = /\*\*\[[^\]\n]*\]\*\*/g;

/**
 * The gaps of a cloze card, in order, located in `back`; empty when the
 * front has no gap or the back is not the front with its gaps filled in
 * (then the card is not a cloze the rules can read).
 */
export function clozeGaps(card: { front: string; back: string }): ClozeGap[] {
  const between = card.front.split(GAP_RE);
  if (between.length < 2) return [];
  const back = card.back;
  const first = between[0]!;
  const last = between[between.length - 1]!;
  if (!back.startsWith(first) || !back.endsWith(last) || back.length < first.length + last.length) return [];
  const end = back.length - last.length;
  const gaps: ClozeGap[] = [];
  let at = first.length;
  for (let g = 1; g < between.length; g++) {
    if (!back.startsWith('**', at)) return [];
    const isLast = g === between.length - 1;
    const close = isLast ? end - 2 : back.indexOf(`**${between[g]!}`, at + 2);
    if (close <= at + 2 || !back.startsWith('**', close)) return [];
    gaps.push({ text: back.slice(at + 2, close), from: at + 2, to: close });
    at = close + 2 + (isLast ? 0 : between[g]!.length);
  }
  return at === end ? gaps : [];
}
