import type { ClozeGap } from './cloze-gaps.js';
import type { Finding } from './finding.js';
import { contentWordsOf, proseOf } from './prose-text.js';

/**
 * A finding when a basic card's answer only says the front again: every word
 * of meaning in the back (as prose) is already on the front ("Fencing tokens" ->
 * "Fencing tokens."). Nothing is left to recall.
 */
export function answerRestatesBasicFront(frontProse: string, backProse: string): Finding | null {
  // A back much longer than its front says more than the front (and is not worth splitting into words).
  if (backProse.length > 2 * frontProse.length + 20) return null;
  const backWords = contentWordsOf(backProse);
  if (backWords.length === 0) return null;
  const front = new Set(contentWordsOf(frontProse));
  if (!backWords.every((w) => front.has(w))) return null;
  return {
    rule: 'answer-restates-front',
    message: 'the answer only repeats the words of the front',
    fix: 'Write what the learner should recall about it on the back, or drop the card',
  };
}

/**
 * A finding when a cloze's hidden text stands elsewhere on its front, so the
 * front gives the answer away ("A **[...]** is a number a lock service hands
 * out; the storage checks the fencing token …" hiding "fencing token").
 */
export function gapShownOnFront(frontProse: string, gaps: readonly ClozeGap[]): Finding | null {
  // Word by word, with gaps as a break: the hidden phrase must stand on the front as a whole.
  const front = ` ${contentWordsOf(frontProse.replace(/\[[^\]]*\]/g, ' gapbreak ')).join(' ')} `;
  for (const gap of gaps) {
    const words = contentWordsOf(proseOf(gap.text));
    if (words.some((w) => w.length >= 3) && front.includes(` ${words.join(' ')} `)) {
      return {
        rule: 'answer-restates-front',
        message: `the hidden "${proseOf(gap.text)}" stands elsewhere on the front`,
        fix: 'Hide it where it first appears, or reword the sentence so the front does not give it away',
      };
    }
  }
  return null;
}
