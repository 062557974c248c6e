import type { Card } from '../model/card.js';
import type { CodeBlock } from '../model/code-block.js';
import { codeBlocksOf, splitFenced } from '../parse/card-code.js';
import { answerMarkdown } from './card-answer.js';
import { plainTextOf } from '../parse/plain-text.js';
import { shortAnswerOf } from './short-answer.js';

/**
 * How a card can be checked: predict a code block's output (`expected` is the
 * card's `output` block, or null when the code has to be run), type an answer
 * compared word by word, or recall and grade oneself.
 */
export type Exercise =
  | { kind: 'predict'; block: CodeBlock; expected: string | null; unordered: boolean }
  /** `expected` is the card's short answer, or null when it has none: the user grades what they typed. */
  | { kind: 'typed'; expected: string | null }
  | { kind: 'recall' };

/**
 * Questions that ask for a program's output: "what does this code print",
 * "what will the following program output", "what is printed", "what's the
 * output", "predict the output". Matched against the question's prose only.
 */
const ASKS_FOR_OUTPUT_RES = [
  /\bwhat\s+(?:does|do|did|will|would)\s+(?:\S+\s+){1,4}?(?:print|output|display|log|write|echo|show)(?:s|ed)?\b/i,
  /\bwhat(?:'s|’s|\s+is|\s+are|\s+gets|\s+get|\s+will\s+be|\s+would\s+be)\s+(?:the\s+)?(?:printed|output|displayed|logged|written|shown)\b/i,
  /\b(?:predict|guess)\s+the\s+output\b/i,
];

/** Block languages that hold what a card expects rather than code to run. */
const ANSWER_LANGS = new Set(['output', 'answer']);

/**
 * The exercise a card supports, checked in this order. Predict: the question
 * has a code block whose language `runnable` accepts, and that block carries
 * `predict`, or the card has an `output` block (either side), or the question
 * asks for output; `unordered` when that block or the output block carries
 * `unordered` or `any-order`. Typed: the answer has a block marked `typed` or
 * in language `answer` (its text is expected), or `typedAnswers` (the deck
 * asks for typed answers) and the answer has plain text; what is expected is
 * the card's short answer (shortAnswerOf), never the explanation after it.
 * Else recall.
 */
export function exerciseOf(
  card: Pick<Card, 'front' | 'back'>,
  options: { typedAnswers: boolean; runnable: (lang: string) => boolean },
): Exercise {
  const blocks = codeBlocksOf(card);
  const predict = predictOf(card.front, blocks, options.runnable);
  if (predict) return predict;
  const typedBlock = blocks.some((b) => b.side === 'back' && (b.lang === 'answer' || b.attributes.includes('typed')));
  if (typedBlock || (options.typedAnswers && plainTextOf(answerMarkdown(card)) !== '')) return { kind: 'typed', expected: shortAnswerOf(card) };
  return { kind: 'recall' };
}

function predictOf(front: string, blocks: readonly CodeBlock[], runnable: (lang: string) => boolean): Exercise | null {
  const code = blocks.filter((b) => b.side === 'front' && b.lang !== '' && !ANSWER_LANGS.has(b.lang) && runnable(b.lang));
  if (code.length === 0) return null;
  const output = blocks.find((b) => b.lang === 'output') ?? null;
  const marked = code.find((b) => b.attributes.includes('predict'));
  const block = marked ?? code[0]!;
  if (!marked && !output && !asksForOutput(front)) return null;
  const unordered = [block, output].some((b) => b !== null && (b.attributes.includes('unordered') || b.attributes.includes('any-order')));
  return { kind: 'predict', block, expected: output?.code ?? null, unordered };
}

/** Whether the question's prose (outside fenced code) asks what the code prints. */
export function asksForOutput(question: string): boolean {
  const prose = splitFenced(question)
    .flatMap((s) => (s.kind === 'prose' ? [s.text] : []))
    .join('\n');
  return ASKS_FOR_OUTPUT_RES.some((re) => re.test(prose));
}
