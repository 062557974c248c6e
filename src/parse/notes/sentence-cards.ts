/**
 * Sentences of bullet notes that no label card took ("Other Reasons: …", the
 * rest of a long definition), read by the sentence rules of prose (prose
 * definitions, why-cards, consequences, contrasts: prose-rules/), so that a
 * fact under a vague label still gives a card. The sentences of a note are
 * tagged in one call of the tagger.
 */
import { analyse, maskForNlp, type Token } from '../../nlp/english.js';
import type { DerivedCard } from './derived-card.js';
import { consequenceCard } from './prose-rules/consequence-sentences.js';
import { contrastCard } from './prose-rules/contrast-sentences.js';
import { definitionCard } from './prose-rules/definition-sentences.js';
import type { ProseSentence } from './prose-rules/prose-sentence.js';
import type { SentenceRule } from './prose-rules/rule-card.js';
import { whyCard } from './prose-rules/why-sentences.js';
import type { EmphasisSpan } from './sentences.js';

/** One sentence of a bullet, with what it was written under. */
export interface LooseSentence {
  /** The sentence, markdown on one line. */
  text: string;
  /** The sentence before it in its bullet, or its bullet's label, or null: a card that points back shows it. */
  before: string | null;
  headingPath: string[];
  /** What the card's `note` (sibling group) and lines are. */
  note: string;
  line: number;
  endLine: number;
}

/** The rules a bullet's sentence is read with, in the order prose reads them. */
const RULES: readonly SentenceRule[] = [definitionCard, whyCard, consequenceCard, contrastCard];
/** Sentences longer than this are no card's answer. */
const MAX_SENTENCE = 400;

/**
 * The cards the sentence rules make of `sentences`, at most one a sentence,
 * in order. Returns [] when no rule applies; never throws.
 */
export function looseSentenceCards(sentences: readonly LooseSentence[]): DerivedCard[] {
  const wanted = sentences.filter((s) => s.text.length <= MAX_SENTENCE && /\s/.test(s.text));
  if (wanted.length === 0) return [];
  const tokens = tagged(wanted.map((s) => s.text));
  const cards: DerivedCard[] = [];
  wanted.forEach((loose, i) => {
    const s: ProseSentence = {
      text: loose.text,
      tokens: tokens[i]!,
      emphasis: emphasisOf(loose.text),
      headingPath: loose.headingPath,
      before: loose.before,
      line: loose.line,
      endLine: loose.endLine,
    };
    if (s.tokens.length === 0) return;
    for (const rule of RULES) {
      const found = rule(s);
      if (found === null || (found.needsBefore && s.before === null)) continue;
      cards.push({
        kind: found.kind,
        syntax: found.syntax,
        front: found.front,
        back: found.back,
        context: found.needsBefore ? s.before : null,
        headingPath: s.headingPath,
        note: loose.note,
        line: s.line,
        endLine: s.endLine,
      });
      return;
    }
  });
  return cards;
}

/** The tokens of each text, offsets in that text, from one call of the tagger over all of them. */
function tagged(texts: readonly string[]): Token[][] {
  const starts: number[] = [];
  let joined = '';
  for (const text of texts) {
    starts.push(joined.length);
    // A line each: a sentence never runs into the next.
    joined += `${maskForNlp(text)}\n`;
  }
  const out: Token[][] = texts.map(() => []);
  let k = 0;
  for (const sentence of analyse(joined)) {
    for (const token of sentence.tokens) {
      while (k + 1 < texts.length && token.from >= starts[k + 1]!) k++;
      const at = starts[k]!;
      if (token.to > at + texts[k]!.length) continue;
      out[k]!.push({ ...token, text: texts[k]!.slice(token.from - at, token.to - at), from: token.from - at, to: token.to - at });
    }
  }
  return out;
}

const EMPHASIS = /(\*\*|__)(?!\s)(.+?)(?<!\s)\1|(?<![*\w])([*_])(?![\s*_])(.+?)(?<![\s*_])\3(?![*\w])/g;

/** The emphasised phrases of a sentence's markdown. */
function emphasisOf(text: string): EmphasisSpan[] {
  if (!text.includes('*') && !text.includes('_')) return [];
  const spans: EmphasisSpan[] = [];
  for (const m of text.matchAll(EMPHASIS)) {
    spans.push({ from: m.index, to: m.index + m[0].length, term: (m[2] ?? m[4] ?? '').trim(), strong: m[1] !== undefined });
  }
  return spans;
}
