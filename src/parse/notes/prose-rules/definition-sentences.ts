/**
 * Definitions written as prose. "X is a Y that …" asks "What is X?" with the
 * predicate as the answer; "X refers to Y" / "X means Y" ask what X refers to
 * or means; "… is called X" / "… is known as X" / "… referred to as X" hide
 * the term X in a cloze (the sentence is its definition).
 */
import type { Token } from '../../../nlp/english.js';
import { nounPhrases } from '../../../nlp/noun-phrases.js';
import { lastWord, lowerFirst, pointsBack, type ProseSentence, span, upperFirst, withoutAsides } from './prose-sentence.js';
import { asAnswer, GAP, type RuleCard } from './rule-card.js';
import { VAGUE_HEADS } from './vague-words.js';
import { nameEchoed, oneOfSeveralNames } from './cloze-giveaways.js';

/** Heads of a predicate that judge or point rather than define ("X is a good choice", "X is a problem"). */
const VAGUE_PREDICATES = new Set('thing way choice idea example option problem issue question matter case lot bit point reason answer result'.split(' '));

/** Adjectives that judge rather than define ("a good choice", "a common problem"). */
const EVALUATIVE = new Set('good bad better worse best worst great common useful important popular reasonable simple easy hard difficult nice big serious'.split(' '));
const MIN_PREDICATE = 4;
const MAX_PREDICATE = 40;
const MAX_TERM_WORDS = 6;

/** The definition card of a sentence, or null. */
export function definitionCard(s: ProseSentence): RuleCard | null {
  return namingCloze(s) ?? isDefinition(s) ?? thatIsDefinition(s) ?? calledWhichDefinition(s) ?? whichMeansDefinition(s);
}

/** Words that soften a definition and say nothing ("which is *just* a given amount of time"). */
const HEDGES = /^(?:just|simply|basically|really|essentially)$/i;

/**
 * "It has this thing called a lease which is just a given amount of time
 * after it grabs the lock" -> What is a lease? The way people define a term
 * when they speak (talks, transcripts, notes in their own words).
 */
function calledWhichDefinition(s: ProseSentence): RuleCard | null {
  const t = s.tokens;
  for (let k = 1; k + 4 < t.length; k++) {
    if (t[k]!.text.toLowerCase() !== 'called' || t[k - 1]!.lemma === 'be') continue;
    let a = k + 1;
    const det = /^(?:a|an)$/i.test(t[a]!.text) ? t[a++]!.text.toLowerCase() : '';
    // The name may sit in quotes or a wiki link ("a [[lease]] which is …").
    while (/^["“[]$/.test(t[a]?.text ?? '')) a++;
    let b = a;
    while (b < t.length && b - a < 4 && /^(?:NOUN|PROPN|ADJ)$/.test(t[b]!.pos)) b++;
    if (b === a) return null;
    const term = span(s, a, b - 1);
    let w = b;
    while (/^["”\]]$/.test(t[w]?.text ?? '')) w++;
    if (!/^(?:which|that)$/i.test(t[w]?.text ?? '') || t[w + 1]?.lemma !== 'be') return null;
    let from = w + 2;
    while (HEDGES.test(t[from]?.text ?? '')) from++;
    const end = lastWord(s);
    if (end - from + 1 < MIN_PREDICATE || end - from + 1 > MAX_PREDICATE || t[from]?.pos !== 'DET') return null;
    return { kind: 'basic', syntax: 'note-prose-definition', front: `What is ${det === '' ? '' : `${det} `}${term}?`, back: asAnswer(upperFirst(span(s, from, end))), needsBefore: false };
  }
  return null;
}

/**
 * 'Java's garbage collection is "stop the world" which means it is going to
 * pause everything' -> What does it mean that Java's garbage collection is
 * "stop the world"? A quoted phrase the sentence then explains.
 */
function whichMeansDefinition(s: ProseSentence): RuleCard | null {
  const t = s.tokens;
  for (let k = 2; k + 3 < t.length; k++) {
    if (t[k]!.text.toLowerCase() !== 'which' || t[k + 1]?.lemma !== 'mean' || !/^["”]$/.test(t[k - 1]!.text)) continue;
    const open = t.slice(0, k - 1).map((x) => x.text).lastIndexOf(t[k - 1]!.text === '”' ? '“' : '"');
    if (open < 1) return null;
    const be = t[open - 1]!;
    if (be.lemma !== 'be' || open - 1 < 1 || t.slice(0, open - 1).some((x) => x.text === ',')) return null;
    const end = lastWord(s);
    if (end - (k + 2) + 1 < MIN_PREDICATE || end - (k + 2) + 1 > MAX_PREDICATE || pointsBack(s, 0, open - 2)) return null;
    const claim = `${lowerFirst(span(s, 0, open - 2), t[0], t[1])} ${be.text} “${span(s, open + 1, k - 2)}”`;
    return { kind: 'basic', syntax: 'note-prose-definition', front: `What does it mean that ${claim}?`, back: asAnswer(upperFirst(span(s, k + 2, end))), needsBefore: false };
  }
  return null;
}

/** "… rely on a quorum, that is, voting among the nodes" -> What is a quorum? */
function thatIsDefinition(s: ProseSentence): RuleCard | null {
  const t = s.tokens;
  const end = lastWord(s);
  for (let c = 1; c + 3 <= end; c++) {
    if (t[c]!.text !== ',') continue; // first: this runs on every word of every sentence
    const marker = t[c + 1]!.text.toLowerCase() === 'that' && t[c + 2]!.text.toLowerCase() === 'is' && t[c + 3]!.text === ',' ? 4 : /^i\.e\.$/i.test(t[c + 1]!.text) ? (t[c + 2]!.text === ',' ? 3 : 2) : 0;
    if (marker === 0) continue;
    const np = nounPhrases(t.slice(0, c)).find((p) => p.last === c - 1);
    if (np === undefined || np.last - np.first + 1 > MAX_TERM_WORDS || VAGUE_HEADS.has(t[np.last]!.lemma)) return null;
    const from = c + marker;
    if (end - from + 1 < MIN_PREDICATE || end - from + 1 > MAX_PREDICATE) return null;
    const term = lowerFirst(span(s, np.first, np.last), t[np.first], t[np.first + 1]);
    const plural = /s$/.test(t[np.last]!.text) && t[np.last]!.lemma !== t[np.last]!.text.toLowerCase();
    return {
      kind: 'basic',
      syntax: 'note-prose-definition',
      front: `What ${plural ? 'are' : 'is'} ${np.det < np.first ? `${t[np.det]!.text.toLowerCase()} ` : ''}${term}?`,
      back: asAnswer(upperFirst(span(s, from, end))),
      needsBefore: false,
    };
  }
  return null;
}

/** "X is a Y …": What is X? */
function isDefinition(s: ProseSentence): RuleCard | null {
  const t = s.tokens;
  const phrases = nounPhrases(t);
  const np = phrases[0];
  if (np === undefined || np.det !== 0) return null;
  let v = np.last + 1;
  // An acronym in brackets after the term: "Network Time Protocol (NTP) is …".
  if (t[v]?.text === '(' && t[v + 2]?.text === ')') v += 3;
  const be = t[v];
  if (be === undefined || be.lemma !== 'be' || be.pos !== 'AUX') return null;
  // "Byzantium was an ancient Greek city …": a definition holds now; what a thing was is history, an aside.
  if (/^(?:was|were)$/i.test(be.text)) return null;
  const det = t[v + 1];
  if (det === undefined || det.pos !== 'DET' || !/^(?:a|an|the|one)$/i.test(det.text)) return null;
  const end = lastWord(s);
  const predicate = end - v;
  if (predicate < MIN_PREDICATE || predicate > MAX_PREDICATE) return null;
  const head = t[np.last]!;
  if (VAGUE_HEADS.has(head.lemma) || np.last - np.first + 1 > MAX_TERM_WORDS) return null;
  if (pointsBack(s, 0, v - 1) || t[0]!.pos === 'PRON') return null;
  // "The X is the Y" where X is the sentence's whole point is fine; "The first X is …" counts items, not a concept.
  if (t.slice(np.first, np.last + 1).some((x) => x.pos === 'NUM' || /^(?:first|second|third|last|next|other|same|main|only|best)$/i.test(x.text))) return null;
  const predicateHead = nounPhrases(t.slice(v + 1))[0];
  if (predicateHead === undefined || VAGUE_PREDICATES.has(t[v + 1 + predicateHead.last]!.lemma)) return null;
  if (t.slice(v + 1, v + 1 + predicateHead.last).some((x) => EVALUATIVE.has(x.text.toLowerCase()))) return null;
  const term = lowerFirst(span(s, 0, v - 1), t[0], t[0 + 1]);
  const plural = be.text.toLowerCase() === 'are';
  return {
    kind: 'basic',
    syntax: 'note-prose-definition',
    front: `What ${plural ? 'are' : 'is'} ${term}?`,
    back: asAnswer(upperFirst(span(s, v + 1, end))),
    needsBefore: false,
  };
}

/** "… is called X" / "… is known as X" / "… referred to as X": a cloze on X. */
function namingCloze(s: ProseSentence): RuleCard | null {
  const t = s.tokens;
  for (let k = 1; k < t.length - 1; k++) {
    const w = t[k]!.text.toLowerCase();
    let start = -1;
    if (w === 'called' && t[k - 1]!.lemma === 'be') start = k + 1;
    else if ((w === 'known' || w === 'referred') && t[k + 1]?.text.toLowerCase() === 'as' && t[k - 1]!.lemma === 'be') start = k + 2;
    if (start < 0) continue;
    const phrases = nounPhrases(t.slice(start));
    const np = phrases[0];
    if (np === undefined || np.det !== 0) return null;
    const first = start + np.first;
    let last = start + np.last;
    // Several names for one thing ("a limping node, gray failure, or fail-slow") are hidden together.
    last = aliasListEnd(t, last);
    // The term ends the clause: "… is called a zombie." / "… (known as *smearing*)".
    const after = t[last + 1];
    if (after !== undefined && !/^[.,;:)!?]$/.test(after.text)) return null;
    const hidden = span(s, first, last);
    // One name of several the sentence gives (…, and in Kafka they are called *epoch numbers*) is trivia; a
    // name of the term still in sight (… the *Byzantine Generals Problem*) gives it away.
    if (oneOfSeveralNames(s.text, t[first]!.from) || nameEchoed(hidden, s.text.slice(t[last]!.to), false)) return null;
    if (hidden.split(/\s+/).length > 3 * MAX_TERM_WORDS) return null;
    const from = t[first]!.from;
    const to = t[last]!.to;
    // Only the term's own emphasis marks go; the sentence keeps its others ("and back *decoding*").
    // Several names hidden together: the gap's hint says how many the learner is to give.
    const names = last > start + np.last ? hidden.split(/,\s*(?:or\s+)?|\s+or\s+/).length : 1;
    const gap = names > 1 ? `**[${names} names]**` : GAP;
    const front = withoutAsides(s.text.slice(0, from).replace(/[*_]+$/, '') + gap + s.text.slice(to).replace(/^[*_]+/, ''));
    return { kind: 'cloze', syntax: 'note-prose-definition', front, back: hidden, needsBefore: pointsBack(s, 0, k - 1) };
  }
  return null;
}

/**
 * The last token of a list of names that starts with the phrase ending at
 * `last` (", Y, or Z"): items of up to four words, the list closed by one
 * after "or"/"and". `last` itself when no such list follows.
 */
function aliasListEnd(t: readonly Token[], last: number): number {
  let j = last + 1;
  for (let items = 0; items < 4; items++) {
    const comma = t[j]?.text === ',';
    let k = comma ? j + 1 : j;
    // Names of one thing are joined by "or"; "X, and Y" joins two things ("encoding, and back decoding").
    const closing = /^or$/i.test(t[k]?.text ?? '');
    // "X, Y or Z": the last name may follow "or" without a comma, once a comma began the list.
    if (!comma && !(closing && items > 0)) return last;
    if (closing) k++;
    let stop = k;
    while (stop < t.length && !/^[,.;:)]$/.test(t[stop]!.text) && !/^(?:or|and)$/i.test(t[stop]!.text) && t[stop]!.pos !== 'AUX') stop++;
    if (/^and$/i.test(t[stop]?.text ?? '')) return last;
    if (stop === k || stop - k > 4 || t[stop]?.pos === 'AUX') return last;
    if (closing) return stop - 1;
    j = stop;
  }
  return last;
}
