/**
 * Noun phrases of a tagged sentence. wink-nlp has no noun chunker, so this is
 * a small pattern over its tags: an optional determiner, modifiers
 * (adjectives, numbers, participles, hyphen-joined words) and one or more
 * nouns or names, e.g. "a fencing token", "the time-of-day clock",
 * "Leslie Lamport", "1.5 seconds".
 */
import type { Pos, Token } from './english.js';

/** One noun phrase: the token indexes it spans and its head (last noun). */
export interface NounPhrase {
  /** Index of its first token after any determiner (the phrase a cloze hides). */
  first: number;
  /** Index of its determiner, or `first` when it has none. */
  det: number;
  /** Index of its last token (the head noun). */
  last: number;
}

const NOUNISH: ReadonlySet<Pos> = new Set(['NOUN', 'PROPN']);
const MODIFIER: ReadonlySet<Pos> = new Set(['ADJ', 'NUM', 'NOUN', 'PROPN']);
const DETERMINER: ReadonlySet<Pos> = new Set(['DET']);

/**
 * English adjectives seldom follow a noun, but the model tags some nouns after
 * a noun as adjectives ("fencing/NOUN token/ADJ is"): such a word before a
 * verb, a preposition or punctuation heads the phrase.
 */
function taggedAdjectiveIsNoun(t: readonly Token[], j: number): boolean {
  const next = t[j + 1];
  return t[j]!.pos === 'ADJ' && j > 0 && t[j - 1]!.pos === 'NOUN' && (next === undefined || ['AUX', 'VERB', 'ADP', 'PUNCT'].includes(next.pos));
}

/** Whether token `i` joins the one before it with no space (`time-of-day`, `node's`). */
function glued(tokens: readonly Token[], i: number): boolean {
  return i > 0 && tokens[i - 1]!.to === tokens[i]!.from;
}

/**
 * The noun phrases of a run of tagged tokens (a sentence or part of one),
 * left to right, never overlapping; indexes are into `t`. A phrase ends at
 * its last noun; words joined by hyphens count as one modifier.
 */
export function nounPhrases(t: readonly Token[]): NounPhrase[] {
  const phrases: NounPhrase[] = [];
  let i = 0;
  while (i < t.length) {
    const det = i;
    let j = i;
    if (DETERMINER.has(t[j]!.pos)) j++;
    const first = j;
    let lastNoun = -1;
    while (j < t.length) {
      const tok = t[j]!;
      const hyphenated = tok.text === '-' && glued(t, j) && j + 1 < t.length && glued(t, j + 1);
      if (hyphenated) {
        j += 2;
        continue;
      }
      if (MODIFIER.has(tok.pos) || (glued(t, j) && j > first && tok.pos !== 'PUNCT')) {
        if (NOUNISH.has(tok.pos) || (tok.pos === 'NUM' && j > first) || taggedAdjectiveIsNoun(t, j)) lastNoun = j;
        j++;
        continue;
      }
      // A possessive ('s) inside a phrase: "the node's clock".
      if (tok.pos === 'PART' && /^['’]s$/i.test(tok.text) && lastNoun === j - 1) {
        j++;
        continue;
      }
      break;
    }
    if (lastNoun >= first) {
      phrases.push({ first, det: det < first ? det : first, last: lastNoun });
      i = lastNoun + 1;
    } else i = Math.max(j, i + 1);
  }
  return phrases;
}
