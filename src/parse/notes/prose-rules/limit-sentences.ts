/**
 * What a thing cannot do ("cannot", "is unable to"): "LWW cannot distinguish between writes that
 * occurred sequentially in quick succession and writes that were truly
 * concurrent" asks "What can't LWW distinguish between?". A limit is often the
 * reason the next sentence's remedy is needed, and no word of it is set in
 * emphasis. Tried only when no other rule and no cloze took the sentence.
 */
import { clauseParts } from './clause-questions.js';
import { lastWord, pointsBack, type ProseSentence, span, upperFirst, wholeClause } from './prose-sentence.js';
import { asAnswer, type RuleCard } from './rule-card.js';

const MIN_OBJECT = 3;
/** Longest answer, in words. */
const MAX_OBJECT = 30;
/** Verbs whose "cannot" states no limit of the thing itself ("cannot be", "cannot do anything"). */
const EMPTY_VERBS = new Set(['be', 'do', 'have', 'get', 'go', 'happen', 'say', 'tell', 'make', 'see', 'use', 'help']);
/** Adverbs kept between "cannot" and the verb. */
const ADVERBS = /^(?:necessarily|reliably|always|easily|simply|fully|exclusively|directly|really|safely|accurately)$/i;

/** The limit card of a sentence, or null. */
export function limitCard(s: ProseSentence): RuleCard | null {
  if (!/can(?:not|'t|’t| not)|\bunable to\b/i.test(s.text)) return null;
  const t = s.tokens;
  const end = lastWord(s);
  // "cannot V" or "is/are unable to V": `can` is where the clause's verb is, `v` the limited verb after it.
  let can = t.findIndex((x, i) => x.lemma === 'can' && x.pos === 'AUX' && /^(?:not|n't|n’t)$/i.test(t[i + 1]?.text ?? ''));
  let v = can + 2;
  if (can < 0) {
    can = t.findIndex((x, i) => x.lemma === 'be' && /^unable$/i.test(t[i + 1]?.text ?? '') && /^to$/i.test(t[i + 2]?.text ?? ''));
    v = can + 3;
  }
  // The limit may follow a claim it explains ("Writes can disappear: a node with a lagging clock is unable to …"):
  // its clause starts after the last colon or semicolon before it.
  let start = 0;
  for (let i = 0; i < can; i++) if (/^[:;]$/.test(t[i]!.text)) start = i + 1;
  if (can < start + 1) return null;
  const parts = clauseParts(s, start, can);
  if (parts === null || parts.verb !== can || t[start]!.pos === 'PRON' || pointsBack(s, start, can - 1)) return null;
  const adverb = ADVERBS.test(t[v]?.text ?? '') ? `${t[v++]!.text.toLowerCase()} ` : '';
  const verb = t[v];
  if (verb === undefined || verb.pos !== 'VERB' || EMPTY_VERBS.has(verb.lemma) || verb.text.toLowerCase() !== verb.lemma) return null;
  // "distinguish between …": the preposition stays with the verb on the front.
  let from = v + 1;
  const preposition = t[from]?.pos === 'ADP' && !/^(?:that|if|whether)$/i.test(t[from]!.text) ? ` ${t[from++]!.text.toLowerCase()}` : '';
  // The object ends where the sentence goes on to something else.
  let last = from;
  let depth = 0;
  while (last <= end) {
    const x = t[last]!.text;
    if (x === '(') depth++;
    else if (x === ')') depth--;
    else if (depth === 0 && /^[,;:—]$/.test(x)) break;
    last++;
  }
  last--;
  // Counted in the answer's words: an aside about a figure is left out of it.
  const answer = span(s, from, last);
  const words = answer.split(/\s+/).length;
  if (words < MIN_OBJECT || words > MAX_OBJECT || !wholeClause(s, from, last) || pointsAway(s, from, last)) return null;
  if (!t.slice(from, last + 1).some((x) => x.pos === 'NOUN' || x.pos === 'PROPN' || x.pos === 'VERB')) return null;
  return {
    kind: 'basic',
    syntax: 'note-claim',
    front: `What can't ${parts.subject} ${adverb}${verb.text.toLowerCase()}${preposition}?`,
    back: asAnswer(upperFirst(answer)),
    needsBefore: false,
  };
}

/** Whether the object holds a word that stands for something outside the sentence ("this", "such", "it"); a possessive ("its own judgment") is the subject's. */
function pointsAway(s: ProseSentence, from: number, last: number): boolean {
  for (let i = from; i <= last; i++) {
    const w = s.tokens[i]!.text.toLowerCase();
    if (/^(?:this|these|those|it|they|them|he|she|him)$/.test(w) || (w === 'such' && s.tokens[i + 1]?.text.toLowerCase() !== 'as')) return true;
  }
  return false;
}
