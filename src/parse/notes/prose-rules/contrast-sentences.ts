/**
 * Contrast cards: "X …, whereas Y …" and "Unlike X, Y …" ask "How do X
 * differ from Y?" with the sentence as the answer.
 */
import { clauseParts } from './clause-questions.js';
import { nounPhrases } from '../../../nlp/noun-phrases.js';
import { lastWord, lowerFirst, pointsBack, type ProseSentence, span } from './prose-sentence.js';
import { asAnswer, type RuleCard } from './rule-card.js';
import { withoutEmphasis } from './prose-sentence.js';

const MAX_SENTENCE_TOKENS = 45;
/** Made once: a pattern written inside the search would be made again for every word. */
const WHEREAS_RE = /^(?:whereas|while)$/i;

/** The contrast card of a sentence, or null. */
export function contrastCard(s: ProseSentence): RuleCard | null {
  const t = s.tokens;
  const end = lastWord(s);
  if (end + 1 > MAX_SENTENCE_TOKENS) return null;
  const whereas = t.findIndex((x) => WHEREAS_RE.test(x.text));
  let first: string | null = null;
  let second: string | null = null;
  let ends = [0, end] as [number, number];
  if (whereas > 0 && t[whereas - 1]!.text === ',') {
    first = subjectPhrase(s, 0, whereas - 2);
    second = subjectPhrase(s, whereas + 1, end);
    ends = [0, whereas - 2];
  } else if (/^unlike$/i.test(t[0]?.text ?? '')) {
    const comma = t.findIndex((x) => x.text === ',');
    if (comma < 2) return null;
    first = span(s, 1, comma - 1);
    second = subjectPhrase(s, comma + 1, end);
    ends = [1, comma - 1];
  }
  if (first === null || second === null || first.toLowerCase() === second.toLowerCase()) return null;
  if (!isThing(first) || !isThing(second) || pointsBack(s, ends[0], ends[1])) return null;
  const plural = /s$/.test(first.split(' ').pop() ?? '');
  return {
    kind: 'basic',
    syntax: 'note-contrast',
    front: `How ${plural ? 'do' : 'does'} ${first} differ from ${second}?`,
    back: asAnswer(withoutEmphasis(s.text)),
    needsBefore: false,
  };
}

/** The noun phrase that opens clause `a..b` as its subject, or null. */
function subjectPhrase(s: ProseSentence, a: number, b: number): string | null {
  const parts = clauseParts(s, a, b);
  if (parts === null) return null;
  const np = nounPhrases(s.tokens.slice(a, parts.verb))[0];
  if (np === undefined || np.det !== 0) return null;
  return lowerFirst(span(s, a, a + np.last), s.tokens[a], s.tokens[a + 1]);
}

/** A subject worth comparing: a noun phrase, not a pronoun ("it", "we", "you"). */
function isThing(text: string): boolean {
  const words = text.split(/\s+/);
  return words.length <= 6 && !/^(?:it|we|you|they|this|that|these|those|he|she|one|i)$/i.test(text);
}

