/**
 * The points of an outline topic's Description after its answer: the
 * learner's own summary, in which each sentence says one more thing about the
 * topic. Read in the topic's light (its subject, "unreliable nodes"), the
 * shapes such summaries are made of ask their own questions:
 * - when it is a problem: "This can be very problematic if there is only
 *   supposed to be one of something" -> "When are unreliable nodes a
 *   problem?", the nested examples shown with the answer;
 * - a case with its outcome: "Another case is where the other nodes assume a
 *   paused node is dead, …, and now we have a split brain situation!" -> "How
 *   can a process pause lead to a split brain situation?" ("What can lead to
 *   …?" when the case does not name the topic);
 * - a claim with its reason: "Due to process pauses, we can only trust
 *   decisions made by a majority of nodes - any single node can be faulty" ->
 *   "Why can we only trust decisions made by a majority of nodes?";
 * - what it guards against: "using fencing tokens … guards against things like
 *   multiple lock holders and split brain" -> "What do fencing tokens guard
 *   against?".
 * A sentence of none of these shapes is left to the sentence rules.
 */
import { stem } from './label-questions.js';
import type { ProseSentence } from './prose-rules/prose-sentence.js';
import { asAnswer } from './prose-rules/rule-card.js';
import { whyQuestion } from './prose-rules/why-sentences.js';
import { wikiText } from './wiki-text.js';

/** What a topic's label names, as it reads mid-sentence ("unreliable nodes", "a process pause"). */
export interface TopicSubject {
  text: string;
  plural: boolean;
}

/** A card one point of a description gives. */
export interface PointCard {
  front: string;
  back: string;
  /** The answer shows the point's nested items as its examples (they give no card of their own). */
  usesItems: boolean;
}

/** Most examples shown with an answer, and their longest. */
const MAX_ITEMS = 5;
const MAX_ITEM = 80;
/** A scenario or reason shorter than this says too little to be an answer; longer than this is several facts. */
const MIN_ANSWER = 20;
const MAX_ANSWER = 250;

// "This can be very problematic if …", "It is a problem when …", "Unreliable nodes are dangerous when …".
const TROUBLE =
  /^(.+?)\s+(?:(?:can|could|may|might|will|would)\s+)?(?:be|become|becomes|is|are|gets?)\s+(?:(?:very|especially|particularly|really|quite|extremely|most|a)\s+)*(?:problematic|problems?|issues?|dangerous|harmful|risky|troublesome|a threat)\s+(?:if|when|whenever|where|in cases where)\s+(.+?)[.!]*$/i;
const POINTING = /^(?:this|that|it|they|these|those|which)$/i;
// "Another case is where …": the opening that says the point adds a case, cut from the scenario.
const CASE_OPENING = /^(?:(?:another|a second|a third|a further|one more|the other|one)\s+(?:case|scenario|situation|problem|issue|danger|risk|example)\s+(?:is|would be)\s+(?:where|when|if|that|in which)\s+)/i;
// "…, and now we have a split brain situation!": what the scenario ends in.
const OUTCOME =
  /^(.+?),?\s+(?:and|so)\s+(?:now\s+|then\s+|suddenly\s+)?(?:we\s+(?:have|get|end up with)|there\s+is|there's|you\s+(?:have|get|end up with)|(?:this|that|it)\s+(?:causes|creates|leads to|results in|gives us))\s+(.+?)[.!]*$/i;
/** An outcome is a thing named in a few words ("a split brain situation"), not a clause. */
const MAX_OUTCOME_WORDS = 8;
// "Due to process pauses, …", "Because of X, …", "Since …, …": a cause that leads the claim.
const LEADING_CAUSE = /^(?:due to|because of|owing to|as a result of|since)$/i;
const LINKING = /^(?:as a result|in conclusion|in short|in summary|overall|to sum up),/i;
const NEGATION = /\b(?:without|no|nothing|not|never|cannot|can't|won't|doesn't|don't|isn't|aren't)\b/i;
/** Words that make a claim too loose or too long to ask "why" of. */
const VAGUE_IN_CLAIM = /^(?:something|anything|someone|thing|things|stuff|which|who|whom)$/i;
// "… guards against …", "… protects against …", "… prevents …".
const GUARDS = /\b(guard|protect|defend|shield|safeguard)s?\s+against\s+|\b(prevent|avoid)s?\s+/i;
// "things like multiple lock holders": the vague head goes, the examples stay.
const VAGUE_OBJECT = /^(?:things|problems|issues|situations|cases|scenarios|failures|errors)\s+(?:like|such as)\s+/i;

/**
 * The card a sentence of a description's point gives about `subject`, or
 * null when it has none of the shapes above. `items` are the texts of the
 * bullets nested under the point (examples for a "when is it a problem"
 * answer, used when the sentence is the point's last: `last`). Pure.
 */
export function pointCard(s: ProseSentence, subject: TopicSubject | null, items: readonly string[], last: boolean): PointCard | null {
  const text = plainText(s.text);
  return (subject === null ? null : troubleCard(text, subject, last ? items : [])) ?? (subject === null ? null : outcomeCard(text, subject)) ?? reasonCard(s) ?? (subject === null ? null : guardCard(text, subject));
}

/** "This can be very problematic if X" -> When are <subject> a problem? -> When X. (with the nested examples). */
function troubleCard(text: string, subject: TopicSubject, items: readonly string[]): PointCard | null {
  const match = TROUBLE.exec(text);
  if (match === null) return null;
  const who = match[1]!.trim();
  // "Invalidation mistakes are dangerous when …" is not about cache invalidation being a problem: the sentence's
  // subject is a word that points back, or the topic itself.
  if (!POINTING.test(who) && !isSubject(who, subject)) return null;
  const when = match[2]!.trim();
  if (when.length < MIN_ANSWER / 2 || when.length > MAX_ANSWER) return null;
  const examples = items.length >= 2 && items.length <= MAX_ITEMS && items.every((i) => i.length <= MAX_ITEM && !/[.!?]\s/.test(i)) ? items : [];
  // The examples illustrate the condition: shown with it, not recalled as facts of their own.
  const shown = examples.length === 0 ? '' : `\n\nFor example:\n${examples.map((i) => `- ${i}`).join('\n')}`;
  return { front: `When ${subject.plural ? 'are' : 'is'} ${subject.text} a problem?`, back: `${asAnswer(`When ${when}`)}${shown}`, usesItems: shown !== '' };
}

/**
 * "(Another case is where) X, and now we have Y" -> How can <subject> lead to
 * Y? -> X. (or "What can lead to Y?" when X does not name the subject).
 */
function outcomeCard(text: string, subject: TopicSubject): PointCard | null {
  const opening = CASE_OPENING.exec(text);
  const match = OUTCOME.exec(opening === null ? text : text.slice(opening[0].length));
  if (match === null) return null;
  const scenario = match[1]!.trim();
  const outcome = match[2]!.trim();
  if (scenario.length < MIN_ANSWER || scenario.length > MAX_ANSWER || outcome.split(/\s+/).length > MAX_OUTCOME_WORDS || /[,;:]/.test(outcome)) return null;
  // "… and now we have it": an outcome that points back names nothing.
  if (/^(?:it|this|that|them|these|those)\b/i.test(outcome)) return null;
  // The topic leads to the outcome only when the scenario is about it ("a process paused node is dead …"); else the
  // scenario is what leads there, asked with the topic as the card's context.
  const front = names(scenario, subject) ? `How can ${subject.text} lead to ${lowerCased(outcome)}?` : `What can lead to ${lowerCased(outcome)}?`;
  return { front, back: asAnswer(upperCased(scenario)), usesItems: false };
}

/**
 * "Due to X, A - B" -> Why A? -> Due to X, B. A leading cause ("due to",
 * "because of", "since"), a dash's explanation after the claim, or both; the
 * question is the claim turned around (why-sentences.ts), so a claim that
 * does not turn gives no card.
 */
function reasonCard(s: ProseSentence): PointCard | null {
  const t = s.tokens;
  let end = t.length - 1;
  while (end >= 0 && t[end]!.pos === 'PUNCT' && /^[.!?]$/.test(t[end]!.text)) end--;
  let a = 0;
  let cause: string | null = null;
  let lead = '';
  const two = `${t[0]?.text ?? ''} ${t[1]?.text ?? ''}`;
  const opener = LEADING_CAUSE.test(two) ? 2 : LEADING_CAUSE.test(t[0]?.text ?? '') ? 1 : 0;
  // "As a result, …", "In conclusion, …": a link to the point before, not part of the claim.
  if (opener === 0 && LINKING.test(s.text)) a = t.findIndex((x) => x.text === ',') + 1;
  if (opener > 0) {
    const comma = t.findIndex((x, i) => i > opener && x.text === ',' && t[i + 1]?.pos !== 'CCONJ' && t[i + 1]?.pos !== 'ADV');
    if (comma < 0) return null;
    lead = opener === 1 && /^since$/i.test(t[0]!.text) ? 'Because' : s.text.slice(t[0]!.from, t[opener - 1]!.to);
    cause = s.text.slice(t[opener]!.from, t[comma - 1]!.to).trim();
    a = comma + 1;
  }
  // " - any single node can be faulty": a spaced dash before a clause that explains the claim.
  const dash = t.findIndex((x, i) => i > a && /^[-–—]$/.test(x.text) && s.text[x.from - 1] === ' ' && s.text[x.to] === ' ');
  const reason = dash < 0 ? null : s.text.slice(t[dash + 1]!.from, t[end]!.to).trim();
  if (cause === null && reason === null) return null;
  if (reason !== null && !t.slice(dash + 1, end + 1).some((x) => x.pos === 'AUX' || x.pos === 'VERB')) return null;
  const b = dash < 0 ? end : dash - 1;
  // "Why may implementations use something called a lease which expires …?": a vague noun or a relative clause
  // makes the question a sentence to parse, not a fact to recall.
  if (t.slice(a, b + 1).some((x) => VAGUE_IN_CLAIM.test(x.text))) return null;
  const asked = whyQuestion(s, a, b);
  if (asked === null || asked.needsBefore) return null;
  const because = cause === null ? null : `${upperCased(lead)} ${wikiText(cause)}`;
  const answer = reason === null ? asAnswer(because!) : asAnswer(because === null ? upperCased(wikiText(reason)) : `${because}, ${wikiText(reason)}`);
  if (answer.length < MIN_ANSWER || answer.length > MAX_ANSWER) return null;
  return { front: wikiText(asked.front), back: answer, usesItems: false };
}

/** "<subject> … guards against X, and …" -> What do <subject> guard against? -> X. */
function guardCard(text: string, subject: TopicSubject): PointCard | null {
  const match = GUARDS.exec(text);
  if (match === null) return null;
  const before = text.slice(0, match.index);
  // "Without fencing tokens, nothing prevents …" says what the topic's absence allows.
  if (!names(before, subject) || NEGATION.test(before)) return null;
  const verb = (match[1] ?? match[2]!).toLowerCase();
  const object = text
    .slice(match.index + match[0].length)
    .split(/,\s+(?:and|but|which|while|so)\b|;|\s[-–—]\s/)[0]!
    .replace(VAGUE_OBJECT, '')
    .replace(/[.!]+$/, '')
    .trim();
  const words = object.split(/\s+/).length;
  if (words < 2 || words > 20) return null;
  return {
    front: `What ${subject.plural ? 'do' : 'does'} ${subject.text} ${match[1] === undefined ? verb : `${verb} against`}?`,
    back: asAnswer(upperCased(object)),
    usesItems: false,
  };
}

/** Whether `phrase` is the subject itself: each of its words is one of the subject's ("Unreliable nodes"). */
function isSubject(phrase: string, subject: TopicSubject): boolean {
  const own = wordsOf(subject.text);
  const words = wordsOf(phrase).filter((w) => !/^(?:the|a|an|these|those|such|our|their)$/.test(w));
  return words.length > 0 && words.every((w) => own.some((o) => sameWord(o, w)));
}

/** Lower-case words of `text`. */
function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/\p{L}[\p{L}\p{N}'’-]*/gu) ?? [];
}

/** Whether `text` names the subject: the stem of its head word (its last) is among the text's. */
function names(text: string, subject: TopicSubject): boolean {
  const words = wordsOf(subject.text);
  const head = words[words.length - 1];
  if (head === undefined) return false;
  return wordsOf(text).some((w) => sameWord(w, head));
}

/** Whether two words are one: the shorter stem starts the longer ("pause", "paused" -> "pause", "paus"). */
function sameWord(a: string, b: string): boolean {
  const [x, y] = [stem(a), stem(b)].sort((p, q) => p.length - q.length) as [string, string];
  return x === y || (x.length >= 4 && y.startsWith(x));
}

/** The sentence's words as plain text: wiki links read, emphasis marks gone. */
function plainText(markdown: string): string {
  return wikiText(markdown).replace(/\*\*|__|`/g, '').replace(/\s+/g, ' ').trim();
}

function upperCased(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Lower-cases the first letter unless the word is an acronym or a name written in capitals throughout. */
function lowerCased(text: string): string {
  return /^[A-Z0-9]{2,}/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}
