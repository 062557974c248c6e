import { analyse, maskForNlp, type Token } from '../nlp/english.js';
import type { ClozeGap } from './cloze-gaps.js';
import type { Finding } from './finding.js';
import { proseOf, wordsOf } from './prose-text.js';

/** Adjectives that say how the writer feels about a thing, not what it is ("impossible", "crucial", "pessimistic"). */
const EVALUATIVE: ReadonlySet<string> = new Set(
  ('impossible difficult easy easier simple simpler important crucial essential vital necessary significant good bad ' +
    'better best worse worst great huge pessimistic optimistic depressing disorienting unlikely likely surprising dangerous useful ' +
    'helpful interesting obvious clear tricky subtle serious severe terrible awful nice excellent powerful fundamental key main major ' +
    'real whole entire certain sure mysterious weird strange hopeless reasonable sensible wrong right meaningless unavoidable ' +
    'inevitable fragile painful tough complicated challenging problematic risky scary bizarre counterintuitive confusing remarkable')
    .split(' '),
);

/** Adverbs of degree and frequency: they stress a claim, they never make one. */
const INTENSIFIERS: ReadonlySet<string> = new Set(
  ('very thoroughly extremely really quite highly fairly completely entirely absolutely truly particularly especially incredibly ' +
    'totally utterly so too rather pretty much enough hard simply just even only always never often usually rarely seldom sometimes ' +
    'generally mostly largely greatly deeply fully perfectly certainly definitely surely')
    .split(' '),
);

/** Verbs that carry no fact of their own in a stress phrase ("try hard enough", "make sure"). */
const LIGHT_VERBS: ReadonlySet<string> = new Set('try make do get go take work be have seem become'.split(' '));

/** Nouns a gap can hide without hiding anything that matters ("A variant", "one way", "the case"). */
const FILLER_NOUNS: ReadonlySet<string> = new Set(
  'variant way kind type sort example instance lot part thing case idea approach option aspect form version bit one number matter fact'.split(' '),
);

/** Gaps longer than this are a claim, not a stress word: never read for parts of speech. */
const MAX_GAP_WORDS = 4;

/** What a gap's words are, from their tags: a stress word or phrase, filler, or something worth hiding. */
function stressKind(tokens: readonly Token[]): 'stress' | 'filler' | null {
  const words = tokens.filter((t) => t.pos !== 'PUNCT' && t.pos !== 'SYM');
  if (words.length === 0) return null;
  if (words.some((t) => t.pos === 'NUM' || t.pos === 'PROPN' || t.pos === 'X')) return null;
  const nouns = words.filter((t) => t.pos === 'NOUN');
  if (nouns.length > 0) return nouns.every((t) => FILLER_NOUNS.has(t.lemma)) && words.length <= 2 ? 'filler' : null;
  const verbs = words.filter((t) => t.pos === 'VERB');
  const modifiers = words.filter((t) => t.pos === 'ADJ' || t.pos === 'ADV');
  const degree = (t: Token) => t.pos === 'ADV' && INTENSIFIERS.has(t.text.toLowerCase());
  // "try hard enough": a light verb and degree words only; "go unnoticed" says something.
  if (verbs.length > 0) return verbs.every((t) => LIGHT_VERBS.has(t.lemma)) && modifiers.length > 0 && modifiers.every(degree) ? 'stress' : null;
  if (modifiers.length === 0) return null;
  const adjectives = modifiers.filter((t) => t.pos === 'ADJ');
  if (adjectives.length === 0) return 'stress';
  // An adjective can be the term itself ("deterministic", "asynchronous", "earliest"): only evaluative
  // ones, or ones after a degree word ("thoroughly pessimistic"), are stress.
  const adverbs = modifiers.filter((t) => t.pos === 'ADV');
  if (adverbs.some(degree) && adverbs.every((t) => degree(t) || /ly$/i.test(t.text))) return 'stress';
  return adverbs.length === 0 && adjectives.every((t) => EVALUATIVE.has(t.lemma) || EVALUATIVE.has(t.text.toLowerCase())) ? 'stress' : null;
}

/**
 * Whether a gap's text could be a stress word at all, without the NLP: a few
 * lower-case words, no digits or code, and one of them an evaluative word, a
 * degree word, a light verb, filler or an adverb in -ly. Any other gap is a
 * term, a name or a claim whatever its tags, so most clozes never reach the
 * tagger.
 */
function mightBeStress(gap: ClozeGap): boolean {
  const text = proseOf(gap.text);
  const words = wordsOf(text);
  if (words.length === 0 || words.length > MAX_GAP_WORDS || /[\d`]/.test(gap.text) || /\s\p{Lu}|^\p{Lu}{2}/u.test(text)) return false;
  return words.some((w) => EVALUATIVE.has(w) || INTENSIFIERS.has(w) || LIGHT_VERBS.has(w) || FILLER_NOUNS.has(w) || /..ly$/.test(w));
}

/** Words of context the tagger reads on each side of a gap: enough for its tags, far less than a long sentence. */
const WINDOW_CHARS = 60;

/** The tokens of a gap, tagged in a window of the text around it (offsets in `back`). */
function gapTokens(back: string, gap: ClozeGap): Token[] {
  let from = Math.max(0, gap.from - WINDOW_CHARS);
  let to = Math.min(back.length, gap.to + WINDOW_CHARS);
  // Cut at spaces, so no word is read in half.
  if (from > 0) from = back.indexOf(' ', from) + 1 || gap.from;
  if (to < back.length) to = Math.max(back.lastIndexOf(' ', to), gap.to);
  const window = maskForNlp(back.slice(from, to));
  return analyse(window)
    .flatMap((s) => s.tokens)
    .filter((t) => t.from + from >= gap.from && t.to + from <= gap.to);
}

/**
 * A finding when a gap hides a stress word or phrase ("impossible",
 * "thoroughly pessimistic", "try hard enough", "dynamically") or filler that
 * matters to nothing ("A variant"). The text around the gap is tagged only
 * when mightBeStress says the gap could be one; adverbs always count as stress,
 * adjectives only when evaluative or intensified, since a classifying one
 * ("deterministic") can be the term the sentence teaches.
 */
export function stressCloze(back: string, gaps: readonly ClozeGap[]): Finding | null {
  for (const gap of gaps.filter(mightBeStress)) {
    const kind = stressKind(gapTokens(back, gap));
    if (kind === null) continue;
    const hidden = proseOf(gap.text);
    return kind === 'stress'
      ? { rule: 'stress-cloze', message: `hides "${hidden}", a word that stresses the claim rather than making it`, fix: 'Hide the term or the claim the sentence teaches, not the stress word' }
      : { rule: 'stress-cloze', message: `hides "${hidden}", which matters to nothing the sentence teaches`, fix: 'Hide the term the sentence is about, or drop the card' };
  }
  return null;
}
