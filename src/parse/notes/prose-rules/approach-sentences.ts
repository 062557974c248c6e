/**
 * Techniques the text proposes: "One approach is to treat GC pauses like
 * brief planned outages of a node, …" under the heading "Limiting the impact
 * of garbage collection" asks "What is one approach to limiting the impact of
 * garbage collection?"; "A variant of this idea is to …" after it asks "What
 * is a variant of the idea to treat GC pauses like brief planned outages of a
 * node?". The goal comes from the heading (an -ing phrase that names a task)
 * or, for a variant, from the approach it varies; without one, no card.
 */
import { lastWord, type ProseSentence, span } from './prose-sentence.js';
import { asAnswer, type RuleCard } from './rule-card.js';

/** Nouns that name a technique. */
const TECHNIQUES = new Set(['approach', 'option', 'variant', 'alternative', 'technique', 'way', 'idea', 'solution', 'strategy']);
/** Techniques that vary an earlier one ("A variant of this idea …"). */
const VARIANTS = new Set(['variant', 'alternative', 'refinement', 'extension']);
/** Shortest and longest technique, in tokens after "is to". */
const MIN_TECHNIQUE = 4;
const MAX_TECHNIQUE = 45;
/** Longest technique named on a variant's front. */
const MAX_NAMED = 14;

/** A technique a sentence proposes. */
export interface Approach {
  /** "one approach", "an emerging idea", "a variant". */
  label: string;
  /** The technique's name: what follows "is to" up to its first comma ("treat GC pauses like brief planned outages of a node"). */
  named: string;
  /** Whether it varies the technique before it ("of this idea"). */
  variant: boolean;
  /** Index of the token after "is to". */
  from: number;
}

/** The technique `s` proposes ("One approach is to …"), or null. */
export function approachOf(s: ProseSentence): Approach | null {
  const t = s.tokens;
  if (t.length < 8 || !/^(?:one|another|a|an)$/i.test(t[0]!.text)) return null;
  let k = 1;
  while (k < 3 && t[k]!.pos === 'ADJ') k++;
  const noun = t[k]!;
  if (noun.pos !== 'NOUN' || !TECHNIQUES.has(noun.lemma)) return null;
  const label = span(s, 0, k).replace(/^./, (c) => c.toLowerCase());
  let v = k + 1;
  // "of this idea" / "of this approach": the variant of the one before.
  const variantOf = t[v]?.text.toLowerCase() === 'of' && /^(?:this|that|the)$/i.test(t[v + 1]?.text ?? '') && TECHNIQUES.has(t[v + 2]?.lemma ?? '');
  if (variantOf) v += 3;
  if (t[v]?.lemma !== 'be' || t[v + 1]?.text.toLowerCase() !== 'to' || t[v + 2]?.pos !== 'VERB') return null;
  const from = v + 2;
  const end = lastWord(s);
  if (end - from + 1 < MIN_TECHNIQUE || end - from + 1 > MAX_TECHNIQUE) return null;
  let stop = from;
  while (stop <= end && !/^[,;:(—]$/.test(t[stop]!.text)) stop++;
  return { label, named: span(s, from, stop - 1), variant: variantOf || VARIANTS.has(noun.lemma), from };
}

/**
 * The card of an approach: a variant names the approach before it in its
 * section (`earlier`), any other the task its heading names. Null without one.
 */
export function approachCard(s: ProseSentence, approach: Approach, earlier: Approach | null): RuleCard | null {
  const back = asAnswer(`To ${span(s, approach.from, lastWord(s))}`);
  if (approach.variant) {
    if (earlier === null || earlier.variant || earlier.named.split(/\s+/).length > MAX_NAMED) return null;
    return { kind: 'basic', syntax: 'note-claim', front: `What is ${approach.label} of the idea to ${earlier.named}?`, back, needsBefore: false };
  }
  const heading = s.headingPath[s.headingPath.length - 1] ?? '';
  // "Limiting the impact of garbage collection": a heading that names a task in a few words.
  if (!/^[A-Z][a-z]+ing\s+\S+\s+\S+/.test(heading) || heading.split(/\s+/).length > 8 || /[?:]/.test(heading)) return null;
  const task = heading.charAt(0).toLowerCase() + heading.slice(1);
  const joiner = /^(?:approach|alternative|solution)$/.test(approach.label.split(' ').pop()!) ? 'to' : 'for';
  return { kind: 'basic', syntax: 'note-claim', front: `What is ${approach.label} ${joiner} ${task}?`, back, needsBefore: false };
}
