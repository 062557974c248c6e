/**
 * The answer a bullet gives to its label's question: one fact, short. A
 * bullet's text is cut into sentences; sentences about the document ("Chapter
 * 9 examines …"), spoken lead-ins ("Before we start to talk about …") and
 * lead-ins that only restate the label ("… but there are limits.") are no
 * answer; a "What is X?" question takes only a sentence that says what X is.
 * What the answer leaves is handed back, for the sentence rules to read.
 */
import type { Token } from '../../nlp/english.js';
import { stem, wordsOfOpening, type LabelQuestion } from './label-questions.js';

/** Never longer than this: past it a sentence is left to the sentence rules (the card-quality rules call longer answers several facts). */
export const ANSWER_MAX = 250;
/** A list answer (items named on the front) may run this long, its markup counted. */
export const LIST_MAX = 300;

/** A bullet's text read for its label's question. */
export interface PickedAnswer {
  /** The answer, or null when no sentence answers the question. */
  answer: string | null;
  /** Sentences not in the answer that may hold facts of their own (meta and lead-ins left out). */
  rest: string[];
  /** Their indexes in the sentences given. */
  restAt: number[];
}

// About the document, not the subject.
const META =
  /\b(?:this|the|next|previous|following|that) (?:chapter|book|section|video|lecture|talk|article|post|text|paper|course|page)\b|\bchapters? \d+\b|\b(?:see|in) (?:figure|fig\.?|table|chapter|section) \d|\bexplored (?:more )?(?:deeply|further|in detail)\b|\bdiscussed (?:further|later|below|above|in detail)\b|\bwill (?:go more into|discuss|cover|look at|be discussed)\b|\bas (?:mentioned|discussed|described|shown|seen) (?:earlier|above|before|previously|below)\b|\[link to come\]/i;
const META_START = /^(?:it|this|we|the author|the text)\s+(?:also\s+)?(?:explores?|examines?|discuss(?:es)?|covers?|describes?|looks? at|introduces?|reviews?|includes? exploring)\b/i;
// Spoken lead-ins of a transcript.
const LEAD_IN =
  /^(?:before we (?:start|begin|get|dive|talk)|in order to (?:present|explain|show|understand|talk)|let'?s (?:talk|look|start|begin|dive|go)|lets (?:talk|look|go)|so,? (?:what|how|let|now|basically)|okay\b|ok,? so|alright|now,? let'?s|first,? let'?s|to (?:start|begin) with|as you can see|this is pretty|i (?:just|think|went)\b)|\b(?:talk about|we'?ll discuss|go ahead and)\b/i;
// A sentence that only announces what follows: "…, but there are limits.", "There are several ways:".
const ANNOUNCES =
  /(?::\s*$)|\bthere (?:are|is|exist) (?:some |several |many |various |a few |a number of |two |three |four )?\w+\s*[.:]?\s*$|\b(?:various|several|many|some|other) (?:issues|problems|challenges|ways|reasons|things)\s*[.:]?\s*$|\bis an? (?:complex|difficult|hard|tricky|challenging|open) (?:issue|problem|question|task)\b|\b(?:is|are) (?:essential|important|crucial|vital|key|critical)\s*[.:]?\s*$/i;
// Openings that put the sentence under a condition or a concession: its subject is not the label's term.
const SUBORDINATE = /^(?:when|if|despite|due to|since|although|though|while|because|as|after|before|unlike|however|for (?:example|instance)|in (?:contrast|addition|practice|theory|such|this|that)|instead|additionally|also|therefore|thus|so|but|on the other hand|even)\b/i;
// A determiner that points back: "these problems", "such cases" ("that" mostly opens a clause: "a number that grows").
const POINTS_BACK = /\b(?:these|those|this|such)\s+(\p{L}+)/giu;
const NAMED_PROBLEM = /\b(?:problem|argument|theorem|paradox|dilemma|principle)$/i;

// A clause about the document inside a sentence about the subject: cut, the sentence kept.
const META_CLAUSE = /\s+(?:that are |which are )?(?:discussed|described|covered|presented|mentioned|examined) (?:in|by) (?:this|the) (?:book|chapter|section|text|article)\b/gi;

/** The sentence without a clause about the document ("The systems discussed in this book are …"). */
function withoutMetaClause(sentence: string): string {
  return sentence.replace(META_CLAUSE, '');
}

/** A sentence about the notes themselves or a spoken lead-in: never an answer, never a card. */
export function isNoise(sentence: string): boolean {
  return META.test(sentence) || META_START.test(sentence) || LEAD_IN.test(sentence);
}

/** Plain words of markdown text: emphasis and code marks gone. */
export function plain(text: string): string {
  if (!/[*_`\n]|\s\s/.test(text)) return text;
  return text.replace(/\*\*|__|[*`]/g, '').replace(/\s+/g, ' ').trim();
}

/** Stems of the words of `text` (see {@link stem}). */
function stems(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of plain(text).toLowerCase().match(/\p{L}[\p{L}\p{N}'’]*/gu) ?? []) if (word.length > 2) out.add(stem(word));
  return out;
}

/**
 * Whether `sentence` says no more than the label does: most of its content
 * words are the label's, or it only announces what follows.
 */
export function restatesLabel(sentence: string, q: LabelQuestion): boolean {
  if (ANNOUNCES.test(plain(sentence))) return true;
  const own = [...stems(sentence)].filter((s) => !COMMON_STEMS.has(s));
  if (own.length === 0) return true;
  const label = new Set(q.stems);
  return own.filter((s) => label.has(s)).length / own.length >= 0.6;
}

// Words that carry no content of their own when telling whether a sentence restates a label.
const COMMON_STEMS = new Set([
  'the', 'and', 'are', 'can', 'for', 'has', 'hav', 'thi', 'tha', 'the', 'whi', 'wit', 'not', 'but', 'its', 'was',
  'wer', 'som', 'man', 'mor', 'mos', 'als', 'any', 'all', 'one', 'two', 'how', 'wha', 'whe', 'may', 'mig', 'mus',
  'sho', 'wil', 'wou', 'cou', 'the', 'thes', 'thos', 'from', 'into', 'abou', 'there', 'their', 'they', 'them',
  'these', 'those', 'other', 'very', 'often', 'usual', 'gener',
]);

/**
 * Whether `sentence` can answer "What is X?": it names X as its subject, calls
 * something X, or is a bare description (a verb phrase, "Refers to …", "Use
 * specialized hardware"); not when it opens on a condition, or leans on
 * "these problems" that the label does not name.
 */
export function defines(sentence: string, q: LabelQuestion, opener?: Token): boolean {
  const text = plain(sentence);
  const label = new Set(q.stems);
  for (const match of text.matchAll(POINTS_BACK)) {
    const word = match[1]!.toLowerCase();
    if (['is', 'are', 'was', 'means', 'can', 'may', 'will', 'way', 'point', 'case', 'time', 'the', 'a', 'an'].includes(word)) continue;
    // "… the assumptions, and … those assumptions": a word the sentence named before is resolved.
    const named = stems(text.slice(0, match.index));
    if (!label.has(stem(word)) && !named.has(stem(word))) return false;
  }
  // An obligation is advice about X, not what X is.
  if (/\b(?:should|must|ought to|needs? to)\b/i.test(text)) return false;
  if (/\b(?:called|known as|referred to as|termed|named)\s+(?:an?\s+|the\s+)?\p{L}/iu.test(text) && mentions(text, q)) return true;
  // "When violated, they can be pointed out…": the pronoun is the term.
  if (/^(?:when|if|once)\b[^,]{0,60},\s*(?:they|it)\b/i.test(text)) return true;
  // "Even when we control every node, one of the nodes may …": a concession before the term is fine.
  if (/^even (?:when|if|though)\b/i.test(text)) return mentions(text.slice(text.indexOf(',') + 1), q);
  if (SUBORDINATE.test(text)) return false;
  if (NAMED_PROBLEM.test(q.subject)) return true;
  // "It is necessary to …" is no pronoun for the term.
  if (/^(?:they|it|these|this)\b/i.test(text) && !/^it(?: is|'s) \w+ (?:to|that)\b/i.test(text)) return true;
  // A description without a subject: "Uses …", "Refers to …"; "Use specialized hardware" of a plural
  // term; but "Restart one node at a time" under "Node Restart" is an instruction.
  // The sentence's own first word as the model tagged it in context; tagged alone when not given.
  const first = opener !== undefined && !/^[*_`]/.test(opener.text) ? opener : wordsOfOpening(openingOf(text))[0];
  // ("Sorted runs written once …" opens on a participle: a noun phrase, read on below.)
  if (first !== undefined && first.pos === 'VERB' && !/(?:ing|ed)$/i.test(first.text)) {
    return first.lemma !== first.text.toLowerCase() ? /s$/i.test(first.text) : q.plural;
  }
  // "Google deploys GPS receivers …" under "Clock Synchronization": a name the label does not hold, doing something,
  // is a fact about that name, not what the label's term is.
  if (first?.pos === 'PROPN' && !mentionsWord(q, first.text)) {
    const opening = wordsOfOpening(openingOf(text));
    if (opening.slice(1, 3).some((w) => w.pos === 'VERB' && /^[a-z]/.test(w.text))) return false;
  }
  // "Is a lock with a timeout": a description; "May be restricted" is a rule about it, not what it is.
  if (first?.pos === 'AUX') return /^(?:is|are)$/i.test(first.text);
  // A glossary's one short statement ("Cache Hit: The requested item is found in the cache") says what the
  // term is; one that says what can or should be done ("A simple counter can be used …") does not.
  return mentions(text, q) || (text.length <= 140 && !MODAL.test(text) && !first?.pos.startsWith('PRON'));
}

const MODAL = /\b(?:can|could|may|might|should|must|will|would|shall|cannot|can't)\b/i;

/** The first few words of a sentence, as the tagger reads them to tell a verb from a subject. */
function openingOf(sentence: string): string {
  const words = plain(sentence).split(' ').slice(0, 4).join(' ');
  return words.replace(/[^\p{L}\p{N}]+$/u, '');
}

/** Whether the label's subject holds `word` (any case). */
function mentionsWord(q: LabelQuestion, word: string): boolean {
  return stems(q.subject).has(stem(word.toLowerCase()));
}

/** Whether the head word of the label (or any of its content words, for a one-word label) is in `text`. */
function mentions(text: string, q: LabelQuestion): boolean {
  const own = stems(text);
  const subject = [...stems(q.subject)].filter((s) => !COMMON_STEMS.has(s));
  const head = subject[subject.length - 1];
  if (head !== undefined && own.has(head)) return true;
  return subject.length > 1 && subject.filter((s) => own.has(s)).length >= 2;
}

/**
 * The sentences of a bullet (markdown, one a string) that answer `q`, within {@link ANSWER_MAX}
 * characters, and the rest. A "What is X?" question takes the first
 * sentence when it defines X, and the next when the first is short or the
 * next carries on from it ("This number increases…"). Other questions skip a
 * first sentence that only restates the label and take sentences while they
 * fit. `openers` are the sentences' first tokens as the model tagged them
 * (when known). A `described` text (an outline's Description) is taken as the
 * answer to "What is X?" without asking whether it defines X.
 */
export function pickAnswer(given: readonly string[], q: LabelQuestion, described = false, openers: readonly (Token | undefined)[] = []): PickedAnswer {
  const at = given.map((_, i) => i).filter((i) => !isNoise(withoutMetaClause(given[i]!)));
  const sentences = at.map((i) => withoutMetaClause(given[i]!));
  const none = (rest: number[]): PickedAnswer => ({ answer: null, rest: rest.map((i) => given[i]!), restAt: rest });
  if (sentences.length === 0) return none([]);
  let start = 0;
  if (q.asks === 'what') {
    if (!described && !defines(sentences[0]!, q, openers[at[0]!])) return none(at);
  } else if (q.asks === 'why') {
    // "Why does a process pause matter?": the first sentence about the pause, not the background before it.
    const about = sentences.findIndex((s) => mentions(plain(s), q));
    start = about < 0 ? 0 : about;
  } else if (sentences.length > 1 && restatesLabel(sentences[0]!, q)) {
    start = 1;
  }
  const whole = sentences[start]!;
  if (whole.length > ANSWER_MAX || restatesLabel(whole, q) || boldDefinition(whole) !== null) return none(at);
  // "The distributed systems are shared-nothing systems, which are composed of …" answers "What are shared-nothing
  // systems?" with what follows "which": the opening only names the term again.
  const first = q.asks === 'what' ? (afterNaming(whole, q) ?? whole) : whole;
  // A list of facets ("the limits of X") takes every sentence that fits, and so does a description
  // the notes mark as one; any other question one fact.
  const many = described || MANY.has(q.asks);
  let answer = first;
  let end = start + 1;
  // The sentence cut after its naming is a definition of its own: more would be a second fact.
  while (end < sentences.length && first === whole) {
    const next = sentences[end]!;
    if (boldDefinition(next) !== null || answer.length + 1 + next.length > ANSWER_MAX) break;
    // A sentence that stops without a stop was cut ("… any mis" before a blank line): never part of an answer.
    if (!/[.!?…)"'”’*`]$/.test(next)) break;
    if (!many && !carriesOn(next) && answer.length >= 80) break;
    answer += ` ${next}`;
    end++;
  }
  // "How does X differ from Y?" answered about X alone is no answer.
  if (q.asks === 'contrast' && !speaksOfBoth(answer, q.sides)) return none(at);
  // An example cut short is no example: it is whole or it is not a card.
  if (q.asks === 'examples' && end < sentences.length && boldDefinition(sentences[end]!) === null) return none(at);
  const rest = at.slice(0, start).filter((i) => !ANNOUNCES.test(plain(given[i]!))).concat(at.slice(end));
  return { answer, rest: rest.map((i) => given[i]!), restAt: rest };
}

/** A sentence "… are X, which are Y." where X is the label's term: "Y." with its first letter raised; null otherwise. */
function afterNaming(sentence: string, q: LabelQuestion): string | null {
  const m = /^[^,]{0,80}?\b(?:is|are)\s+(?:an?\s+|the\s+)?([^,]{2,60}),\s+(?:which|that)\s+(?:is|are)\s+(\S.{10,})$/i.exec(plain(sentence));
  if (m === null || !mentions(m[1]!, q)) return null;
  // "Composed of machines …" reads as an answer once it says what it describes: "Systems composed of …".
  const head = /^\p{L}+ed\b/u.test(m[2]!) ? `${m[1]!.split(/\s+/).pop()!} ` : '';
  const answer = `${head}${m[2]!}`;
  return answer.charAt(0).toUpperCase() + answer.slice(1);
}

/** Whether `answer` names each side of a contrast by what sets it apart ("circuit" and "packet" switching). */
function speaksOfBoth(answer: string, sides: readonly string[]): boolean {
  const own = stems(answer);
  const each = sides.map((side) => [...stems(side)].filter((s) => !COMMON_STEMS.has(s)));
  return each.every((mine, i) => {
    const others = new Set(each.filter((_, j) => j !== i).flat());
    const unique = mine.filter((s) => !others.has(s));
    return (unique.length > 0 ? unique : mine).some((s) => own.has(s));
  });
}

/** Questions whose answer runs over several sentences: a set of facets, both sides of a contrast, the steps of a how. */
const MANY: ReadonlySet<LabelQuestion['asks']> = new Set(['facet', 'causes', 'methods', 'examples', 'contrast', 'how']);

/** A sentence that goes on from the one before: "This number increases…", "When asked, it returns…", a question it raises. */
function carriesOn(sentence: string): boolean {
  return (
    /^(?:this|these|it|they|such|that|which|as a result|therefore|thus|so)\b/i.test(sentence) ||
    /^(?:when|if|once|after)\b[^,]{0,80},\s*(?:it|they|this)\b/i.test(sentence) ||
    /\?$/.test(sentence)
  );
}

// "**Partial Failure** refers to situations where …": a bold term the sentence defines.
const BOLD_DEFINITION = /^(?:(?:an?|the)\s+)?\*\*([^*\n]{2,60})\*\*\s*(?:\([^)\n]{1,40}\)\s*)?(refers to|means|denotes|is defined as|describes|is (?:an?|the)\b|are (?:the\b)?)\s*(.+)$/i;

/** A bold term a sentence defines and what it says, or null. */
export interface BoldDefinition {
  term: string;
  definition: string;
}

/**
 * The term a sentence defines when it opens with it in bold and a defining
 * verb ("**Partial Failure** refers to situations where …" -> Partial
 * Failure: "Situations where …"). Returns null for any other sentence.
 */
export function boldDefinition(sentence: string): BoldDefinition | null {
  const match = BOLD_DEFINITION.exec(sentence.trim());
  if (match === null) return null;
  const verb = match[2]!.toLowerCase();
  let definition = match[3]!.trim();
  // "is a lock with a timeout" keeps its article: "A lock with a timeout."
  if (/^(?:is|are)\b/.test(verb)) definition = `${verb.replace(/^(?:is|are)\s*/, '')} ${definition}`.trim();
  if (definition.length < 12) return null;
  return { term: match[1]!.trim(), definition: definition.charAt(0).toUpperCase() + definition.slice(1) };
}

// "A preempted process just means a computer is running something and …": a note's own explanation of a term.
const MEANS = /^(?:[Aa]n?|[Tt]he)\s+(\p{Ll}[\p{L}-]*(?:\s+(?!just\b|simply\b|basically\b|means\b)\p{Ll}[\p{L}-]*){0,3})\s+(?:just\s+|simply\s+|basically\s+)?means\s+(?:that\s+)?(.{12,})$/u;

/**
 * The term a sentence explains as "A X (just) means Y" and what it says (Y,
 * capitalised, ending in a full stop), or null. Only a short term after an
 * article: "this means" and "which means" point back and are not definitions.
 */
export function meaningOf(sentence: string): BoldDefinition | null {
  const match = MEANS.exec(plain(sentence));
  if (match === null) return null;
  const rest = match[2]!.trim().replace(/[,;:]+$/, '');
  const definition = rest.charAt(0).toUpperCase() + rest.slice(1);
  return { term: match[1]!, definition: /[.!?]$/.test(definition) ? definition : `${definition}.` };
}
