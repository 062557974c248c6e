/**
 * Lists the text announces: "There are three kinds of clocks:" or "Reasons
 * include:" followed by a list ask "What are the three kinds of clocks?" with
 * the items as the answer. The count on the front is the list's own.
 */
import { numberWord } from '../label-questions.js';
import { lastWord, lowerFirst, pointsBack, type ProseSentence, span } from './prose-sentence.js';
import type { RuleCard } from './rule-card.js';

const MIN_ITEMS = 2;
const MAX_ITEMS = 7;
/** Longest item, in characters: longer items are paragraphs, and the answer would be a wall. */
const MAX_ITEM_CHARS = 90;
const VAGUE_COUNTS = /^(?:several|many|some|a few|various|a number of|multiple|\d+|two|three|four|five|six|seven)$/i;

/** The card of a list announced by `lead` (a sentence ending in a colon), or null. */
export function announcedListCard(lead: ProseSentence, items: readonly ProseSentence[][]): RuleCard | null {
  if (items.length < MIN_ITEMS || items.length > MAX_ITEMS) return null;
  const answers: string[] = [];
  for (const sentences of items) {
    const item = itemText(sentences);
    if (item === null) return null;
    answers.push(item);
  }
  const question = leadQuestion(lead, items.length);
  if (question === null) return null;
  return {
    kind: 'basic',
    syntax: 'note-list',
    front: question.front,
    back: answers.map((a) => `- ${a}`).join('\n'),
    needsBefore: question.pointsBack,
  };
}

/** An item's answer: its bold term when it opens with one, else its first sentence when short. */
function itemText(sentences: readonly ProseSentence[]): string | null {
  const first = sentences[0];
  if (first === undefined) return null;
  const opening = first.emphasis[0];
  if (opening !== undefined && opening.from === 0 && opening.strong) return opening.term.replace(/[:.]$/, '');
  const text = span(first, 0, lastWord(first));
  return text !== '' && text.length <= MAX_ITEM_CHARS ? text : null;
}

/** "There are several X" -> "What are the N X?"; "X include" -> "What do X include?". */
function leadQuestion(lead: ProseSentence, count: number): { front: string; pointsBack: boolean } | null {
  const t = lead.tokens;
  const end = lastWord(lead);
  if (end < 2) return null;
  const n = numberWord(count);
  if (t[0]!.text.toLowerCase() === 'there' && t[1]!.lemma === 'be') {
    let k = 2;
    const amount = t[k]!.text.toLowerCase() === 'a' && t[k + 1]?.text.toLowerCase() === 'few' ? 2 : 1;
    const said = t.slice(k, k + amount).map((x) => x.text).join(' ');
    if (!VAGUE_COUNTS.test(said)) return null;
    k += amount;
    const what = span(lead, k, end);
    if (what === '' || what.split(/\s+/).length > 14) return null;
    return { front: `What are the ${n} ${what}?`, pointsBack: pointsBack(lead, k, end) };
  }
  const include = t.findIndex((x, i) => i > 0 && i === end && (x.lemma === 'include' || x.text.toLowerCase() === 'are'));
  if (include > 0) {
    const subject = span(lead, 0, include - 1);
    if (subject.split(/\s+/).length > 10 || pointsBack(lead, 0, include - 1)) return null;
    const plural = t[include]!.text.toLowerCase() !== 'includes';
    return { front: `What ${plural ? 'do' : 'does'} ${lowerFirst(subject, t[0], t[1])} include? (${n})`, pointsBack: false };
  }
  return null;
}
