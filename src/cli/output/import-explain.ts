import { isDerivedSyntax, type CardSyntax } from '../../model/card.js';
import type { WithheldCard } from '../../parse/notes/note-cards.js';

/** What each kind of card is called in `engram import --explain` (and in `engram cards --from notes`'s list of rules). */
export const MADE_BY: Record<CardSyntax, string> = {
  'title-block': 'written cards (#### / :p / ??x)',
  qa: 'written cards (Q: / A:)',
  'qa-cloze': 'written cards (C: clozes)',
  inline: 'written cards (::)',
  'inline-both': 'written cards (:::)',
  multiline: 'written cards (? lines)',
  'multiline-both': 'written cards (?? lines)',
  'highlight-cloze': 'written cards (==clozes==)',
  'anki-cloze': 'written cards ({{c1::clozes}})',
  'note-definition': 'definition bullets (- **Term:** definition)',
  'note-outline': 'outline topics (topic -> Description)',
  'note-section': 'section key points (heading -> points)',
  'note-emphasis': 'emphasised terms (cloze on the term)',
  'note-prose-definition': 'definitions in prose (X is ... -> What is X?)',
  'note-why': 'causal sentences (because ... -> Why ...?)',
  'note-list': 'announced lists (three kinds of ...: -> What are they?)',
  'note-contrast': 'contrasts (X, whereas Y -> How does X differ from Y?)',
  'note-consequence': 'consequences (if ..., then ... -> What happens if ...?)',
  'note-claim': 'lessons (X must assume that ... -> What must X assume?)',
  'note-asked': "the text's own questions (Why ...? The answer is ... -> Why ...?)",
};

/** A front on one line, cut to a width a terminal shows. */
function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 100 ? `${flat.slice(0, 99)}…` : flat;
}

/**
 * The lines `--explain` prints for one file: which extractor (or which card
 * syntax) made how many of its cards, in the order of `counts`.
 * @param mode the mode the file was imported in
 */
export function explainLines(path: string, mode: string, counts: ReadonlyMap<CardSyntax, number>, withheld: readonly WithheldCard[] = []): string[] {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const derived = [...counts.keys()].some(isDerivedSyntax);
  const from = total === 0 ? 'no cards' : derived ? 'cards derived from its notes' : 'the cards written in it';
  const out = [`${path} (mode ${mode}): ${total} ${total === 1 ? 'card' : 'cards'}, ${from}`];
  const width = Math.max(0, ...[...counts.values()].map((n) => String(n).length));
  for (const [syntax, n] of counts) out.push(`  ${String(n).padStart(width)}  ${MADE_BY[syntax]}`);
  if (withheld.length > 0) {
    // What the rules of a good card left out, so a user can see they drop no card worth keeping.
    out.push(`  left out by the card-quality rules (engram check --quality names them): ${withheld.length}`);
    for (const w of withheld) out.push(`    line ${w.line}: ${w.rule}: ${oneLine(w.front)}`);
  }
  return out;
}
