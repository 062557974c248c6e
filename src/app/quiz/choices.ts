import type { Card } from '../../model/card.js';
import { splitFenced } from '../../parse/card-code.js';
import { answerMarkdown } from '../../check/card-answer.js';
import { plainTextOf } from '../../parse/plain-text.js';
import { mixSeed, seededRandom, shuffled } from '../../schedule/seeded-random.js';

/** The parts of a card a quiz needs (its sibling group, to keep siblings apart). */
export type QuizCard = Pick<Card, 'id' | 'deck' | 'sibling' | 'front' | 'back'>;

/** Longest answer offered as an option: longer ones make a wall of text, not a choice. */
export const MAX_OPTION_CHARS = 120;
/** Wrong options per question. */
export const DISTRACTOR_COUNT = 3;

interface AnswerFacts {
  front: string;
  back: string;
  text: string;
  eligible: boolean;
}

/**
 * Answer facts per card object: options for one card look at every card of
 * the pool, so a quiz would otherwise convert each answer once per question.
 * The texts are kept to notice a card object edited in place.
 */
const answerFacts = new WeakMap<Pick<Card, 'front' | 'back'>, AnswerFacts>();

function factsOf(card: Pick<Card, 'front' | 'back'>): AnswerFacts {
  const known = answerFacts.get(card);
  if (known && known.front === card.front && known.back === card.back) return known;
  const markdown = answerMarkdown(card);
  const plain = plainTextOf(markdown);
  const facts = {
    front: card.front,
    back: card.back,
    text: plain.replace(/\s+/g, ' ').trim(),
    eligible: plain !== '' && !plain.includes('\n') && plain.length <= MAX_OPTION_CHARS && !splitFenced(markdown).some((s) => s.kind === 'code'),
  };
  answerFacts.set(card, facts);
  return facts;
}

/** What a card asks for as one line of plain text (runs of whitespace, line breaks included, become one space). */
export function answerText(card: Pick<Card, 'front' | 'back'>): string {
  return factsOf(card).text;
}

/**
 * Whether a card's answer can stand as an option among others: not empty,
 * one line of plain text of at most MAX_OPTION_CHARS, and no code block.
 */
export function choiceEligible(card: Pick<Card, 'front' | 'back'>): boolean {
  return factsOf(card).eligible;
}

/**
 * Four options for a card, in an order fixed by `seed`, and the index of the
 * right one; or null when the card's answer cannot be an option or its deck in
 * `pool` has fewer than DISTRACTOR_COUNT other eligible answers that differ
 * from it, from each other and from the question (a reversed card's answer is
 * its sibling's question). Answers are told apart by normaliseOption.
 */
export function choiceOptions(card: QuizCard, pool: readonly QuizCard[], seed: number): { options: string[]; correct: number } | null {
  if (!choiceEligible(card)) return null;
  const right = answerText(card);
  const taken = new Set([normaliseOption(right), normaliseOption(plainTextOf(card.front))]);
  const candidates: string[] = [];
  for (const other of pool) {
    if (other.id === card.id || other.deck !== card.deck || !choiceEligible(other)) continue;
    const text = answerText(other);
    const key = normaliseOption(text);
    if (taken.has(key)) continue;
    taken.add(key);
    candidates.push(text);
  }
  if (candidates.length < DISTRACTOR_COUNT) return null;
  const random = seededRandom(seed);
  const distractors = shuffled(candidates, random).slice(0, DISTRACTOR_COUNT);
  const options = shuffled([right, ...distractors], random);
  return { options, correct: options.indexOf(right) };
}

/** An option as compared for sameness: NFC, lower case, whitespace collapsed, trailing . , ; : ! ? dropped. */
export function normaliseOption(text: string): string {
  const folded = text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ');
  // A loop rather than /[.,;:!?\s]+$/, which backtracks quadratically on long runs.
  let end = folded.length;
  while (end > 0 && TRAILING_PUNCTUATION.has(folded[end - 1]!)) end--;
  return folded.slice(0, end).trim();
}

const TRAILING_PUNCTUATION = new Set(' .,;:!?');

/** The seed for one card's options within a quiz seeded with `seed`. */
export function optionSeed(seed: number, cardId: number): number {
  return mixSeed(seed, cardId);
}
