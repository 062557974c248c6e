import { aboutTheDocument } from './about-the-document.js';
import { aliasCloze } from './alias-cloze.js';
import { answerRestatesBasicFront, gapShownOnFront } from './answer-restates-front.js';
import { clozeGaps } from './cloze-gaps.js';
import type { Finding, QualityCard } from './finding.js';
import { frontShape } from './front-shape.js';
import { multiFactAnswer } from './multi-fact-answer.js';
import { proseOf } from './prose-text.js';
import { stressCloze } from './stress-cloze.js';
import { unresolvedReference } from './unresolved-reference.js';

/**
 * The rules of a good card (docs/card-quality.md) that `card` breaks, in a
 * fixed order, at most one finding per rule; empty for a good card. Pure and
 * cheap: text checks first, and parts of speech (wink-nlp) only for a short
 * basic front without a "?" or a cloze gap of a few lower-case words.
 * A reversed card is read for the rules about its text as a whole only (the
 * document, a dangling "this"): its front is the other card's answer.
 */
export function cardFindings(card: QualityCard): Finding[] {
  const findings: Finding[] = [];
  const add = (f: Finding | null) => {
    if (f !== null) findings.push(f);
  };
  const frontProse = proseOf(card.front);
  if (card.kind === 'basic') {
    add(frontShape(card.front, frontProse, card.back, card.headingPath ?? []));
    add(multiFactAnswer(card.back, frontProse));
    add(answerRestatesBasicFront(frontProse, proseOf(card.back)));
  } else if (card.kind === 'cloze') {
    const gaps = clozeGaps(card);
    add(stressCloze(card.back, gaps));
    add(aliasCloze(card.back, gaps));
    add(gapShownOnFront(frontProse, gaps));
  }
  add(unresolvedReference(card, frontProse));
  add(aboutTheDocument(card.front));
  return findings;
}
