/**
 * Cloze cards from prose: a sentence that sets a key term in emphasis
 * (`*term*`, `_term_`, `**term**`) asks for that term. Chapters and captured
 * pages mark the terms they introduce this way, so the sentence around the
 * term is the question's own context.
 */
import type { DerivedCard } from './derived-card.js';
import { type ProseSentence, usableContext, withoutAsides } from './prose-rules/prose-sentence.js';
import { bareMagnitude, contextNamesTerm, echoStem, echoedInCard, examplesFollow, inExampleClause, joinsTwoThings, nameEchoed, oneOfSeveralNames } from './prose-rules/cloze-giveaways.js';
import { STOCK_PHRASES, VAGUE_HEADS } from './prose-rules/vague-words.js';
import type { EmphasisSpan } from './sentences.js';

/** How many cards one term (compared case-insensitively) gives in a document: its first uses only. */
export const MAX_CARDS_PER_TERM = 3;
/** Longest key term in words; longer emphasis is a quoted phrase or a whole claim, not a term ("a significant motivation for using virtual machines" is an open phrase a learner cannot pin down). */
const MAX_TERM_WORDS = 5;
/** Shortest key term in letters and digits. */
const MIN_TERM_CHARS = 3;
/** Words that mark a phrase as the author's figure of speech rather than a term. */
const FIGURATIVE = new Set('fickle messy nasty ugly beast beasts scary frightening bizarre weird horror nightmare magic magical pandora'.split(' '));

/** Longest sentence a cloze is cut from: a longer one asks the learner to read a paragraph. */
const MAX_CLOZE_SENTENCE = 240;
/** Fewest words a sentence keeps around the gap, so the question has something to ask. */
const MIN_CONTEXT_WORDS = 4;
const GAP = '**[...]**';
const MATH_RE = /[[\]=<>≤≥+]/;

// Single words set in emphasis for stress ("anything that *can* go wrong *will*"), not terms.
const STRESS_WORDS = new Set(
  ('all any both can cannot could did do does either every everything had has have how is isnt are arent ' +
    'know knew may might must need never no none nor not now only ought shall should some than that the ' +
    'then this those very was were what when where whether which while who why will with without would ' +
    'you your our we they their actually always also really still just much more most less least even ' +
    'same different before after first last both own before whole entire any once')
    .split(' '),
);

/**
 * The cloze of a sentence that sets a key term in emphasis: the sentence
 * with the term as `**[...]**`, the term as the answer, the sentence before
 * as context when it does not give the term away. Skipped: terms under 3
 * characters or over 6 words, stress words and phrases (no noun, name or
 * number in them: "impossible", "thoroughly pessimistic"), one name of
 * several ("*limping node*, gray failure, or fail-slow"), labels followed by
 * a colon (definition bullets make those), sentences over MAX_CLOZE_SENTENCE, a
 * term still visible elsewhere in the sentence, and uses of a term after its
 * first MAX_CARDS_PER_TERM (`seen` counts them per lower-cased term).
 */
export function emphasisCloze(sentence: ProseSentence, seen: Map<string, number>): DerivedCard | null {
  if (sentence.text.length > MAX_CLOZE_SENTENCE || sentence.emphasis.length === 0) return null;
  // A sentence in brackets is an aside ("(And yes, you guessed it—…)"); a question asks, it states nothing to hide;
  // a sentence ending in a colon announces a list the cloze would cut it from ("three system models are in use:").
  if (sentence.text.startsWith('(') || /\?["”’)]?$/.test(sentence.text) || /:\s*$/.test(sentence.text)) return null;
  // "This feature is used for *live migration* …" after a sentence that never says "feature": the gap is asked
  // about something the card cannot name.
  if (demonstrativeUnresolved(sentence)) return null;
  const done = new Set<string>();
  for (const span of sentence.emphasis) {
    const key = plainTerm(span.term).toLowerCase();
    if (done.has(key)) continue;
    done.add(key);
    if (!isKeyTerm(span, sentence.text) || !namesSomething(sentence, span) || isAlias(sentence.text, span) || isExample(sentence.text, span)) continue;
    // The heading just above that names the term ("Faults and Partial Failures" over "… think about [partial
    // failure]") gives it away.
    if (inHeadings(sentence.headingPath, key)) continue;
    // One gap hides one fact ("[Fault tolerance and low latency] are equally important goals" asks two), and a
    // phrase in an "e.g." clause is the author's illustration, not the point.
    if (joinsTwoThings(plainTerm(span.term)) || inExampleClause(sentence.text, span.from)) continue;
    // Examples right after the gap name its category for the learner; a bare magnitude ("off by *hours*") is
    // an aside's size, not a fact.
    if (examplesFollow(sentence.text, span.to) || bareMagnitude(plainTerm(span.term))) continue;
    // "describe its *properties*": one word after "its" is what any reader would say; so is one noun after the
    // adjective that goes with it ("an untenable *bottleneck*", "some basic *sanity-checking*").
    if (possessedWord(sentence.text, span)) continue;
    // One noun after the adjective that goes with it ("an untenable *bottleneck*") is guessed from the adjective:
    // the gap takes the pair.
    const adjective = adjectiveBefore(sentence, span);
    const count = seen.get(key) ?? 0;
    if (count >= MAX_CARDS_PER_TERM) continue;
    // "*suspended* … and *resumed*", "two kinds: *safety* and *liveness*": one of a pair in sight gives the
    // other away, and a cloze hides one term: such a pair gives no cloze.
    if (pairedWith(sentence, span)) continue;
    const front = withoutInitials(withoutAsides(adjective === null ? masked(sentence, key) : sentence.text.slice(0, adjective) + GAP + sentence.text.slice(span.to)), plainTerm(span.term));
    const rest = front.split(GAP).join(' ');
    if (mentions(rest, key) || words(rest) < MIN_CONTEXT_WORDS) continue;
    // Half the term's words in sight elsewhere (the sentence, any heading above) fill the gap without recall.
    if (echoedInCard(plainTerm(span.term), rest, sentence.headingPath)) continue;
    // A name of the term in sight ("… [Byzantine fault] … the *Byzantine Generals Problem*") gives it away.
    if (nameEchoed(plainTerm(span.term), rest, sentence.text.slice(0, span.from).replace(/[*_\s]/g, '') === '')) continue;
    // "resources are *shared among many customers*: … are shared": a phrase led by a verb or adjective that the
    // sentence says again.
    if (ledByEchoedWord(sentence, span, rest)) continue;
    seen.set(key, count + 1);
    const before = sentence.before;
    return {
      kind: 'cloze',
      syntax: 'note-emphasis',
      front,
      back: adjective === null ? span.term : `${sentence.text.slice(adjective, span.from)}${span.term}`,
      // The sentence before helps unless it names the term the gap hides.
      context: before !== null && !mentions(before, key) && !contextNamesTerm(plainTerm(span.term), before) ? usableContext(before) : null,
      headingPath: sentence.headingPath,
      line: sentence.line,
      endLine: sentence.endLine,
    };
  }
  return null;
}

/** Whether the emphasised phrase holds a noun, a name, a number or code: a term, not a stress word. */
function namesSomething(sentence: ProseSentence, span: EmphasisSpan): boolean {
  if (span.term.includes('`')) return true;
  const inside = sentence.tokens.filter((t) => t.from >= span.from && t.to <= span.to);
  if (STOCK_PHRASES.has(plainTerm(span.term).toLowerCase())) return false;
  // A figure of speech ("fickle beasts", "the messy facts of reality") is the author's voice, not a fact.
  if (inside.some((t) => FIGURATIVE.has(t.lemma))) return false;
  const nouns = inside.filter((t) => t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM' || t.pos === 'X');
  // A clause ("compensate for any discrepancy", "nodes may lie") is a claim to recall, not a term: the learner
  // cannot check a paraphrase. Short phrases are let through: the model tags many nouns as verbs ("segment file").
  if (plainTerm(span.term).split(/\s+/).length >= 3 && inside.some((t) => t.pos === 'AUX' || (t.pos === 'VERB' && !/(?:ing|ed)$/.test(t.text)))) return false;
  // "A variant", "the reason": a phrase of one vague noun names nothing.
  if (nouns.length === 1 && inside.length <= 2 && VAGUE_HEADS.has(nouns[0]!.lemma)) return false;
  if (nouns.length > 0) return true;
  // One verb set in emphasis is a term only where the text defines it ("it *drifts* (runs faster or slower …)",
  // "this is known as *slewing* the clock"); elsewhere the gap asks for a word the rest of the sentence all but
  // says ("can *preempt* the running thread", "the first step is to *detect* them").
  if (inside.length === 1 && inside[0]!.pos === 'VERB') return definedHere(sentence.text, span);
  // After an article the phrase is a noun phrase whatever the tags say: the model tags "a *write-ahead log*" as verbs.
  const before = sentence.tokens.filter((t) => t.to <= span.from).pop();
  return before !== undefined && /^(?:a|an|the)$/i.test(before.text) && inside.length > 0 && inside[inside.length - 1]!.pos !== 'ADJ' && inside[inside.length - 1]!.pos !== 'ADV';
}

/** Whether the sentence opens on "This/These/Such" and a noun that the sentence before does not name. */
function demonstrativeUnresolved(sentence: ProseSentence): boolean {
  const m = /^(?:This|These|Such)\s+(?:[\p{L}-]+\s+)?([\p{L}-]+)/u.exec(sentence.text);
  if (m === null) return false;
  const first = sentence.tokens[1];
  // "These are so-called …": a pronoun, which the context line carries.
  if (first === undefined || !/^(?:NOUN|ADJ|PROPN)$/.test(first.pos)) return false;
  const noun = (first.pos === 'ADJ' ? m[1]! : first.text).toLowerCase().replace(/s$/, '');
  return sentence.before === null || !sentence.before.toLowerCase().includes(noun);
}

const PICKING_ADJECTIVES = new Set('last first next previous same other only whole entire own single new old main many few several various different each certain particular'.split(' '));

/**
 * The front without the term's initials in brackets right after the gap
 * ("have a **[...]** (GC) that …" spells out "garbage collector"): the
 * abbreviation would give the gap away.
 */
function withoutInitials(front: string, term: string): string {
  const initials = (term.match(/\p{L}[\p{L}\p{N}'’]*/gu) ?? []).map((w) => w[0]!.toUpperCase()).join('');
  return front.replace(/(\*\*\[\.\.\.\]\*\*)\s*\(([A-Z]{2,6})s?\)/g, (whole, gap: string, abbreviation: string) => (abbreviation === initials ? gap : whole));
}

/** Where the adjective right before a one-noun phrase starts ("an untenable *bottleneck*"), or null. */
function adjectiveBefore(sentence: ProseSentence, span: EmphasisSpan): number | null {
  const inside = sentence.tokens.filter((t) => t.from >= span.from && t.to <= span.to);
  const before = sentence.tokens.filter((t) => t.to <= span.from).pop();
  // Adjectives that only pick one of several ("the last *checkpoint*", "the same *key*") leave the noun to recall.
  const pair = inside.length === 1 && inside[0]!.pos === 'NOUN' && before !== undefined && before.pos === 'ADJ' && before.to >= span.from - 3 && !PICKING_ADJECTIVES.has(before.text.toLowerCase());
  return pair ? before!.from : null;
}

/** Whether the phrase opens on a verb or adjective whose word the rest of the sentence repeats. */
function ledByEchoedWord(sentence: ProseSentence, span: EmphasisSpan, rest: string): boolean {
  const first = sentence.tokens.find((t) => t.from >= span.from && t.to <= span.to);
  // A participle or an adjective on its own ("*shared* among"), not the first part of a compound ("*write*-ahead log").
  if (first === undefined || !(first.pos === 'ADJ' || (first.pos === 'VERB' && /(?:ed|en)$/i.test(first.text)))) return false;
  if (sentence.text[first.to] === '-') return false;
  const stem = echoStem(first.text);
  return (rest.toLowerCase().match(/\p{L}[\p{L}\p{N}]*/gu) ?? []).some((w) => echoStem(w) === stem);
}

/** Whether the phrase is one word after a possessive ("its *implementation*", "their *properties*"). */
function possessedWord(text: string, span: EmphasisSpan): boolean {
  return !/\s/.test(text.slice(span.from, span.to).replace(/[*_]/g, '').trim()) && /\b(?:its|their|his|her|our|your)\s+$/i.test(text.slice(0, span.from));
}

/** Whether the sentence defines the phrase: a gloss in brackets right after it, or "known as"/"called" right before. */
function definedHere(text: string, span: EmphasisSpan): boolean {
  return /^\s*\(/.test(text.slice(span.to)) || /\b(?:known as|called)\s*$/i.test(text.slice(0, span.from));
}

/** Whether the phrase is one name in a list of names ("*limping node*, gray failure, or fail-slow"). */
function isAlias(text: string, span: EmphasisSpan): boolean {
  const after = text.slice(span.to, span.to + 80);
  const before = text.slice(Math.max(0, span.from - 80), span.from);
  // "… (also known as *wall-clock time*)", "sometimes also called *partitioning*": a second name for what the
  // sentence already named.
  if (/\b(?:also|otherwise)\s+(?:known as|called|referred to as|named)\s*$/i.test(before)) return true;
  // "S3 calls it *conditional writes*, … Google Cloud Storage calls it *request preconditions*": one vendor's name.
  if (oneOfSeveralNames(text, span.from)) return true;
  return /^\s*(?:\([^)]*\)\s*)?,\s*[^,.;:]{1,40},\s*(?:or|and)\s/.test(after) || /,\s*(?:or|and)\s*$/.test(before) || /^\s*\((?:also )?(?:called|known as|or)\b/.test(after);
}

/** Whether the phrase is an example in brackets ("(e.g., *dedicated hardware* and …)"): a detail, not the point. */
function isExample(text: string, span: EmphasisSpan): boolean {
  const open = text.lastIndexOf('(', span.from);
  return open >= 0 && text.indexOf(')', open) >= span.to && /^\((?:e\.g\.|for example\b|such as\b|like\b)/i.test(text.slice(open, span.from));
}

/** Whether another emphasised phrase is joined to `span` by "and"/"or" ("*safety* and *liveness*"). */
function pairedWith(sentence: ProseSentence, span: EmphasisSpan): boolean {
  const i = sentence.emphasis.indexOf(span);
  const next = sentence.emphasis[i + 1];
  const prev = sentence.emphasis[i - 1];
  // An aside in brackets may sit between the two ("*suspended* (pausing …) and *resumed* (restoring …)").
  const JOINT = /^\s*(?:\([^()]*\)\s*)?(?:and|or)\s+$/;
  return (next !== undefined && JOINT.test(sentence.text.slice(span.to, next.from))) || (prev !== undefined && JOINT.test(sentence.text.slice(prev.to, span.from)));
}

/** The sentence with every emphasised use of the term as a gap. */
function masked(sentence: ProseSentence, key: string): string {
  let text = '';
  let at = 0;
  for (const span of sentence.emphasis) {
    if (plainTerm(span.term).toLowerCase() !== key) continue;
    text += sentence.text.slice(at, span.from) + GAP;
    at = span.to;
  }
  return text + sentence.text.slice(at);
}

function isKeyTerm(span: EmphasisSpan, sentence: string): boolean {
  const term = plainTerm(span.term);
  const letters = term.replace(/[^\p{L}\p{N}]/gu, '');
  if (letters.length < MIN_TERM_CHARS) return false;
  if (term.split(/\s+/).length > MAX_TERM_WORDS) return false;
  // `**Term:** text` is a definition label, made into a card by the definition extractor.
  if (/:\s*$/.test(term) || (span.from === 0 && sentence.slice(span.to).startsWith(':'))) return false;
  if (!/\s/.test(term) && STRESS_WORDS.has(term.toLowerCase().replace(/[^\p{L}]/gu, ''))) return false;
  // `r**ely on**` is a stray marker inside a word, not a term.
  if (/[\p{L}\p{N}]/u.test(sentence[span.from - 1] ?? '') || /[\p{L}\p{N}]/u.test(sentence[span.to] ?? '')) return false;
  // Variables in a formula (`[*Aearliest*, *Alatest*]`, `*A* < *B*`) are not terms either.
  const before = sentence.slice(0, span.from).trimEnd();
  const after = sentence.slice(span.to).trimStart();
  return !MATH_RE.test(before[before.length - 1] ?? '') && !MATH_RE.test(after[0] ?? '');
}

function plainTerm(term: string): string {
  return term.replace(/`/g, '').replace(/\s+/g, ' ').trim();
}

/** Whether text shows the term as a whole word (so a gap for it would give nothing away). */
function mentions(text: string, key: string): boolean {
  const plain = text.replace(/[*`]/g, '').toLowerCase();
  let at = plain.indexOf(key);
  while (at >= 0) {
    const before = at === 0 ? '' : plain[at - 1]!;
    const after = plain[at + key.length] ?? '';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    at = plain.indexOf(key, at + 1);
  }
  return false;
}

/** Whether every word of the term (plural or not) is in the heading just above: it stands over the card in review. */
function inHeadings(path: readonly string[], key: string): boolean {
  const heading = path[path.length - 1];
  if (heading === undefined) return false;
  // "failures" and "failure", "boxes" and "box": a word and its plural count as one.
  const forms = (w: string): string[] => [w, w.replace(/s$/, ''), w.replace(/es$/, '')];
  const heads = new Set(heading.toLowerCase().match(/\p{L}[\p{L}\p{N}-]*/gu)?.flatMap(forms) ?? []);
  const own = key.match(/\p{L}[\p{L}\p{N}-]*/gu)?.filter((w) => w.length > 2) ?? [];
  return own.length > 0 && own.every((w) => forms(w).some((f) => heads.has(f)));
}

function words(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
