/** A gap of a cloze card's question: `**[...]**`, or `**[hint]**`. */
const GAP_RE = /\*\*\[[^\]\n]*\]\*\*/g;

/**
 * The markdown of what a card asks for: the filled-in text of a cloze card's
 * gaps (see {@link joinGaps}), else its whole answer side. A cloze card's
 * answer side is the full sentence, which would make a typed answer a
 * dictation and give away the right option of a choice.
 */
export function answerMarkdown(card: { front: string; back: string }): string {
  const gaps = clozeGapsOf(card);
  return gaps ? joinGaps(gaps) : card.back;
}

/**
 * The answer to a card that hides `gaps`: their texts joined with ", ", or
 * the text once when every gap hides the same (a word hidden three times is
 * typed once), as Anki asks for a cloze's typed answer.
 */
export function joinGaps(gaps: readonly string[]): string {
  return gaps.every((g) => g === gaps[0]) ? (gaps[0] ?? '') : gaps.join(', ');
}

/**
 * The texts that fill a cloze card's gaps, in order, or null when the card is
 * not a cloze card: the question has no `**[...]**` gap, or the answer is not
 * the question with each gap filled in as `**text**`.
 */
export function clozeGapsOf(card: { front: string; back: string }): string[] | null {
  const between = card.front.split(GAP_RE);
  if (between.length < 2) return null;
  const back = card.back;
  const first = between[0]!;
  const last = between[between.length - 1]!;
  if (!back.startsWith(first) || !back.endsWith(last) || back.length < first.length + last.length) return null;
  const end = back.length - last.length;
  const gaps: string[] = [];
  let at = first.length;
  for (let g = 1; g < between.length; g++) {
    if (!back.startsWith('**', at)) return null;
    const isLast = g === between.length - 1;
    const close = isLast ? end - 2 : back.indexOf(`**${between[g]!}`, at + 2);
    if (close <= at + 2 || !back.startsWith('**', close)) return null;
    gaps.push(back.slice(at + 2, close));
    at = close + 2 + (isLast ? 0 : between[g]!.length);
  }
  return at === end ? gaps : null;
}
