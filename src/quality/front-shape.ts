import { analyse, type Token } from '../nlp/english.js';
import type { Finding } from './finding.js';
import { listItemCount, proseOf, sentenceCount, STOP_WORDS, withoutCode } from './prose-text.js';

/**
 * Words that name no subject a learner could look up: a label made of them
 * (and adjectives, numbers) says nothing about what to recall ("Other
 * Reasons", "Realistic Approach", "Part 1 (1/2)", "Future Discussion").
 */
const VAGUE_NOUNS: ReadonlySet<string> = new Set(
  ('reason approach overview discussion example conclusion significance summary note misc miscellaneous introduction intro ' +
    'background context detail info information topic thing stuff point idea issue problem question answer case aspect consideration ' +
    'remark comment observation future basic basics recap review takeaway lesson definition explanation description chapter ' +
    'section part page appendix extra bonus todo way result outcome implication importance meaning purpose role use usage ' +
    'advantage benefit limitation challenge difference comparison type kind category feature property characteristic principle fact ' +
    'technique strategy solution option alternative variant version process mechanism philosophy concept method thought insight ' +
    'consequence effect impact other more key')
    .split(' '),
);

/**
 * Nouns that head a topic rather than a term ("Advantages of UDP", "Causes of
 * Delay"): the label stands for a question it does not ask.
 */
const TOPIC_HEAD_RE =
  /^(?:the\s+|some\s+|main\s+|key\s+|other\s+)*(advantages?|disadvantages?|benefits?|drawbacks?|pros|cons|causes?|reasons?|challenges?|problems?|issues?|examples?|differences?|similarities|types?|kinds?|limits?|limitations?|importance|role|impact|effects?|consequences?|uses?|properties|characteristics|features?|concept|overview|introduction|basics|summary|definition|meaning|purpose|significance|comparison|history|components?|principles?|goals?|sources?|risks?|implications?|applications?|handling|dealing|ways?|methods?|approaches?|strategies|techniques?)\s+(?:of|between|for|in|on|to|with|from|behind|against)\b/i;

/** Verbs a front can start with to set a task: the card asks by instruction ("Define …", "Name three …", "Swap two variables"). */
const INSTRUCTION_RE =
  /^(?:define|name|list|explain|describe|give|state|compare|contrast|write|show|find|translate|calculate|compute|convert|identify|outline|summari[sz]e|prove|derive|draw|sketch|recall|complete|fill|use|print|swap|join|sort|read|count|create|make|run|open|delete|remove|add|set|get|send|go|keep|check|fix|implement|return|discuss|distinguish|classify|spell|pronounce|solve|simplify|evaluate|estimate|predict|choose|pick|match|rewrite|express|reverse|replace|split|merge|copy|move|rename|install|start|stop|kill|search|filter|select|insert|update|declare|initiali[sz]e|format|parse|test|debug|handle|tell|say|recite|conjugate|decline)\b/i;

/** A piece of a longer text: "Part 1 (1/2)", "Process Pauses Part 2", "Notes (2/3)". */
const PIECE_RE = /\bpart\s+(?:\d+|[ivx]+|one|two|three)\b|\(\d+\s*\/\s*\d+\)/i;

/** How many words a label has at most; a longer front without a verb is not read as one. */
const LABEL_WORDS = 10;

/** A back that is one definition: one sentence, or two short ones / items (a term -> definition card). */
function isOneDefinition(back: string): boolean {
  const prose = proseOf(back);
  const parts = Math.max(sentenceCount(prose), listItemCount(withoutCode(back)));
  return parts <= 1 || (parts === 2 && prose.length <= 200);
}

/** Every word of four letters or more starts with a capital: a heading's Title Case, whatever its verbs ("Last Write Wins"). */
function isTitleCase(words: readonly string[]): boolean {
  const long = words.map((w) => w.replace(/^[^\p{L}\p{N}]+/u, '')).filter((w) => w.length >= 4);
  return long.length > 0 && long.every((w) => /^[\p{Lu}\p{N}]/u.test(w));
}

/** Whether the noun phrase `phrase` ends in a plural ("fencing tokens", not "liveness" or "process"). */
function isPlural(phrase: string): boolean {
  const last = phrase.trim().split(/\s+/).pop() ?? '';
  return /[^s']s$/i.test(last) && !/(?:ness|sis|ous|us|ss)$/i.test(last);
}

/** A label with words of Title Case lowered for use inside a sentence; acronyms and names in capitals stay. */
function lowered(label: string): string {
  return label.replace(/\b\p{Lu}\p{Ll}+\b/gu, (w) => w.toLowerCase());
}

/** The question a topic label stands for, for the fix: "Advantages of UDP" -> "What are the advantages of UDP?". */
function topicQuestion(label: string): string {
  const text = lowered(label).replace(/^(?:the|some)\s+/i, '');
  const head = text.split(/\s+(?:of|between|for|in|on|to|with|from|behind|against)\s/)[0]!;
  return `What ${isPlural(head) ? 'are' : 'is'} the ${text}?`;
}

/** An example question for a term label ("Fencing tokens" -> "What are fencing tokens?"), or null when the label is no plain term. */
function termQuestion(label: string): string | null {
  if (/[:—–()]|\bvs\.?|\bversus\b|\band\b|^\p{L}+ing\b/iu.test(label)) return null;
  const text = lowered(label).replace(/^the\s+/i, '');
  return `What ${isPlural(text) ? 'are' : 'is'} ${text}?`;
}

/** Whether a token is a verb that makes the front a clause (not "-ing" naming a topic, not a participle before a noun). */
function isFiniteVerb(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  if (t.pos === 'AUX') return true;
  if (t.pos !== 'VERB') return false;
  if (/ing$/i.test(t.text)) return false;
  const next = tokens[i + 1];
  // "distributed systems", "shared resources": a participle modifying the noun after it.
  return !(next !== undefined && (next.pos === 'NOUN' || next.pos === 'PROPN') && /ed$|en$/i.test(t.text));
}

/**
 * A finding when a basic card's front asks nothing. A front asks when it has
 * a "?", sets a task ("Define …", "Swap two variables"), or is a prompt to
 * complete (ends in ":", holds a blank "___"). Otherwise it is
 * - a claim ('not-a-question'): a sentence ending in a full stop ("Clocks
 *   drift."), or a short one with a verb that is not in Title Case ("The
 *   network is unreliable");
 * - a label ('label-front'): a short noun phrase. A label is reported when
 *   it is vague (no noun a learner could look up: "Other Reasons",
 *   "Realistic Approach", "Part 1 (1/2)"), when it names a topic instead of
 *   asking about it ("Advantages of UDP", "Causes of Delay"), or when it is a
 *   term whose back is not one definition (three sentences, a list: the
 *   front does not say which fact to recall). A term with a one-sentence
 *   definition ("Quorum" -> "a set of nodes large enough that …") is the
 *   common term -> definition card and is left alone.
 * Parts of speech are read only for fronts that pass the cheap checks.
 */
export function frontShape(frontMarkdown: string, frontProse: string, back: string, headingPath: readonly string[]): Finding | null {
  const front = frontProse.trim();
  if (front === '' || front.includes('?') || /[:：]$|_{3,}|…$|\.\.\.$|\[\s*\]/.test(front)) return null;
  if (/```|~~~/.test(frontMarkdown) || !/\p{L}{2}/u.test(front)) return null; // code, symbols: a term of its own kind
  if (INSTRUCTION_RE.test(front)) return null;
  const words = front.split(/\s+/);
  const endsAsSentence = /[.!]["')\]]*$/.test(front);
  if (words.length > LABEL_WORDS && !endsAsSentence) return null;
  // Title Case stops the tagger calling every capitalised word a name; acronyms stay as written.
  const tokens = analyse(lowered(front)).flatMap((s) => s.tokens);
  if (tokens.length === 0) return null;
  const first = tokens[0]!;
  if (first.pos === 'VERB' && first.lemma === first.text.toLowerCase()) return null; // an instruction in a verb of its own
  // A full stop ends a sentence, not a label ("Clocks drift.", which the tagger reads as two nouns).
  const claim = (endsAsSentence && words.length > 1) || (!isTitleCase(words) && tokens.some((_t, i) => isFiniteVerb(tokens, i)));
  if (claim) {
    return {
      rule: 'not-a-question',
      message: `the front "${short(front)}" states something instead of asking`,
      fix: 'Ask for what the answer adds, as a question: "Why …?", "What happens when …?"',
    };
  }
  if (words.length > LABEL_WORDS) return null;
  const subject = headingPath.length > 0 ? headingPath[headingPath.length - 1]! : null;
  if (PIECE_RE.test(front)) {
    return {
      rule: 'label-front',
      message: `the front "${short(front)}" names a piece of a text, not a question`,
      fix: subject !== null ? `Ask a question about "${subject}" that the answer answers, or drop the card` : 'Ask a question the answer answers, or drop the card',
    };
  }
  // Vague: every word that could name something is a generic noun or a modifier ("Other Reasons", "Realistic Approach").
  const naming = tokens.filter((t) => /\p{L}/u.test(t.text) && !STOP_WORDS.has(t.text.toLowerCase()) && !['ADJ', 'ADV', 'NUM', 'DET', 'ADP', 'CCONJ', 'PART', 'PRON'].includes(t.pos));
  const vague = naming.every((t) => VAGUE_NOUNS.has(t.lemma) || VAGUE_NOUNS.has(t.text.toLowerCase()));
  if (vague) {
    return {
      rule: 'label-front',
      message: `the front "${short(front)}" is a vague label: it names nothing a learner could look up`,
      fix: subject !== null ? `Ask a question about "${subject}" that the answer answers, or drop the card` : 'Ask a question that names its subject, or drop the card',
    };
  }
  const topic = TOPIC_HEAD_RE.exec(front);
  if (topic) {
    return {
      rule: 'label-front',
      message: `the front "${short(front)}" is a topic, not a question`,
      fix: `Ask the question it stands for: "${topicQuestion(front)}"`,
    };
  }
  if (!isOneDefinition(back)) {
    const example = termQuestion(front);
    return {
      rule: 'label-front',
      message: `the front "${short(front)}" is a label and the answer says several things about it`,
      fix: `Ask one question the answer answers${example === null ? '' : `, e.g. "${example}"`}, and split the rest into cards of their own`,
    };
  }
  return null;
}

/** `text` cut to 60 characters for a message. */
function short(text: string): string {
  return text.length <= 60 ? text : `${text.slice(0, 57)}…`;
}
