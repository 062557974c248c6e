/**
 * A description written as a procedure: "Idea: Every time the majority of
 * nodes make a decision, assign it a monotonically increasing ID. Pass this
 * ID with every write, and if the storage service sees a lower token, reject
 * it." Each sentence is an instruction (an imperative verb, maybe after a
 * "when/if/every time …," clause), and ", and" joins two of them. Two or
 * three such steps are one idea — how the thing works — not several facts:
 * the learner recalls them in order, so they make one card, the steps
 * numbered ("How do fencing tokens work, in three steps?").
 */
import type { Token } from '../../nlp/english.js';
import { LIST_MAX } from './bullet-answers.js';
import { numberWord } from './label-questions.js';
import type { Sentence } from './sentences.js';
import { wikiText } from './wiki-text.js';

/** A procedure is at least two steps and, to stay one idea, at most three. */
const MIN_STEPS = 2;
const MAX_STEPS = 3;
/** A step past this many characters is a paragraph of its own, not a step to recall. */
const MAX_STEP = 140;
/** Words that open the clause an instruction may lead with ("Every time …, assign …"). */
const LEADING_CLAUSE = /^(?:every|each|when|whenever|if|once|after|before|until|while|as soon as|for every|for each|on)$/i;
/** Words after a comma that join two instructions (", and reject it", ", then retry"). */
const JOINERS = new Set(['and', 'then']);

/** What a procedure card is made of. */
export interface ProcedureCard {
  /** "How do fencing tokens work, in three steps?" */
  front: string;
  /** The steps as a numbered markdown list. */
  back: string;
}

/**
 * The steps of `sentences` (a description's point, its label cut off) when
 * every sentence is an instruction, split at ", and"/", then" where the next
 * part is an instruction too; null when any sentence is not one, or there is
 * only one step. Whether they make a card is {@link procedureCard}'s call.
 */
export function procedureSteps(sentences: readonly Sentence[]): string[] | null {
  const steps: string[] = [];
  for (const sentence of sentences) {
    if (!isInstruction(sentence.tokens, 0)) return null;
    let from = 0;
    for (let i = 1; i < sentence.tokens.length - 1; i++) {
      const comma = sentence.tokens[i]!;
      if (comma.text !== ',' && comma.text !== ';') continue;
      let next = i + 1;
      while (next < sentence.tokens.length && JOINERS.has(sentence.tokens[next]!.text.toLowerCase())) next++;
      if (next === i + 1 && comma.text === ',') continue;
      if (!isInstruction(sentence.tokens, next)) continue;
      steps.push(stepText(sentence.text.slice(sentence.tokens[from]!.from, comma.from)));
      from = next;
    }
    steps.push(stepText(sentence.text.slice(sentence.tokens[from]!.from)));
  }
  return steps.length < MIN_STEPS ? null : steps;
}

/**
 * The card of a procedure about `subject` ("fencing tokens", plural): how it
 * works, the number of steps on the front so the learner knows how many to
 * recall. Null when the steps are more than three (several facts), one is
 * too long to recall, or the numbered list runs past LIST_MAX characters.
 */
export function procedureCard(subject: { text: string; plural: boolean }, steps: readonly string[]): ProcedureCard | null {
  if (steps.length < MIN_STEPS || steps.length > MAX_STEPS || steps.some((s) => s.length > MAX_STEP)) return null;
  const back = steps.map((step, i) => `${i + 1}. ${step}`).join('\n');
  if (back.length > LIST_MAX) return null;
  return { front: `How ${subject.plural ? 'do' : 'does'} ${subject.text} work, in ${numberWord(steps.length)} steps?`, back };
}

/**
 * Whether the tokens from `at` read as an instruction: a verb in its base
 * form ("Pass this ID …") before its object, or a leading "every time / if /
 * when …" clause whose comma is followed by one ("If …, reject it").
 */
function isInstruction(tokens: readonly Token[], at: number): boolean {
  if (imperative(tokens, at)) return true;
  const first = tokens[at];
  if (first === undefined || !(LEADING_CLAUSE.test(first.text) || first.pos === 'SCONJ')) return false;
  for (let i = at + 1; i < tokens.length - 1; i++) {
    if (tokens[i]!.text === ',') return imperative(tokens, i + 1);
  }
  return false;
}

/**
 * A verb in its base form that starts the clause, followed by what it acts on
 * (not a second verb: "Process pauses …"). The model reads some verbs that
 * open a sentence as nouns or names ("Record the hottest keys", "Replay them
 * …"): a singular word before a determiner or an object pronoun is a verb there.
 */
function imperative(tokens: readonly Token[], at: number): boolean {
  const verb = tokens[at];
  const next = tokens[at + 1];
  if (verb === undefined || next === undefined) return false;
  const word = verb.text.toLowerCase();
  if (word !== verb.lemma || /(?:ing|ed)$/.test(word)) return false;
  // "Compare hit rates": a base form after it is a noun's modifier; "Process pauses happen" is a subject and its verb.
  if (verb.pos === 'VERB') return next.pos !== 'AUX' && next.pos !== 'PUNCT' && (next.pos !== 'VERB' || next.text.toLowerCase() === next.lemma);
  return (verb.pos === 'NOUN' || verb.pos === 'PROPN') && !/s$/.test(word) && (next.pos === 'DET' || OBJECTS.has(next.text.toLowerCase()));
}

/** Pronouns that are a verb's object ("Replay them"), never a noun's. */
const OBJECTS = new Set(['it', 'them', 'us', 'him', 'her', 'me', 'you', 'this', 'that', 'these', 'those']);

/** A step as it reads alone: wiki links as text, capitalised, one full stop. */
function stepText(text: string): string {
  const step = wikiText(text).trim().replace(/[\s,;:.]+$/, '');
  return `${step.charAt(0).toUpperCase()}${step.slice(1)}${/[!?]$/.test(step) ? '' : '.'}`;
}
