import type { Card } from '../model/card.js';
import type { CodeBlock } from '../model/code-block.js';
import { codeBlocksOf } from '../parse/card-code.js';
import { exerciseOf, type Exercise } from './exercise.js';

/** What a card holds to run and what it asks: recall, a typed answer, or a predicted output. */
export interface CardCode {
  /** Blocks in a language engram can run, in the card's order. */
  blocks: CodeBlock[];
  exercise: Exercise;
}

/** How to tell what runs and which decks want typed answers: the user's languages and settings. */
export interface CodeRules {
  runnable: (lang: string) => boolean;
  typedAnswers: (deck: string) => boolean;
}

/** The card's runnable blocks and its exercise under `rules`. */
export function codeOfCard(card: Pick<Card, 'front' | 'back' | 'deck'>, rules: CodeRules): CardCode {
  return {
    blocks: codeBlocksOf(card).filter((b) => rules.runnable(b.lang)),
    exercise: exerciseOf(card, { typedAnswers: rules.typedAnswers(card.deck), runnable: rules.runnable }),
  };
}
