/** One gap of a cloze note, placed in the note's plain text. */
export interface NoteGap {
  /** Columns [from, to) of the hidden text in the plain text. */
  from: number;
  to: number;
  text: string;
  /** The hint shown in the gap, or null for the plain `[...]`. */
  hint: string | null;
  /** Index of the card (the deletion group) the gap belongs to. */
  card: number;
}

/** A cloze note recovered from its cards: the text with every gap filled, and where the gaps are. */
export interface ClozeNote {
  plain: string;
  /**
   * Sorted by position, an outer gap before the gaps inside it. Gaps never
   * cross: two are apart, the same text (a gap on several cards), or one
   * inside the other (a nested cloze).
   */
  gaps: NoteGap[];
}

/** A side of a cloze card: gaps are `**[hint]**` on the front and `**text**` on the back. */
export interface ClozeSides {
  front: string;
  back: string;
}

/** Tries beyond this mean the text itself is full of `**[`/`**`: give up rather than search on. */
const BUDGET = 20_000;

/**
 * The note the given cards were cut from, found by lining up each card's front
 * and back (they differ only at that card's gaps). Returns a reason instead
 * when the sides do not line up or the cards disagree about the note's text.
 */
export function clozeNote(cards: readonly ClozeSides[]): ClozeNote | { reason: string } {
  let plain: string | null = null;
  const gaps: NoteGap[] = [];
  for (let k = 0; k < cards.length; k++) {
    const found = cardGaps(cards[k]!);
    if (!found) return { reason: 'its gaps cannot be told apart from the rest of its text' };
    if (found.gaps.length === 0) return { reason: 'it has no gap' };
    if (plain === null) plain = found.plain;
    else if (plain !== found.plain) return { reason: 'the cards of its note disagree about the note text' };
    for (const g of found.gaps) gaps.push({ ...g, card: k });
  }
  if (plain === null) return { reason: 'it has no cards' };
  // Outer gaps first: an Anki note's gaps may sit one inside another, or be
  // the same text on several cards; no two may cross.
  gaps.sort((a, b) => a.from - b.from || b.to - a.to || a.card - b.card);
  const open: NoteGap[] = [];
  for (const g of gaps) {
    while (open.length > 0 && open[open.length - 1]!.to <= g.from) open.pop();
    if (open.length > 0 && g.to > open[open.length - 1]!.to) return { reason: 'two of its gaps overlap' };
    open.push(g);
  }
  return { plain, gaps };
}

/**
 * The gaps of one card, with the plain text they sit in: a search over where
 * each `**[hint]**` of the front meets a `**text**` of the back, first trying
 * the shortest hint and text, backtracking when the rest does not line up.
 */
function cardGaps({ front, back }: ClozeSides): { plain: string; gaps: Omit<NoteGap, 'card'>[] } | null {
  let budget = BUDGET;
  type Found = { backFrom: number; backTo: number; hint: string | null };
  const found: Found[] = [];
  const align = (f: number, b: number): boolean => {
    if (--budget < 0) return false;
    let d = 0;
    while (f + d < front.length && b + d < back.length && front.charCodeAt(f + d) === back.charCodeAt(b + d)) d++;
    if (f + d === front.length && b + d === back.length) return true;
    // The gap starts where the sides part, or up to its `**[` earlier (a text may start with `[`).
    for (let p = front.lastIndexOf('**[', f + d); p >= f; p = p > f ? front.lastIndexOf('**[', p - 1) : -1) {
      const bp = b + (p - f);
      if (!back.startsWith('**', bp)) continue;
      for (let q = front.indexOf(']**', p + 3); q >= 0; q = front.indexOf(']**', q + 1)) {
        for (let r = back.indexOf('**', bp + 2); r >= 0; r = back.indexOf('**', r + 1)) {
          const hint = front.slice(p + 3, q);
          found.push({ backFrom: bp + 2, backTo: r, hint: hint === '...' ? null : hint });
          if (align(q + 3, r + 2)) return true;
          found.pop();
          if (budget < 0) return false;
        }
      }
    }
    return false;
  };
  if (!align(0, 0)) return null;
  let plain = '';
  let at = 0;
  const gaps: Omit<NoteGap, 'card'>[] = [];
  for (const g of found) {
    plain += back.slice(at, g.backFrom - 2);
    const text = back.slice(g.backFrom, g.backTo);
    gaps.push({ from: plain.length, to: plain.length + text.length, text, hint: g.hint });
    plain += text;
    at = g.backTo + 2;
  }
  plain += back.slice(at);
  return { plain, gaps };
}
